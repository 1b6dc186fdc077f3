import type { KnownBlock } from '@slack/types';
import { formatLocalTime } from '../../lib/time';
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
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: text.promptHeader(p.period, p.kind) } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [
          p.kind === 'welcome_back' ? text.welcomeBackIntro() : '',
          text.promptIntro(
            `<@${p.mentor.userId}>`,
            formatLocalTime(p.postedAt, p.mentor.tz),
            `<@${p.mentee.userId}>`,
            formatLocalTime(p.postedAt, p.mentee.tz),
          ),
          p.late ? text.lateNote(p.dueDay) : '',
        ]
          .filter(Boolean)
          .join('\n'),
      },
    },
  ];
  if (p.goalTitles.length)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: text.goalsLine(p.goalTitles).slice(0, 3000) } });
  if (p.overdue.length) {
    const lines = p.overdue.slice(0, 10).map((c) => text.overdueItem(c.ownerId, c.what, c.dueDay));
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `${text.overdueHeading()}\n${lines.join('\n')}`.slice(0, 3000) },
    });
  }
  blocks.push(
    { type: 'section', text: { type: 'mrkdwn', text: text.questions() } },
    {
      type: 'actions',
      block_id: 'checkins.prompt_actions',
      elements: [
        {
          type: 'button',
          action_id: CheckinIds.replyButton,
          style: 'primary',
          text: { type: 'plain_text', text: text.replyButton() },
          value: p.checkinId,
        },
      ],
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: text.repliedStatus(
            [p.mentor.userId, p.mentee.userId].map((userId) => ({ userId, replied: p.repliedBy.includes(userId) })),
          ),
        },
      ],
    },
  );
  return { text: text.fallback(p.period), blocks };
}
