import { bold, channelLink, code, fromCommandText, type Mrkdwn, mrkdwn } from '../../slack/mrkdwn';

/**
 * Every sentence the pairing feature shows people, in one place, built from parameters.
 * English only for now; other catalogues will sit beside this one with the same keys.
 * Sentences for messages are `Mrkdwn` (typed text escaped by the `mrkdwn` tag); sentences that are
 * only ever an error or a short reply stay strings.
 */
export const text = {
  usage: () =>
    [
      '*Mentorship bot* — how to use `/mentorship`:',
      '• `/mentorship goals` — your pair’s goals, to update, close or add (type it in the pair’s channel)',
      '• `/mentorship feedback` — give feedback; each question says who will see your answer',
      '• `/mentorship pause [2w|10d|until 2027-01-15] [reason]` — pause your mentorship for a while (default two weeks); check-ins and nudges stop, then start again by themselves',
      '• `/mentorship resume` — end a pause early',
      '• `/mentorship hours` — your working days and hours, and your days off; change them any time',
      '• `/mentorship away 2026-12-20..2027-01-05 [reason]` — time away: no check-ins, nudges or reminders to you then (`away cancel` ends it)',
      '• `/mentorship help` — this message',
      '*For program staff:*',
      '• `/mentorship pair` — create a mentoring pair. You can name them: `/mentorship pair @mentor @mentee`',
      '• `/mentorship list` — show the active pairs',
      '• `/mentorship digest` — preview the weekly digest of every pair, privately',
      '• `/mentorship status @person|#channel` — a pair’s health, goals, check-ins, commitments, feedback and staff-only notes, privately',
      '• `/mentorship pause @person|#channel [2w|10d|until 2027-01-15] [reason]` and `/mentorship resume @person|#channel` — pause or resume any pair',
      '• `/mentorship end @person|#channel` — end a pair: thank-you, no more check-ins, archive the channel if you choose',
      '• `/mentorship reassign @person|#channel mentor|mentee @new [remove]` — replace one side, goals and history kept',
      '• `/mentorship goals #channel` — a pair’s goals, privately',
      '• `/mentorship outcomes` — what the mentorships changed, newest first',
      '• `/mentorship daysoff [add|remove 2027-03-20 TN [name]]` — program days off per country, for holidays the calendar lacks or moves',
      '• `/mentorship away @person <dates> [reason]` — set someone’s time away',
      '• `/mentorship feedback totals` — program-wide feedback figures (only from 5 answers per question)',
      '• `/mentorship export pairs|checkins|commitments|outcomes|feedback` — a CSV file sent to you privately',
    ].join('\n'),
  /** `given` is command text as Slack sends it; the router wants a string. */
  unknownSubcommand: (given: string) => mrkdwn`I don't know ${code(fromCommandText(given).slice(0, 40))}.`.text,
  badPairArguments: () =>
    'To name the people, mention them so Slack links them: `/mentorship pair @mentor @mentee`. Or type `/mentorship pair` and choose them in the form.',
  staffOnly: () =>
    'Sorry, only program staff can do that. If you think you should be staff, ask the program team to add you.',
  fixTheForm: () => 'Please correct the highlighted fields.',
  timeZoneNeeded: () =>
    "This person's Slack profile has no time zone: enter one, such as Africa/Tunis or America/New_York.",
  alreadyPaired: () => 'These two people already have an active mentorship.',
  unknownUser: () => 'Slack does not know this person. Choose someone in this workspace.',
  botUser: () => 'This is a bot or an app. Choose a person.',
  deactivatedUser: () => 'This account is deactivated. Choose an active member.',
  saveFailed: () =>
    "We couldn't save the pair just now (the database is unreachable). Nothing is lost: press Submit again in a minute.",
  modalTitle: () => 'New mentoring pair',
  noPairs: () => mrkdwn`There are no active pairs yet. Create one with \`/mentorship pair\`.`,
  listHeading: (total: number) => mrkdwn`*Active pairs* (${total})`,
  listMore: (shown: number, total: number) => mrkdwn`Showing the newest ${shown} of ${total}.`,
  pairCreatedForStaff: (channelId: string, mentor: string, mentee: string): Mrkdwn =>
    mrkdwn`:white_check_mark: The pair ${bold(mentor)} (mentor) and ${bold(mentee)} (mentee) is ready: ${channelLink(channelId)}. The welcome message is posted and both are invited.`,
  setupFailedForStaff: (mentor: string, mentee: string, step: string, error: string): Mrkdwn =>
    mrkdwn`:warning: Setting up the pair ${bold(mentor)} and ${bold(mentee)} stopped at ${bold(step)} (${code(error)}). The pair is saved and marked as needing attention; press *Retry* to continue from that step.`,
  setupFinished: (channelId: string) => `:white_check_mark: Set-up finished: <#${channelId}> is ready.`,
  setupBusy: () => 'This pair is already being set up; give it a moment.',
  setupAlreadyDone: () => 'This pair is already set up. Nothing to retry.',
  pairNotFound: () => 'That pair no longer exists.',
  /** The channel purpose: Slack shows it with the same formatting (and escaping) as messages. */
  channelPurpose: (mentor: string, mentee: string, org: string): Mrkdwn =>
    mrkdwn`Mentorship: ${mentor} (mentor) and ${mentee} (mentee, ${org}). Local context, commitment, honest communication.`,
  /** For staff: "Check-ins: Mondays, 08:00 for Alice, 19:00 for Karim." Local times of each person. */
  checkinHours: (h: {
    cadence: string;
    weekday: number;
    mentor: { name: string; time: string };
    mentee: { name: string; time: string };
    mentorDm?: string;
  }): Mrkdwn => {
    const day = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][h.weekday];
    const when = h.cadence === 'biweekly' ? `every other ${day}` : `${day}s`;
    const times = mrkdwn`*Check-ins:* ${when}, ${h.mentor.time} for ${h.mentor.name}, ${h.mentee.time} for ${h.mentee.name} (each person's local time).`;
    return h.mentorDm
      ? mrkdwn`${times} That is night or a day off for ${h.mentor.name}: no @-mention then, but a DM at ${h.mentorDm}, their time.`
      : times;
  },
  /** In the pair form, from the profile time zones: the check-in hours if the program started today, weekly. */
  checkinHoursIfToday: (hours: Mrkdwn): Mrkdwn =>
    mrkdwn`${hours} This is for weekly check-ins from today. The confirmation after you submit gives the real hours.`,
  theMentor: () => 'the mentor',
  theMentee: () => 'the mentee',
  /** A DM to someone the welcome could not @-mention (night or a day off for them when the pair was made). */
  welcomeDm: (partnerName: string, channelId: string) =>
    mrkdwn`You have a new mentorship channel with ${partnerName}: ${channelLink(channelId)}. Say hello there when you can.`,
  stepNames: {
    create_channel: 'creating the private channel',
    invite_members: 'inviting the members',
    set_purpose: 'setting the channel purpose',
    post_welcome: 'posting the welcome message and the goals',
    notify_staff: 'confirming to staff',
  } as Record<string, string>,
};
