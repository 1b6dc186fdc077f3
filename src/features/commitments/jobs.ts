import { inLanguage } from '../../i18n';
import type { JobContext } from '../../jobs/job-context';
import { enqueue, type OutboxHandler } from '../../jobs/outbox';
import { nextAllowedDmTime } from '../../lib/working-time';
import { isMember } from '../../pairs/membership';
import { PairModel, type Pair } from '../../pairs/model';
import { dueDayOfReminderKey, reminderKey } from './ids';
import { CommitmentModel, type Commitment } from './model';
import { ownerOf } from './service';
import { reminderMessage } from './views';

/** Commitments read per query; a tick goes through a few batches at most. */
const BATCH = 200;
const MAX_BATCHES = 10;

/**
 * Queues the reminders of commitments due for one (the working day before they are due), via the
 * index {status, remindAt}. Each commitment gets an outbox entry keyed by its id and due day, then
 * loses its remindAt so the next tick does not look at it again (a crash in between is harmless:
 * the entry exists and the key stops a second one). A dry run only reports.
 */
export async function enqueueDueReminders(ctx: JobContext): Promise<number> {
  let count = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const due = await CommitmentModel.find({ status: 'open', remindAt: { $lte: ctx.now } })
      .sort({ remindAt: 1 })
      .limit(BATCH)
      .lean<Commitment[]>();
    for (const c of due) {
      const id = String(c._id);
      const key = reminderKey(id, c.dueDay);
      if (ctx.dryRun) {
        ctx.report.push(
          `would send commitment_reminder ${key} to ${c.ownerId} (due ${c.dueDay}, remind at ${c.remindAt.toISOString()})`,
        );
        count += 1;
        continue;
      }
      await enqueue({
        key,
        teamId: c.teamId,
        kind: 'commitment_reminder',
        pairId: c.pairId,
        ref: { commitmentId: id },
        dueAt: c.remindAt,
      });
      // Only if nothing moved it meanwhile (an extension sets a fresh remindAt and due day).
      await CommitmentModel.updateOne(
        { _id: c._id, dueDay: c.dueDay, remindAt: c.remindAt },
        { $unset: { remindAt: '' } },
      );
      count += 1;
    }
    if (ctx.dryRun || due.length < BATCH) break;
  }
  if (count > 0 && !ctx.dryRun) ctx.report.push(`queued ${count} commitment reminder(s)`);
  return count;
}

/**
 * `commitment_reminder`: a DM to the owner with Done / Change date / Remove. Skipped when it
 * lost its point (the commitment is no longer open, its due day moved, the pair ended or is
 * paused past the due day); deferred past a pause that ends before the due day, and out of the
 * owner's quiet hours.
 */
export const commitmentReminderHandler: OutboxHandler = {
  async render(entry, ctx) {
    const commitment = await CommitmentModel.findById(entry.ref.commitmentId).lean<Commitment>();
    // i18n-exempt: outbox skip and defer reasons are logged for operators, never shown
    if (!commitment) return { op: 'skip', reason: 'commitment deleted' };
    // i18n-exempt: outbox skip reason, logged
    if (commitment.status !== 'open') return { op: 'skip', reason: `commitment is ${commitment.status}` };
    // i18n-exempt: outbox skip reason, logged
    if (dueDayOfReminderKey(entry.key) !== commitment.dueDay) return { op: 'skip', reason: 'due day changed' };
    const pair = await PairModel.findById(commitment.pairId).lean<Pair>();
    // i18n-exempt: outbox skip reason, logged
    if (!pair) return { op: 'skip', reason: 'pair deleted' };
    if (
      pair.status === 'paused' &&
      pair.pause?.until &&
      pair.pause.untilDay &&
      commitment.dueDay > pair.pause.untilDay
    ) {
      // i18n-exempt: outbox defer reason, logged
      return { op: 'defer', until: pair.pause.until, reason: 'pair paused; reminding after the pause' };
    }
    // i18n-exempt: outbox skip reason, logged
    if (pair.status !== 'active') return { op: 'skip', reason: `pair is ${pair.status}` };
    // Staff replaced this side of the pair (`/mentorship reassign`): the step stays in the history, unreminded.
    // i18n-exempt: outbox skip reason, logged
    if (!isMember(pair, commitment.ownerId)) return { op: 'skip', reason: 'the owner left the pair' };

    const { person, language } = await ownerOf(commitment.teamId, commitment.ownerId);
    const allowed = nextAllowedDmTime(ctx.now, person);
    // i18n-exempt: outbox defer reason, logged
    if (allowed.getTime() > ctx.now.getTime()) return { op: 'defer', until: allowed, reason: 'quiet hours' };

    // In the owner's own language.
    const message = inLanguage(language, () =>
      reminderMessage({
        commitmentId: String(commitment._id),
        what: commitment.what,
        dueDay: commitment.dueDay,
        ownerId: commitment.ownerId,
        authorId: commitment.createdBy,
        period: commitment.checkinPeriod ?? undefined,
      }),
    );
    return { op: 'post', to: commitment.ownerId, ...message };
  },
};
