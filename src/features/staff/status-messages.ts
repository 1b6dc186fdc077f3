import { bold, channelLink, italic, join, type Mrkdwn, mention, mrkdwn } from '../../slack/mrkdwn';

/** The sentences of the staff pair status. Names, goals, commitments and notes are typed text. */
const END_REASONS: Record<string, string> = {
  completed: 'completed',
  no_time: 'no time',
  no_response: 'no response',
  not_a_fit: 'not a good fit',
  other: 'other',
};
export const endReasonLabel = (reason: string) => END_REASONS[reason] ?? reason;

export const statusText = {
  title: (mentor: string, mentee: string) => `${mentor} and ${mentee}`,
  modalTitle: () => 'Pair status',
  close: () => 'Close',
  person: (role: string, name: string, org: string, country: string) => {
    const where = [org, country].filter(Boolean).join(', ');
    return where ? mrkdwn`*${role}:* ${name}, ${where}` : mrkdwn`*${role}:* ${name}`;
  },
  program: (channelId: string | undefined, cadence: string, start: Mrkdwn, end: Mrkdwn) =>
    mrkdwn`*Program:* ${cadence === 'weekly' ? 'weekly' : 'every two weeks'}, ${start} to ${end}${channelId ? mrkdwn` · ${channelLink(channelId)}` : ''}`,
  health: (label: string, reasons: string[]) =>
    reasons.length ? mrkdwn`*Health:* ${bold(label)}: ${reasons.join('; ')}` : mrkdwn`*Health:* ${bold(label)}`,
  healthUnknown: () => mrkdwn`*Health:* not known yet.`,
  paused: (until: Mrkdwn, by: string | null | undefined, reason: string) =>
    mrkdwn`*Pause:* paused until ${until}${by ? mrkdwn` by ${mention(by)}` : ''}${reason ? mrkdwn`. Reason: ${italic(reason)}` : ''}`,
  notPaused: () => mrkdwn`*Pause:* not paused.`,
  ended: (at: Mrkdwn, reason: string, note: string) =>
    mrkdwn`*Ended* on ${at} (${endReasonLabel(reason)})${note ? mrkdwn`: ${italic(note)}` : ''}`,
  goalsHeading: () => mrkdwn`*Goals*`,
  goal: (n: number, title: string, status: string) => mrkdwn`${n}. ${title} (${status})`,
  checkinsHeading: () => mrkdwn`*Last check-ins*`,
  noCheckins: () => mrkdwn`No check-in has gone out yet.`,
  checkin: (period: number, when: Mrkdwn, replied: string[]) =>
    replied.length === 0
      ? mrkdwn`#${period}, ${when}: no reply.`
      : mrkdwn`#${period}, ${when}: ${join(replied, ' and ')} replied.`,
  commitmentsHeading: () => mrkdwn`*Open commitments*`,
  noCommitments: () => mrkdwn`None open.`,
  commitment: (owner: string, what: string, due: Mrkdwn, overdue: boolean) =>
    mrkdwn`• ${owner}: ${what}, due ${due}${overdue ? mrkdwn` ${bold('(overdue)')}` : ''}`,
  notesHeading: () => mrkdwn`:lock: *Staff-only notes* (only program staff see these)`,
  noNotes: () => mrkdwn`:lock: No staff-only notes in these check-ins.`,
  note: (period: number, who: string, note: string) => mrkdwn`#${period}, ${bold(who)}: ${note}`,
  moreNotes: (n: number) => mrkdwn`${n} older notes are not shown; \`/mentorship export checkins\` has them all.`,
};
