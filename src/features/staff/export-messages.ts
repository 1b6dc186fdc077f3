import { t, tm } from '../../i18n';

/** What `/mentorship export` can export (feedback is the feedback feature's table). */
type Kind = 'pairs' | 'checkins' | 'commitments' | 'outcomes' | 'feedback';
const KINDS: readonly Kind[] = ['pairs', 'checkins', 'commitments', 'outcomes', 'feedback'];
const kindOf = (kind: string): Kind => ((KINDS as readonly string[]).includes(kind) ? (kind as Kind) : 'pairs');

/**
 * The sentences of `/mentorship export` (`staff.export.*`), in the staff member's language: one
 * sentence per kind, as the kind's name may change the words around it.
 */
export const exportText = {
  usage: () => t('staff.export.usage'),
  /** The file's title: a file cannot hold a date token, so the day is written as YYYY-MM-DD. */
  title: (kind: string, day: string) => t(`staff.export.title.${kindOf(kind)}`, { day }),
  /** Said with the file; the check-ins and feedback say they hold staff-only answers. */
  comment: (kind: string) => tm(`staff.export.comment.${kindOf(kind)}`),
  sent: (kind: string) => t(`staff.export.sent.${kindOf(kind)}`),
  yes: () => t('staff.export.yes'),
  no: () => t('staff.export.no'),
};
