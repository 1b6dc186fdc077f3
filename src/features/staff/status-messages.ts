import { listSeparator } from '../../slack/lists';
import { formatNumber, t, tm } from '../../i18n';
import { channelLink, type Mrkdwn, mention, mrkdwn } from '../../slack/mrkdwn';
import { nameList } from './messages';

/**
 * The sentences of the staff pair status (`staff.status.*`), in the language of the staff member
 * reading it. Names, goals, commitments and notes are typed text: `tm` escapes them.
 */
const END_REASONS = ['completed', 'no_time', 'no_response', 'not_a_fit', 'other'] as const;
type EndReason = (typeof END_REASONS)[number];
const isEndReason = (r: string): r is EndReason => (END_REASONS as readonly string[]).includes(r);

/** Why a pair ended, as the status reads it ("not a good fit"); a reason we do not know is shown as stored. */
export const endReasonLabel = (reason: string) =>
  isEndReason(reason) ? t(`staff.status.endReasons.${reason}`) : reason;

export const statusText = {
  title: (mentor: string, mentee: string) => t('staff.status.title', { mentor, mentee }),
  modalTitle: () => t('staff.status.modalTitle'),
  close: () => t('common.close'),
  person: (role: 'mentor' | 'mentee', name: string, org: string, country: string) => {
    const where = [org, country].filter(Boolean).join(listSeparator());
    if (role === 'mentor')
      return where ? tm('staff.status.mentorFrom', { name, where }) : tm('staff.status.mentor', { name });
    return where ? tm('staff.status.menteeFrom', { name, where }) : tm('staff.status.mentee', { name });
  },
  program: (channelId: string | undefined, cadence: string, start: Mrkdwn, end: Mrkdwn) => {
    const line = tm('staff.status.program', {
      cadence: cadence === 'weekly' ? t('staff.status.weekly') : t('staff.status.everyTwoWeeks'),
      start,
      end,
    });
    return channelId ? mrkdwn`${line} · ${channelLink(channelId)}` : line;
  },
  health: (label: string, reasons: string[]) =>
    reasons.length
      ? tm('staff.status.health', { label, reasons: reasons.join('; ') })
      : tm('staff.status.healthNoReason', { label }),
  healthUnknown: () => tm('staff.status.healthUnknown'),
  paused: (until: Mrkdwn, by: string | null | undefined, reason: string) => {
    if (by)
      return reason
        ? tm('staff.status.pausedByReason', { until, by: mention(by), reason })
        : tm('staff.status.pausedBy', { until, by: mention(by) });
    return reason ? tm('staff.status.pausedReason', { until, reason }) : tm('staff.status.paused', { until });
  },
  notPaused: () => tm('staff.status.notPaused'),
  ended: (at: Mrkdwn, reason: string, note: string) =>
    note
      ? tm('staff.status.endedNote', { at, reason: endReasonLabel(reason), note })
      : tm('staff.status.ended', { at, reason: endReasonLabel(reason) }),
  goalsHeading: () => tm('staff.status.goalsHeading'),
  goal: (n: number, title: string, status: string) => tm('staff.status.goal', { n: formatNumber(n), title, status }),
  checkinsHeading: () => tm('staff.status.checkinsHeading'),
  noCheckins: () => tm('staff.status.noCheckins'),
  checkin: (period: number, when: Mrkdwn, replied: string[]) =>
    replied.length === 0
      ? tm('staff.status.checkinNoReply', { period: formatNumber(period), when })
      : tm('staff.status.checkinReplied', { period: formatNumber(period), when, who: nameList(replied) }),
  commitmentsHeading: () => tm('staff.status.commitmentsHeading'),
  noCommitments: () => tm('staff.status.noCommitments'),
  commitment: (owner: string, what: string, due: Mrkdwn, overdue: boolean) =>
    overdue
      ? tm('staff.status.commitmentOverdue', { owner, what, due })
      : tm('staff.status.commitment', { owner, what, due }),
  notesHeading: () => tm('staff.status.notesHeading'),
  noNotes: () => tm('staff.status.noNotes'),
  note: (period: number, who: string, note: string) =>
    tm('staff.status.note', { period: formatNumber(period), who, note }),
  moreNotes: (n: number) => tm('staff.status.moreNotes', { count: n, n: formatNumber(n) }),
};
