import type { KnownBlock, View } from '@slack/types';
import { formatLocalTime } from '../../lib/time';
import {
  context,
  fieldsSection,
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
import { PairingIds } from './ids';
import { text } from './messages';
import type { PairSummary } from './service';
import { welcomeText } from './welcome-text';

const B = PairingIds.block;
const A = PairingIds.inputAction;

export interface ModalDefaults {
  mentorId?: string;
  menteeId?: string;
  mentorTz?: string;
  menteeTz?: string;
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

/** The welcome message in the pair's private channel. */
export function welcomeMessage(
  pair: Pair,
  mentor: Participant,
  mentee: Participant,
  now: Date,
): { text: string; blocks: KnownBlock[] } {
  const w = welcomeText;
  const goalLines = pair.goals.map((g, i) => w.goal(i + 1, g.title, g.successCriteria));
  const person = (role: string, p: Participant, side: Pair['mentor']) =>
    w.person(role, mention(p.userId), side.organisation, side.country, formatLocalTime(now, p.tz), p.tz);
  const blocks: KnownBlock[] = [
    header(w.header(mentor.name, mentee.name)),
    section(w.intro()),
    fieldsSection(person(w.mentorRole(), mentor, pair.mentor), person(w.menteeRole(), mentee, pair.mentee)),
    section(lines(w.goalsHeading(), ...goalLines)),
    section(w.checkins(pair.cadence as 'weekly' | 'biweekly', pair.startDate, pair.endDate)),
    ...(pair.localContext ? [section(w.localContextNote(pair.localContext))] : []),
    { type: 'divider' },
    section(lines(w.practicesHeading(), w.practices())),
    section(w.firstPrompt(mention(mentor.userId), mention(mentee.userId))),
  ];
  return message(w.fallback(mentor.name, mentee.name), blocks);
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
