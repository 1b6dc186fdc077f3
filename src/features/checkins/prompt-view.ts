import type { Button, KnownBlock } from '@slack/types';
import { formatLocalTime } from '../../lib/time';
import { context, header, message, plain, section } from '../../slack/blocks';
import { slackDay, slackDayOf } from '../../slack/dates';
import { lines, mention, type Mrkdwn, mrkdwn } from '../../slack/mrkdwn';
import { CheckinIds } from './ids';
import { text, timeLocale } from './messages';

export interface PromptInput {
  checkinId: string;
  period: number;
  kind: string;
  dueDay: string;
  late: boolean;
  postedAt: Date;
  mentor: { userId: string; tz: string; name: string };
  mentee: { userId: string; tz: string; name: string };
  /** Who may be @-mentioned at the hour the prompt is posted; the other is named in plain text. */
  mention: { mentor: boolean; mentee: boolean };
  goalTitles: string[];
  /** The pair's open next steps (owners by name, never mentioned; '' when unknown), soonest first. */
  openSteps: Array<{ owner: string; what: string; dueDay: string; overdue: boolean }>;
  repliedBy: string[];
  /** One-tap answers by person (a person in repliedBy without an entry gave a full answer). */
  quickAnswers?: Record<string, 'did_not_meet' | 'skipped'>;
  /** When answers are expected: the next check-in's due time (absent after the last one). */
  answerBy?: Date;
}

/** A calendar day as a Slack date token (noon UTC falls on that day from UTC−11 to UTC+11). */
export function dayToken(day: string): Mrkdwn {
  return slackDay(day, '{date_short_pretty}');
}

/** The three answer buttons: "Answer" (the form), "We did not meet this week" and "Skip this week" (one tap). */
export function answerButtons(checkinId: string): Button[] {
  const button = (actionId: string, label: string, primary = false): Button => ({
    type: 'button',
    action_id: actionId,
    text: plain(label),
    value: checkinId,
    ...(primary ? { style: 'primary' as const } : {}),
  });
  return [
    button(CheckinIds.replyButton, text.replyButton(), true),
    button(CheckinIds.didNotMeetButton, text.didNotMeetButton()),
    button(CheckinIds.skipButton, text.skipButton()),
  ];
}

function statusOf(p: PromptInput, userId: string): 'answered' | 'did_not_meet' | 'skipped' | 'waiting' {
  if (!p.repliedBy.includes(userId)) return 'waiting';
  return p.quickAnswers?.[userId] ?? 'answered';
}

/** A live @-mention of the person when it is a civil hour for them, else their name in plain text. */
export function who(p: Pick<PromptInput, 'mentor' | 'mentee' | 'mention'>, role: 'mentor' | 'mentee'): Mrkdwn {
  return p.mention[role] ? mention(p[role].userId) : mrkdwn`${p[role].name || text.yourPartner()}`;
}

/**
 * The check-in prompt in the pair's channel; rebuilt (chat.update) as replies come in. Built in the
 * reader language in scope: the caller says `inLanguage(pair.language, …)`.
 */
export function checkinPrompt(p: PromptInput): { text: string; blocks: KnownBlock[] } {
  const intro = [
    p.kind === 'welcome_back' ? text.welcomeBackIntro() : undefined,
    text.promptIntro(
      who(p, 'mentor'),
      formatLocalTime(p.postedAt, p.mentor.tz, timeLocale()),
      who(p, 'mentee'),
      formatLocalTime(p.postedAt, p.mentee.tz, timeLocale()),
    ),
    p.late ? text.lateNote(p.dueDay) : undefined,
  ].filter((m): m is Mrkdwn => m !== undefined);
  const blocks: KnownBlock[] = [header(text.promptHeader(p.period, p.kind)), section(lines(...intro))];
  if (p.goalTitles.length) blocks.push(section(text.goalsList(p.goalTitles)));
  if (p.openSteps.length) {
    const items = p.openSteps
      .slice(0, 10)
      .map((c) => text.openStepItem(c.owner || text.yourPartner(), c.what, dayToken(c.dueDay), c.overdue));
    blocks.push(section(lines(text.openStepsHeading(), ...items)));
  }
  blocks.push(section(text.questions()));
  if (p.answerBy) blocks.push(section(text.answerBy(slackDayOf(p.answerBy))));
  blocks.push(
    { type: 'actions', block_id: CheckinIds.block.promptActions, elements: answerButtons(p.checkinId) },
    context(
      text.repliedStatus(
        (['mentor', 'mentee'] as const).map((role) => ({ who: who(p, role), status: statusOf(p, p[role].userId) })),
      ),
    ),
  );
  return message(text.fallback(p.period), blocks);
}
