import type { KnownBlock } from '@slack/types';
import { context, message, plain, section } from '../../slack/blocks';
import { slackDayOf } from '../../slack/dates';
import { lines, type Mrkdwn } from '../../slack/mrkdwn';
import type { Pair } from '../../pairs/model';
import { DAY_MS } from '../../lib/durations';
import { AtRiskIds } from './at-risk-ids';
import { atRiskText as t } from './at-risk-messages';

/** What staff need to know about a silent pair, from stored facts only. */
export interface AtRiskFacts {
  everReplied: boolean;
  /** When the first check-in prompt went out (undefined: none yet). */
  firstCheckinAt?: Date;
  /** The last reply from either side (the pair's last activity), when someone ever replied. */
  lastReplyAt?: Date;
  /** Who has not replied to the newest check-ins, and for how many in a row. */
  silent?: { side: 'mentor' | 'mentee' | 'both'; checkins: number };
  /** Silence nudges sent to the silent side for the check-ins it left unanswered. */
  nudgesSent: number;
}

const daysSince = (at: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - at.getTime()) / DAY_MS));

export interface AtRiskAlertInput {
  alertKey: string;
  pair: Pick<Pair, 'channel'>;
  mentorName: string;
  menteeName: string;
  facts: AtRiskFacts;
  now: Date;
}

/** The facts of the alert, one short sentence a line. */
function factLines(a: AtRiskAlertInput): Mrkdwn[] {
  const { facts, now } = a;
  const out: Mrkdwn[] = [];
  if (!facts.everReplied) {
    out.push(t.neverReplied());
    if (facts.firstCheckinAt)
      out.push(t.firstCheckin(slackDayOf(facts.firstCheckinAt), daysSince(facts.firstCheckinAt, now)));
    if (facts.silent) out.push(t.silentBoth(facts.silent.checkins));
  } else {
    const silent = facts.silent;
    if (silent?.side === 'both') out.push(t.silentBoth(silent.checkins));
    else if (silent)
      out.push(t.silentOne(silent.side, silent.side === 'mentor' ? a.mentorName : a.menteeName, silent.checkins));
    if (facts.lastReplyAt) out.push(t.lastReply(slackDayOf(facts.lastReplyAt), daysSince(facts.lastReplyAt, now)));
  }
  out.push(t.nudgesSent(facts.nudgesSent));
  return out;
}

/** The alert to staff: who, the facts, and the three buttons (their value is the alert's key). */
export function atRiskAlertMessage(a: AtRiskAlertInput): { text: string; blocks: KnownBlock[] } {
  const head = t.alertHead(a.mentorName, a.menteeName, a.pair.channel?.id ?? undefined);
  const button = (actionId: string, label: string, style?: 'primary') => ({
    type: 'button' as const,
    action_id: actionId,
    text: plain(label),
    value: a.alertKey,
    ...(style ? { style } : {}),
  });
  return message(lines(head, ...factLines(a)), [
    section(lines(head, ...factLines(a), t.helps())),
    {
      type: 'actions',
      elements: [
        button(AtRiskIds.statusButton, t.statusButton()),
        button(AtRiskIds.messageButton, t.messageButton()),
        button(AtRiskIds.handledButton, t.handledButton(), 'primary'),
      ],
    },
  ]);
}

/** The alert once someone marked it handled: the same facts, no buttons, who and when. */
export function handledAlertBlocks(original: KnownBlock[], staffId: string, at: Date): KnownBlock[] {
  const kept = original.filter((b) => b.type !== 'actions');
  return [...kept, context(t.handled(staffId, slackDayOf(at)))];
}
