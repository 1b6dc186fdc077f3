import type { KnownBlock, View } from '@slack/types';
import { isValidTimeZone } from '../../lib/time';
import { timeDifference } from '../../lib/time-difference';
import { slackDateTime } from '../../slack/dates';
import {
  context,
  header,
  message,
  plain,
  section,
  textInput as sharedTextInput,
  type TextInputOptions,
} from '../../slack/blocks';
import { bold, channelLink, italic, join, lines, mention, mrkdwn } from '../../slack/mrkdwn';
import { LIMITS, MAX_GOALS } from '../../pairs/limits';
import type { Pair } from '../../pairs/model';
import type { Participant } from '../../pairs/participants-model';
import { checkinHours } from './checkin-hours';
import { PairingIds } from './ids';
import { text } from './messages';
import type { PairSummary } from './service';
import { type WelcomeMentions, welcomeText } from './welcome-text';

const B = PairingIds.block;
const A = PairingIds.inputAction;

export interface ModalDefaults {
  mentorId?: string;
  menteeId?: string;
  mentorTz?: string;
  menteeTz?: string;
  /** Names from the Slack profiles (with the time zones: the modal then says when check-ins would arrive). */
  mentorName?: string;
  menteeName?: string;
  today: string;
  sixMonthsLater: string;
}

function textInput(blockId: string, label: string, opts: TextInputOptions): KnownBlock {
  return sharedTextInput(blockId, A, label, opts);
}

function userInput(blockId: string, label: string, initial?: string): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label),
    element: {
      type: 'users_select',
      action_id: A,
      ...(initial ? { initial_user: initial } : {}),
      placeholder: plain('Choose a person'),
    },
  };
}

function dateInput(blockId: string, label: string, initial: string): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label),
    element: { type: 'datepicker', action_id: A, initial_date: initial },
  };
}

/** With both profile time zones known: when weekly check-ins starting today would arrive for each person. */
function checkinHoursHint(d: ModalDefaults): KnownBlock[] {
  if (!d.mentorTz || !d.menteeTz || !isValidTimeZone(d.mentorTz) || !isValidTimeZone(d.menteeTz)) return [];
  const hours = checkinHours(
    { cadence: 'weekly', startDate: d.today, endDate: d.sixMonthsLater },
    { tz: d.mentorTz, name: d.mentorName || text.theMentor() },
    { tz: d.menteeTz, name: d.menteeName || text.theMentee() },
  );
  return hours ? [context(text.checkinHoursIfToday(text.checkinHours(hours)))] : [];
}

/** The create-pair modal. */
export function createPairModal(d: ModalDefaults): View {
  const tzHint = "Leave empty to use the time zone from the person's Slack profile.";
  const goals: KnownBlock[] = [];
  for (let n = 1; n <= MAX_GOALS; n++) {
    goals.push(
      textInput(B.goalTitle(n), `Goal ${n}`, {
        optional: n > 1,
        max: LIMITS.goalTitle,
        placeholder: n === 1 ? 'e.g. Cut the central-bank fee for member MFIs' : 'Optional',
      }),
      textInput(B.goalSuccess(n), `Goal ${n}: what success looks like`, {
        optional: n > 1,
        max: LIMITS.goalSuccess,
        multiline: true,
      }),
    );
  }
  return {
    type: 'modal',
    callback_id: PairingIds.createModal,
    title: plain(text.modalTitle()),
    submit: plain('Create pair'),
    close: plain('Cancel'),
    blocks: [
      userInput(B.mentor, 'Mentor', d.mentorId),
      textInput(B.mentorOrganisation, "Mentor's organisation", { optional: true, max: LIMITS.organisation }),
      textInput(B.mentorCountry, "Mentor's country", { optional: true, max: LIMITS.country }),
      textInput(B.mentorTz, "Mentor's time zone", {
        optional: true,
        max: 64,
        initial: d.mentorTz,
        placeholder: 'e.g. America/New_York',
        hint: tzHint,
      }),
      { type: 'divider' },
      userInput(B.mentee, 'Mentee', d.menteeId),
      textInput(B.menteeOrganisation, 'Mentee organisation', {
        max: LIMITS.organisation,
        placeholder: 'e.g. Microfinance Association of …',
      }),
      textInput(B.menteeCountry, 'Country of the mentee organisation', {
        max: LIMITS.country,
        placeholder: 'e.g. Bangladesh',
      }),
      textInput(B.menteeTz, "Mentee's time zone", {
        optional: true,
        max: 64,
        initial: d.menteeTz,
        placeholder: 'e.g. Asia/Dhaka',
        hint: tzHint,
      }),
      { type: 'divider' },
      section(mrkdwn`*Goals* — one to ${MAX_GOALS}, each with what success looks like.`),
      ...goals,
      { type: 'divider' },
      {
        type: 'input',
        block_id: B.cadence,
        label: plain('Check-ins'),
        element: {
          type: 'static_select',
          action_id: A,
          initial_option: { text: plain('Every week'), value: 'weekly' },
          options: [
            { text: plain('Every week'), value: 'weekly' },
            { text: plain('Every two weeks'), value: 'biweekly' },
          ],
        },
      },
      ...checkinHoursHint(d),
      dateInput(B.startDate, 'Program start', d.today),
      dateInput(B.endDate, 'Program end', d.sixMonthsLater),
      textInput(B.localContext, 'Note on local context', {
        optional: true,
        max: LIMITS.localContext,
        multiline: true,
        placeholder: 'e.g. Ramadan falls in month 2; the regulator meets quarterly',
      }),
    ],
  };
}

/** A person's name from their Slack profile (typed text), or a mention when unknown. */
function name(p: Participant | undefined, userId: string) {
  return p?.name ? bold(p.name) : mention(userId);
}

export interface WelcomeInput {
  pair: Pair;
  mentor: Participant;
  mentee: Participant;
  /** The first check-in: its date is shown, and the time difference is taken on it (null: none left). */
  firstCheckinAt: Date | null;
  /** When the welcome is built: the time difference is taken then when there is no first check-in. */
  now: Date;
  /** Which of the two to @-mention (the other is named in bold); both by default. */
  mentions?: WelcomeMentions;
}

/**
 * The welcome in the pair's private channel: short enough for one phone screen. Who is who, the
 * time difference, the first check-in, the first step and how to pause; the goals and the three
 * practices are in a second message, pinned (goalsMessage).
 */
export function welcomeMessage(w: WelcomeInput): { text: string; blocks: KnownBlock[] } {
  const t = welcomeText;
  const { pair, mentor, mentee, firstCheckinAt } = w;
  const mentions = w.mentions ?? 'both';
  const who = (p: Participant, role: 'mentor' | 'mentee') =>
    mentions === 'both' || mentions === role ? mention(p.userId) : bold(p.name || p.userId);
  const diff = timeDifference(mentor.tz, mentee.tz, firstCheckinAt ?? w.now);
  const blocks: KnownBlock[] = [
    header(t.header(mentor.name, mentee.name)),
    section(
      lines(
        t.person(t.mentorRole(), who(mentor, 'mentor'), pair.mentor.organisation, pair.mentor.country),
        t.person(t.menteeRole(), who(mentee, 'mentee'), pair.mentee.organisation, pair.mentee.country),
        diff.kind === 'same' ? t.timeSame(diff.a, diff.b) : t.timeAhead(diff.ahead, diff.hours, diff.behind),
      ),
    ),
    section(
      lines(...(firstCheckinAt ? [t.firstCheckin(slackDateTime(firstCheckinAt))] : []), t.firstStep(), t.howToPause()),
    ),
  ];
  return message(t.fallback(mentor.name, mentee.name), blocks);
}

/** The second set-up message, pinned in the channel: the goals with what success looks like, and the practices. */
export function goalsMessage(pair: Pair): { text: string; blocks: KnownBlock[] } {
  const t = welcomeText;
  const goalLines = pair.goals.map((g, i) => t.goal(i + 1, g.title, g.successCriteria));
  const blocks: KnownBlock[] = [
    section(lines(t.goalsHeading(), ...goalLines)),
    ...(pair.localContext ? [section(t.localContextNote(pair.localContext))] : []),
    { type: 'divider' },
    section(lines(t.practicesHeading(), t.practices())),
  ];
  return message(t.goalsFallback(), blocks);
}

/** The ephemeral list of live pairs (at most 45 entries fit a message with its header). */
export function pairListMessage(summaries: PairSummary[], total: number): { text: string; blocks: KnownBlock[] } {
  if (total === 0) return message(text.noPairs());
  const shown = summaries.slice(0, 45);
  const blocks: KnownBlock[] = [section(text.listHeading(total))];
  for (const { pair, mentor, mentee } of shown) {
    const where = pair.channel?.id ? channelLink(pair.channel.id) : italic('no channel yet');
    const status = pair.status === 'active' ? '' : mrkdwn` · ${bold(pair.status.replace('_', ' '))}`;
    const who = mrkdwn`${name(mentor, pair.mentor.userId)} → ${name(mentee, pair.mentee.userId)}`;
    const org = join([pair.mentee.organisation, pair.mentee.country], ', ');
    blocks.push(section(mrkdwn`${who} (${org}) · ${where}${status}`));
  }
  if (total > shown.length) blocks.push(context(text.listMore(shown.length, total)));
  return message(text.listHeading(total), blocks);
}

/** What staff see when a set-up step failed: the reason and a Retry button. */
export function setupFailedMessage(
  pairId: string,
  mentor: string,
  mentee: string,
  step: string,
  error: string,
): { text: string; blocks: KnownBlock[] } {
  const sentence = text.setupFailedForStaff(mentor, mentee, text.stepNames[step] ?? step, error);
  return message(sentence, [
    section(sentence),
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: PairingIds.retrySetupButton,
          text: plain('Retry'),
          style: 'primary',
          value: pairId,
        },
      ],
    },
  ]);
}
