import { CheckinModel, type Checkin } from './model';

/** The check-in with this id, or null. */
export async function findCheckin(checkinId: unknown): Promise<Checkin | null> {
  return CheckinModel.findById(checkinId).lean<Checkin>();
}

/** True once a check-in after this one has been posted: answers to this one are then final. */
export async function laterCheckinPosted(checkin: Pick<Checkin, 'pairId' | 'period'>): Promise<boolean> {
  return Boolean(
    await CheckinModel.exists({
      pairId: checkin.pairId,
      period: { $gt: checkin.period },
      'prompt.ts': { $exists: true },
    }),
  );
}

/** The pair's posted check-ins up to and including this one, newest first, at most `limit`. */
export async function postedCheckinsUpTo(
  checkin: Pick<Checkin, 'pairId' | 'period'>,
  limit: number,
): Promise<Checkin[]> {
  return CheckinModel.find({
    pairId: checkin.pairId,
    period: { $lte: checkin.period },
    'prompt.ts': { $exists: true },
  })
    .sort({ period: -1 })
    .limit(limit)
    .lean<Checkin[]>();
}
