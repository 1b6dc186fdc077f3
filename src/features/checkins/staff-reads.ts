import type { Types } from 'mongoose';
import { CheckinModel, CheckinReplyModel, type Checkin, type CheckinReply } from './model';

/**
 * Reads for program staff (the pair status and the exports), each one query. The replies carry
 * the staff-only note: callers show it only to staff.
 */

/** The pair's replies to these check-ins, every person's. */
export async function repliesToCheckins(checkinIds: Types.ObjectId[]): Promise<CheckinReply[]> {
  if (checkinIds.length === 0) return [];
  return CheckinReplyModel.find({ checkinId: { $in: checkinIds } }).lean<CheckinReply[]>();
}

/** Every check-in of the team, by pair and period. */
export async function checkinsOfTeam(teamId: string): Promise<Checkin[]> {
  return CheckinModel.find({ teamId }).sort({ pairId: 1, period: 1 }).lean<Checkin[]>();
}

/** Every reply of the team. */
export async function repliesOfTeam(teamId: string): Promise<CheckinReply[]> {
  return CheckinReplyModel.find({ teamId }).lean<CheckinReply[]>();
}
