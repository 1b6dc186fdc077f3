import { PairModel } from '../../pairs/model';
import { CheckinModel, CheckinReplyModel, type CheckinReply, type QuickAnswer } from './model';
import type { ReplyTarget } from './reply-service';

export type QuickAnswerOutcome =
  /** Recorded now (a first answer, or a different one-tap answer replaced). */
  | 'recorded'
  /** The same one-tap answer was already recorded (a double click): nothing changed. */
  | 'unchanged'
  /** The person gave a full answer already: a one-tap answer does not overwrite it. */
  | 'already_answered';

const metOf = (answer: QuickAnswer): 'no' | 'skipped' => (answer === 'skipped' ? 'skipped' : 'no');

/**
 * Records a one-tap answer ("We did not meet this week", "Skip this week") as the person's reply
 * to the check-in: no form, no summary in the thread (the prompt's status line shows it). Like a
 * full answer it marks the check-in answered (so no nudge follows) and ends the pair's silence.
 * A double click records one reply; a later full answer replaces it (see saveReply).
 */
export async function saveQuickAnswer(
  target: ReplyTarget,
  answer: QuickAnswer,
  now: Date,
): Promise<QuickAnswerOutcome> {
  const { checkin, pair, userId } = target;
  const met = metOf(answer);
  const existing = target.existing;
  if (existing && !existing.quick) return 'already_answered';
  if (existing?.met === met) return 'unchanged';
  const fields = {
    met,
    quick: true,
    goals: [],
    worked: '',
    didNotWork: '',
    adaptation: '',
    blockers: '',
    staffNote: '',
    submittedAt: now,
  };
  const replace = () =>
    // Only a one-tap answer is replaced: a full answer that arrived meanwhile is kept.
    CheckinReplyModel.updateOne({ checkinId: checkin._id, userId, quick: true }, { $set: fields });
  if (existing) await replace();
  else {
    try {
      await CheckinReplyModel.create({
        teamId: pair.teamId,
        pairId: pair._id,
        checkinId: checkin._id,
        period: checkin.period,
        userId,
        ...fields,
      });
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      // A second click, or an answer from another window, a moment ago.
      const stored = await CheckinReplyModel.findOne({ checkinId: checkin._id, userId }).lean<CheckinReply>();
      if (stored && !stored.quick) return 'already_answered';
      if (stored?.met === met) return 'unchanged';
      await replace();
    }
  }
  await CheckinModel.updateOne({ _id: checkin._id }, { $addToSet: { repliedBy: userId } });
  await PairModel.updateOne({ _id: pair._id }, { $set: { lastActivityAt: now }, $unset: { atRisk: '' } });
  return 'recorded';
}
