import type { Button } from '@slack/types';
import type { Pair } from '../../pairs/model';
import { checkinReplyButton } from '../checkins';
import { type FeedbackPoint, giveFeedbackButton, openFeedbackRequestsFor } from '../feedback';
import { addGoalButton, goalActionButtons, goalStatusLabel, isLiveGoal, outcomesOfPairs } from '../goals';
import { text } from './messages';
import type { HomeButtonBuilders, HomeGoal, HomeOutcome, HomePairCard } from './types';

/**
 * What the Home tab takes from other features, through their public modules: goals and their
 * buttons (goals), outcomes (goals), feedback requests and the "Give feedback" button (feedback),
 * the check-in reply button (checkins). The one place that knows their shapes.
 */

type StoredGoal = Pair['goals'][number] & { _id?: unknown };

/** The pair's goals as the Home shows them: live ones first, each with its status in words. */
export function homeGoalsOf(pair: Pick<Pair, 'goals'>): HomeGoal[] {
  const goals = ((pair.goals ?? []) as StoredGoal[]).map((g) => ({
    goalId: String(g._id ?? ''),
    title: g.title,
    statusLabel: goalStatusLabel(g),
    live: isLiveGoal(g),
  }));
  return [...goals.filter((g) => g.live), ...goals.filter((g) => !g.live)];
}

/**
 * The outcomes each pair's people may see on their Home: those recorded when a goal was closed
 * (posted in the pair's channel), and those the person recorded themself. An outcome from a
 * partner's end-of-program feedback is left out: its visibility is that answer's, not the Home's.
 */
export async function outcomesOf(
  teamId: string,
  pairIds: string[],
  viewerId: string,
): Promise<Map<string, HomeOutcome[]>> {
  const rows = await outcomesOfPairs(teamId, pairIds);
  const out = new Map<string, HomeOutcome[]>();
  for (const r of rows) {
    if (r.source !== 'goal_closed' && r.recordedBy !== viewerId) continue;
    const list = out.get(r.pairId) ?? [];
    list.push({ story: r.story, ...(r.figure ? { figure: r.figure } : {}) });
    out.set(r.pairId, list);
  }
  return out;
}

const POINT_LABELS: Record<FeedbackPoint, () => string> = {
  one_month: text.pointOneMonth,
  midpoint: text.pointMidpoint,
  end: text.pointEnd,
  anytime: text.pointAnytime,
};

/** The feedback request waiting for the person's answer, by pair (the earliest, if several). */
export async function feedbackDueOf(teamId: string, userId: string): Promise<Map<string, HomePairCard['feedbackDue']>> {
  const open = await openFeedbackRequestsFor(teamId, userId);
  const out = new Map<string, HomePairCard['feedbackDue']>();
  for (const r of open) if (!out.has(r.pairId)) out.set(r.pairId, { point: r.point, label: POINT_LABELS[r.point]() });
  return out;
}

/** The buttons of other features the Home shows, from their own builders. */
export const homeButtons: HomeButtonBuilders = {
  reply: (checkinId: string, label: string): Button => checkinReplyButton(checkinId, label),
  // The first of the goal's buttons ("Update"): a section holds one.
  updateGoal: (pairId, goalId) => goalActionButtons(pairId, goalId)[0],
  addGoal: addGoalButton,
  giveFeedback: (pairId, point) => giveFeedbackButton(pairId, point as FeedbackPoint | undefined),
};
