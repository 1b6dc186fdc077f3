import type { KnownBlock } from '@slack/types';
import { formatLocalTime } from '../../lib/time';
import { context, header, message, plain, section } from '../../slack/blocks';
import { lines, type Mrkdwn } from '../../slack/mrkdwn';
import { CheckinIds } from './ids';
import { text } from './messages';

export interface PromptInput {
  checkinId: string;
  period: number;
  kind: string;
  dueDay: string;
  late: boolean;
  postedAt: Date;
  mentor: { userId: string; tz: string };
  mentee: { userId: string; tz: string };
  goalTitles: string[];
  overdue: Array<{ ownerId: string; what: string; dueDay: string }>;
  repliedBy: string[];
}

/** The check-in prompt in the pair's channel; rebuilt (chat.update) as replies come in. */
export function checkinPrompt(p: PromptInput): { text: string; blocks: KnownBlock[] } {
  const intro = [
    p.kind === 'welcome_back' ? text.welcomeBackIntro() : undefined,
    text.promptIntro(
      p.mentor.userId,
      formatLocalTime(p.postedAt, p.mentor.tz),
      p.mentee.userId,
      formatLocalTime(p.postedAt, p.mentee.tz),
    ),
    p.late ? text.lateNote(p.dueDay) : undefined,
  ].filter((m): m is Mrkdwn => m !== undefined);
  const blocks: KnownBlock[] = [header(text.promptHeader(p.period, p.kind)), section(lines(...intro))];
  if (p.goalTitles.length) blocks.push(section(text.goalsLine(p.goalTitles)));
  if (p.overdue.length) {
    const items = p.overdue.slice(0, 10).map((c) => text.overdueItem(c.ownerId, c.what, c.dueDay));
    blocks.push(section(lines(text.overdueHeading(), ...items)));
  }
  blocks.push(
    section(text.questions()),
    {
      type: 'actions',
      block_id: 'checkins.prompt_actions',
      elements: [
        {
          type: 'button',
          action_id: CheckinIds.replyButton,
          style: 'primary',
          text: plain(text.replyButton()),
          value: p.checkinId,
        },
      ],
    },
    context(
      text.repliedStatus(
        [p.mentor.userId, p.mentee.userId].map((userId) => ({ userId, replied: p.repliedBy.includes(userId) })),
      ),
    ),
  );
  return message(text.fallback(p.period), blocks);
}
