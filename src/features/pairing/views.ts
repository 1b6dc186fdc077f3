import { listSeparator } from '../../slack/lists';
import type { KnownBlock, View } from '@slack/types';
import { DateTime } from 'luxon';
import { t, tm } from '../../i18n';
import { DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages';
import { isValidTimeZone } from '../../lib/time';
import { placeOfZone } from '../../lib/time-difference';
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
      placeholder: plain(t('pairing.modal.choosePerson')),
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

/** The pair's common language: what the bot writes in their channel (each person's DMs are in their own). */
function languageInput(): KnownBlock {
  const option = (code: (typeof LANGUAGES)[number]) => ({ text: plain(LANGUAGE_NAMES[code]), value: code });
  return {
    type: 'input',
    block_id: B.language,
    label: plain(t('pairing.modal.language')),
    hint: plain(t('pairing.modal.languageHint')),
    element: {
      type: 'static_select',
      action_id: A,
      initial_option: option(DEFAULT_LANGUAGE),
      options: LANGUAGES.map(option),
    },
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
  const tzHint = t('pairing.modal.tzHint');
  const goals: KnownBlock[] = [];
  for (let n = 1; n <= MAX_GOALS; n++) {
    goals.push(
      textInput(B.goalTitle(n), t('pairing.modal.goal', { n }), {
        optional: n > 1,
        max: LIMITS.goalTitle,
        placeholder: n === 1 ? t('pairing.modal.goalPlaceholder') : t('pairing.modal.optional'),
      }),
      textInput(B.goalSuccess(n), t('pairing.modal.goalSuccess', { n }), {
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
    submit: plain(t('pairing.modal.submit')),
    close: plain(t('pairing.modal.cancel')),
    blocks: [
      userInput(B.mentor, t('pairing.modal.mentor'), d.mentorId),
      textInput(B.mentorOrganisation, t('pairing.modal.mentorOrganisation'), {
        optional: true,
        max: LIMITS.organisation,
      }),
      textInput(B.mentorCountry, t('pairing.modal.mentorCountry'), { optional: true, max: LIMITS.country }),
      textInput(B.mentorTz, t('pairing.modal.mentorTz'), {
        optional: true,
        max: 64,
        initial: d.mentorTz,
        placeholder: t('pairing.modal.mentorTzPlaceholder'),
        hint: tzHint,
      }),
      { type: 'divider' },
      userInput(B.mentee, t('pairing.modal.mentee'), d.menteeId),
      textInput(B.menteeOrganisation, t('pairing.modal.menteeOrganisation'), {
        max: LIMITS.organisation,
        placeholder: t('pairing.modal.menteeOrganisationPlaceholder'),
      }),
      textInput(B.menteeCountry, t('pairing.modal.menteeCountry'), {
        max: LIMITS.country,
        placeholder: t('pairing.modal.menteeCountryPlaceholder'),
      }),
      textInput(B.menteeTz, t('pairing.modal.menteeTz'), {
        optional: true,
        max: 64,
        initial: d.menteeTz,
        placeholder: t('pairing.modal.menteeTzPlaceholder'),
        hint: tzHint,
      }),
      { type: 'divider' },
      section(tm('pairing.modal.goalsIntro', { max: MAX_GOALS })),
      ...goals,
      { type: 'divider' },
      {
        type: 'input',
        block_id: B.cadence,
        label: plain(t('pairing.modal.cadence')),
        element: {
          type: 'static_select',
          action_id: A,
          initial_option: { text: plain(t('pairing.modal.weekly')), value: 'weekly' },
          options: [
            { text: plain(t('pairing.modal.weekly')), value: 'weekly' },
            { text: plain(t('pairing.modal.biweekly')), value: 'biweekly' },
          ],
        },
      },
      ...checkinHoursHint(d),
      languageInput(),
      dateInput(B.startDate, t('pairing.modal.startDate'), d.today),
      dateInput(B.endDate, t('pairing.modal.endDate'), d.sixMonthsLater),
      textInput(B.localContext, t('pairing.modal.localContext'), {
        optional: true,
        max: LIMITS.localContext,
        multiline: true,
        placeholder: t('pairing.modal.localContextPlaceholder'),
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
  const say = welcomeText;
  const { pair, mentor, mentee, firstCheckinAt } = w;
  const mentions = w.mentions ?? 'both';
  const who = (p: Participant, role: 'mentor' | 'mentee') =>
    mentions === 'both' || mentions === role ? mention(p.userId) : bold(p.name || p.userId);
  const blocks: KnownBlock[] = [
    header(say.header(mentor.name, mentee.name)),
    section(
      lines(
        say.person('mentor', who(mentor, 'mentor'), pair.mentor.organisation, pair.mentor.country),
        say.person('mentee', who(mentee, 'mentee'), pair.mentee.organisation, pair.mentee.country),
        timeApart(mentor.tz, mentee.tz, firstCheckinAt ?? w.now),
      ),
    ),
    section(
      lines(
        ...(firstCheckinAt ? [say.firstCheckin(slackDateTime(firstCheckinAt))] : []),
        say.firstStep(),
        say.howToPause(),
      ),
    ),
  ];
  return message(say.fallback(mentor.name, mentee.name), blocks);
}

/** "Dhaka is 11 hours ahead of New York." at an instant (daylight saving counts), or "the same time". */
function timeApart(tzA: string, tzB: string, at: Date) {
  const offset = (tz: string) => DateTime.fromJSDate(at, { zone: tz }).offset;
  const diff = offset(tzA) - offset(tzB);
  const a = placeOfZone(tzA);
  const b = placeOfZone(tzB);
  if (diff === 0) return welcomeText.timeSame(a, b);
  return diff > 0 ? welcomeText.timeAhead(a, diff, b) : welcomeText.timeAhead(b, -diff, a);
}

/** The second set-up message, pinned in the channel: the goals with what success looks like, and the practices. */
export function goalsMessage(pair: Pair): { text: string; blocks: KnownBlock[] } {
  const say = welcomeText;
  const goalLines = pair.goals.map((g, i) => say.goal(i + 1, g.title, g.successCriteria));
  const blocks: KnownBlock[] = [
    section(lines(say.goalsHeading(), ...goalLines)),
    ...(pair.localContext ? [section(say.localContextNote(pair.localContext))] : []),
    { type: 'divider' },
    section(lines(say.practicesHeading(), say.practices())),
  ];
  return message(say.goalsFallback(), blocks);
}

/** The ephemeral list of live pairs (at most 45 entries fit a message with its header). */
export function pairListMessage(summaries: PairSummary[], total: number): { text: string; blocks: KnownBlock[] } {
  if (total === 0) return message(text.noPairs());
  const shown = summaries.slice(0, 45);
  const blocks: KnownBlock[] = [section(text.listHeading(total))];
  for (const { pair, mentor, mentee } of shown) {
    const where = pair.channel?.id ? channelLink(pair.channel.id) : italic(text.noChannelYet());
    const status = pair.status === 'active' ? '' : mrkdwn` · ${bold(text.pairStatus(pair.status))}`;
    const who = mrkdwn`${name(mentor, pair.mentor.userId)} → ${name(mentee, pair.mentee.userId)}`;
    const org = join([pair.mentee.organisation, pair.mentee.country].filter(Boolean), listSeparator());
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
  const sentence = text.setupFailedForStaff(mentor, mentee, text.stepName(step), error);
  return message(sentence, [
    section(sentence),
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: PairingIds.retrySetupButton,
          text: plain(text.retry()),
          style: 'primary',
          value: pairId,
        },
      ],
    },
  ]);
}
