import { code, lines, mention, type Mrkdwn, mrkdwn } from '../../slack/mrkdwn';

const because = (reason: string): Mrkdwn => (reason ? mrkdwn` (${reason})` : mrkdwn``);

/** Every sentence of time away (`/mentorship away`). */
export const text = {
  usage: (): Mrkdwn =>
    lines(
      mrkdwn`${code('/mentorship away 2026-12-20..2027-01-05 family leave')}: you are away those days (the last one included).`,
      mrkdwn`${code('/mentorship away until 2027-01-05')} or ${code('/mentorship away 2w')}: away from today.`,
      mrkdwn`${code('/mentorship away')}: your time away; ${code('/mentorship away cancel')}: you are back.`,
      mrkdwn`Staff: ${code('/mentorship away @person 2026-12-20..2027-01-05 [reason]')} (or ${code('@person cancel')}).`,
    ),
  badDates: (detail: string): Mrkdwn => lines(mrkdwn`${detail}`, text.usage()),
  notADay: () => 'Write days as YYYY-MM-DD, for example 2026-12-20..2027-01-05.',
  datesMissing: () => 'Say when you are away: a range of days, `until` a day, or a length such as 2w or 10d.',
  startInPast: () => 'Time away starts today or later.',
  endBeforeStart: () => 'The last day away must be on or after the first one.',
  tooLong: (max: number) =>
    `Time away lasts from 1 day to ${max} days; for longer, ask program staff to pause the pair.`,
  reasonTooLong: (max: number) => `The reason can be at most ${max} characters.`,
  staffOnly: () => 'Only program staff can set time away for someone else.',
  notAParticipant: () => 'You are not in the mentorship program, so there is no time away to set.',
  personNotInProgram: (userId: string): Mrkdwn => mrkdwn`${mention(userId)} is not in the mentorship program.`,
  awaySet: (who: Mrkdwn | undefined, from: Mrkdwn, until: Mrkdwn, reason: string): Mrkdwn =>
    lines(
      mrkdwn`${who ? mrkdwn`${who} is` : 'You are'} away from ${from} to ${until}${because(reason)}.`,
      mrkdwn`No check-in prompts, nudges, reminders or feedback requests are addressed ${who ? 'to them' : 'to you'} then; the pair’s channel is told.`,
    ),
  sameAlready: (from: Mrkdwn, until: Mrkdwn): Mrkdwn => mrkdwn`That time away (${from} to ${until}) is set already.`,
  noAway: (): Mrkdwn => mrkdwn`No time away is planned. ${text.usageHint()}`,
  usageHint: (): Mrkdwn => mrkdwn`To set one: ${code('/mentorship away 2026-12-20..2027-01-05 [reason]')}.`,
  awayNow: (from: Mrkdwn, until: Mrkdwn, reason: string): Mrkdwn =>
    mrkdwn`You are away now, from ${from} to ${until}${because(reason)}. ${code('/mentorship away cancel')} if you are back early.`,
  awayNext: (from: Mrkdwn, until: Mrkdwn, reason: string): Mrkdwn =>
    mrkdwn`Your next time away: ${from} to ${until}${because(reason)}. ${code('/mentorship away cancel')} to take it back.`,
  cancelled: (who: Mrkdwn | undefined): Mrkdwn =>
    mrkdwn`${who ? mrkdwn`${who} is` : 'You are'} back: prompts, nudges and reminders follow the usual hours again.`,
  nothingToCancel: (): Mrkdwn => mrkdwn`There was no time away to cancel.`,
  /** One kind line in the pair's channel; the person away is named, not pinged. */
  partnerNotice: (partner: Mrkdwn, name: string, from: Mrkdwn, until: Mrkdwn, reason: string): Mrkdwn =>
    mrkdwn`${partner}, a heads-up: ${name} is away from ${from} to ${until}${because(reason)}. Check-ins go on as usual; missed ones while they are away do not count.`,
  databaseDown: () => 'The bot cannot save right now. Please try again in a minute.',
};
