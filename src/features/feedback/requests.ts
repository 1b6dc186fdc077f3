import { PairModel, type Pair } from '../../pairs/model';
import { isMember } from '../../pairs/membership';
import type { FeedbackPoint } from './forms';
import { FeedbackRequestModel, FeedbackResponseModel, type FeedbackRequest } from './model';

/**
 * What App Home and staff counts may know about feedback: that a request is open, or that an
 * answer was given; never what was answered.
 */

const LIVE = ['active', 'paused'];

/** The person's open requests (sent, not answered) in their live pairs, oldest first. */
export async function openFeedbackRequestsFor(
  teamId: string,
  userId: string,
): Promise<Array<{ pairId: string; point: FeedbackPoint; sentAt?: Date }>> {
  const requests = await FeedbackRequestModel.find({ teamId, userId, sentAt: { $exists: true } })
    .sort({ dueAt: 1 })
    .lean<FeedbackRequest[]>();
  const open = requests.filter((r) => !r.answeredAt);
  if (open.length === 0) return [];
  const pairs = await PairModel.find({ _id: { $in: open.map((r) => r.pairId) } }).lean<Pair[]>();
  const live = new Map(
    pairs.filter((p) => LIVE.includes(p.status) && isMember(p, userId)).map((p) => [String(p._id), p]),
  );
  return open
    .filter((r) => live.has(String(r.pairId)))
    .map((r) => ({ pairId: String(r.pairId), point: r.point as FeedbackPoint, sentAt: r.sentAt ?? undefined }));
}

/** How many feedback requests of the team are sent and unanswered, in pairs not ended (for staff's Home). */
export async function feedbackDueCountOfTeam(teamId: string, now: Date): Promise<number> {
  const open = await FeedbackRequestModel.find({ teamId, sentAt: { $lte: now } }).lean<FeedbackRequest[]>();
  const unanswered = open.filter((r) => !r.answeredAt);
  if (unanswered.length === 0) return 0;
  const pairs = await PairModel.find({ _id: { $in: [...new Set(unanswered.map((r) => String(r.pairId)))] } })
    .select({ status: 1 })
    .lean<Array<Pick<Pair, '_id' | 'status'>>>();
  const live = new Set(pairs.filter((p) => LIVE.includes(p.status)).map((p) => String(p._id)));
  return unanswered.filter((r) => live.has(String(r.pairId))).length;
}

/** For one person and pair: which points they gave feedback for, and which are due. Never the answers. */
export async function feedbackStateFor(
  teamId: string,
  userId: string,
  pairId: string,
): Promise<{ given: FeedbackPoint[]; due: FeedbackPoint[] }> {
  const [responses, requests] = await Promise.all([
    FeedbackResponseModel.find({ teamId, pairId, userId }).select({ point: 1 }).lean<Array<{ point: string }>>(),
    FeedbackRequestModel.find({ teamId, pairId, userId, sentAt: { $exists: true } }).lean<FeedbackRequest[]>(),
  ]);
  const given = [...new Set(responses.map((r) => r.point as FeedbackPoint))];
  const due = requests.filter((r) => !r.answeredAt).map((r) => r.point as FeedbackPoint);
  return { given, due };
}
