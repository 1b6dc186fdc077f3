import type { KnownBlock, View } from '@slack/types';
import { formatLocalTime } from '../../lib/time';
import { plain, textInput as sharedTextInput, type TextInputOptions } from '../../slack/blocks';
import type { Participant } from '../participants/model';
import { MAX_GOALS, PairingIds } from './ids';
import { text } from './messages';
import type { Pair } from './model';
import type { PairSummary } from './service';
import { LIMITS } from './schemas';
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
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `*Goals* — one to ${MAX_GOALS}, each with what success looks like.` },
      },
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

function name(p: Participant | undefined, userId: string): string {
  return p?.name ?? `<@${userId}>`;
}

/** The welcome message in the pair's private channel. */
export function welcomeMessage(
  pair: Pair,
  mentor: Participant,
  mentee: Participant,
  now: Date,
): { text: string; blocks: KnownBlock[] } {
  const w = welcomeText;
  const goalLines = pair.goals.map((g, i) => w.goal(i + 1, g.title, g.successCriteria)).join('\n');
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(w.header(mentor.name, mentee.name)) },
    { type: 'section', text: { type: 'mrkdwn', text: w.intro() } },
    {
      type: 'section',
      fields: [
        {
          type: 'mrkdwn',
          text: w.person(
            w.mentorRole(),
            `<@${mentor.userId}>`,
            pair.mentor.organisation,
            pair.mentor.country,
            formatLocalTime(now, mentor.tz),
            mentor.tz,
          ),
        },
        {
          type: 'mrkdwn',
          text: w.person(
            w.menteeRole(),
            `<@${mentee.userId}>`,
            pair.mentee.organisation,
            pair.mentee.country,
            formatLocalTime(now, mentee.tz),
            mentee.tz,
          ),
        },
      ],
    },
    { type: 'section', text: { type: 'mrkdwn', text: `${w.goalsHeading()}\n${goalLines}`.slice(0, 3000) } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: w.checkins(pair.cadence as 'weekly' | 'biweekly', pair.startDate, pair.endDate) },
    },
    ...(pair.localContext
      ? [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: w.localContextNote(pair.localContext) } }]
      : []),
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: `${w.practicesHeading()}\n${w.practices()}` } },
    { type: 'section', text: { type: 'mrkdwn', text: w.firstPrompt(`<@${mentor.userId}>`, `<@${mentee.userId}>`) } },
  ];
  return { text: w.fallback(mentor.name, mentee.name), blocks };
}

/** The ephemeral list of live pairs (at most 45 entries fit a message with its header). */
export function pairListMessage(summaries: PairSummary[], total: number): { text: string; blocks: KnownBlock[] } {
  if (total === 0)
    return { text: text.noPairs(), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: text.noPairs() } }] };
  const shown = summaries.slice(0, 45);
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: text.listHeading(total) } }];
  for (const { pair, mentor, mentee } of shown) {
    const where = pair.channel?.id ? `<#${pair.channel.id}>` : '_no channel yet_';
    const status = pair.status === 'active' ? '' : ` · *${pair.status.replace('_', ' ')}*`;
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${name(mentor, pair.mentor.userId)}* → *${name(mentee, pair.mentee.userId)}* (${pair.mentee.organisation}, ${pair.mentee.country}) · ${where}${status}`.slice(
          0,
          3000,
        ),
      },
    });
  }
  if (total > shown.length)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: text.listMore(shown.length, total) }] });
  return { text: text.listHeading(total), blocks };
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
  return {
    text: sentence,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: sentence } },
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
    ],
  };
}
