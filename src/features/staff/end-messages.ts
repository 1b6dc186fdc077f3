import { t, tm } from '../../i18n';
import { channelLink, join, type Mrkdwn } from '../../slack/mrkdwn';
import { usage } from './messages';

export const END_REASONS = ['completed', 'no_time', 'no_response', 'not_a_fit', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];

type ArchiveOutcome = 'archived' | 'failed' | 'pending' | 'not_asked';

/**
 * The sentences of ending a pair (`/mentorship end`, `staff.end.*`): the modal and the answers in
 * the staff member's language, the thank-you in the pair's (end-service.ts renders it so).
 */
export const endText = {
  usage: () => usage.end(),
  reasonLabel: (reason: EndReason) => t(`staff.end.reasons.${reason}`),
  modalTitle: () => t('staff.end.modalTitle'),
  modalSubmit: () => t('staff.end.modalSubmit'),
  modalIntro: (mentor: string, mentee: string, channelId: string | undefined) =>
    channelId
      ? tm('staff.end.modalIntroChannel', { mentor, mentee, channel: channelLink(channelId) })
      : tm('staff.end.modalIntro', { mentor, mentee }),
  reasonField: () => t('staff.end.reasonField'),
  noteField: () => t('staff.end.noteField'),
  archiveField: () => t('staff.end.archiveField'),
  archiveOption: () => t('staff.end.archiveOption'),
  alreadyEnded: () => t('staff.end.alreadyEnded'),
  cancel: () => t('staff.cancel'),
  close: () => t('common.close'),
  failed: () => t('staff.end.failed'),
  reasonMissing: () => t('staff.end.reasonMissing'),
  /** In the pair's channel: short, kind, and no reason (it may not be theirs to read). */
  thanks: (mentor: string, mentee: string) => tm('staff.end.thanks', { mentor, mentee }),
  ending: (channelId: string | undefined, archive: boolean) => {
    if (!channelId) return tm('staff.end.ended');
    const channel = channelLink(channelId);
    return archive ? tm('staff.end.endingArchive', { channel }) : tm('staff.end.ending', { channel });
  },
  /** What happened after the end, sentence by sentence: the end, the thank-you, the archive. */
  done: (channelId: string | undefined, told: boolean, archive: ArchiveOutcome) => {
    const sentences: Mrkdwn[] = [tm('staff.end.ended')];
    if (channelId) {
      const channel = channelLink(channelId);
      sentences.push(told ? tm('staff.end.thanksPosted', { channel }) : tm('staff.end.thanksPending', { channel }));
    }
    if (archive === 'archived') sentences.push(tm('staff.end.archived'));
    if (archive === 'pending') sentences.push(tm('staff.end.archivePending'));
    if (archive === 'failed') sentences.push(tm('staff.end.archiveFailed'));
    return join(sentences, ' ');
  },
};
