import { staffRecipientOf } from '../../pairs/language';
import type { ActionsBlock } from '@slack/types';
import type { JobContext } from '../../jobs/job-context';
import { enqueue, type OutboxHandler, runOutbox } from '../../jobs/outbox';
import { addDays, localDay } from '../../lib/time';
import { addWorkingDayHours, isWithinWorkingHours, nextWorkingMorning } from '../../lib/working-time';
import { isMember, memberIds } from '../../pairs/membership';
import { PairModel, type Pair } from '../../pairs/model';
import { findParticipants, participantsOf, toPerson } from '../../pairs/participants';
import type { Rendered } from '../../jobs/outbox';
import { inLanguage } from '../../i18n';
import { type FeedbackPoint, answerLabel, questionById } from './forms';
import { feedbackKeys } from './ids';
import { text } from './messages';
import { FeedbackRequestModel, FeedbackResponseModel, type FeedbackRequest, type FeedbackResponse } from './model';
import { currentPoint, feedbackDays, requestTime } from './schedule';
import { toParsedAnswer, warningReasons } from './service';
import { alertMessage, requestMessage, sharedAnswersMessage } from './views';

/** Why an entry is not sent (now): kept on the outbox entry and in the job's report, for operators; never shown to people. */
const WHY = {
  requestGone: 'request gone', // i18n-exempt: for operators
  answered: 'already answered', // i18n-exempt: for operators
  pairDeleted: 'pair deleted', // i18n-exempt: for operators
  paused: 'pair paused', // i18n-exempt: for operators
  programEnded: 'program ended', // i18n-exempt: for operators
  leftPair: 'the person left the pair', // i18n-exempt: for operators
  unknownParticipant: 'participant unknown', // i18n-exempt: for operators
  outsideHours: 'outside working hours', // i18n-exempt: for operators
  replaced: 'a later feedback request replaced it', // i18n-exempt: for operators
  responseGone: 'feedback or pair gone', // i18n-exempt: for operators
  noChannel: 'the pair has no channel', // i18n-exempt: for operators
  nothingShared: 'nothing shared', // i18n-exempt: for operators
  nothingForStaff: 'nothing staff may see needs them', // i18n-exempt: for operators
  pairIs: (status: string) => `pair is ${status}`, // i18n-exempt: for operators
} as const;

/** The reminder goes this many working-day hours (three working days) after the request. */
const REMINDER_AFTER_HOURS = 72;

/**
 * Queues the feedback request of each side of each active pair whose point has come (in that
 * person's own calendar, at the start of their working hours). Keyed by pair, person and point,
 * so a run twice queues once. Paused pairs get none (theirs is queued when they resume, if the
 * program has not ended); only the latest point reached is sent, never a backlog.
 */
export async function enqueueFeedbackRequests(ctx: JobContext): Promise<number> {
  const pairs = await PairModel.find({ status: 'active' }).lean<Pair[]>();
  // The latest point anyone of a pair may have reached (tomorrow in UTC covers zones up to UTC+14):
  // where both people's requests for it exist, there is nothing to do, without reading the people.
  const tomorrow = addDays(localDay(ctx.now, 'UTC'), 1);
  const latest = new Map(
    pairs.map((p) => [
      String(p._id),
      feedbackDays(p.startDate, p.endDate)
        .filter((d) => d.day <= tomorrow)
        .at(-1),
    ]),
  );
  const keysOf = (p: Pair) => {
    const point = latest.get(String(p._id))?.point;
    return point ? memberIds(p).map((userId) => feedbackKeys.request(String(p._id), userId, point)) : [];
  };
  // A request counts as done once its DM is queued: one written by a run that stopped before queueing is queued again.
  const queued = { $or: [{ queuedAt: { $exists: true } }, { sentAt: { $exists: true } }] };
  const existing = new Set(
    (
      await FeedbackRequestModel.find({ _id: { $in: pairs.flatMap(keysOf) }, ...queued })
        .select({ _id: 1 })
        .lean<Array<{ _id: string }>>()
    ).map((r) => r._id),
  );
  let count = 0;
  for (const pair of pairs) {
    const keys = keysOf(pair);
    if (keys.length === 0 || keys.every((k) => existing.has(k))) continue;
    const days = feedbackDays(pair.startDate, pair.endDate);
    const people = await participantsOf(pair);
    for (const userId of memberIds(pair)) {
      const me = people.get(userId);
      if (!me) continue;
      const person = toPerson(me);
      const due = currentPoint(days, localDay(ctx.now, person.tz), pair.endDate);
      if (!due) continue;
      const at = requestTime(due.day, person);
      if (at.getTime() > ctx.now.getTime()) continue;
      const key = feedbackKeys.request(String(pair._id), userId, due.point);
      if (await FeedbackRequestModel.exists({ _id: key, ...queued })) continue;
      if (ctx.dryRun) {
        ctx.report.push(`would send feedback_request ${key}`);
        continue;
      }
      try {
        await FeedbackRequestModel.create({
          _id: key,
          teamId: pair.teamId,
          pairId: pair._id,
          userId,
          point: due.point,
          dueAt: at,
        });
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
      }
      const queuedNow = await enqueue({
        key,
        teamId: pair.teamId,
        kind: 'feedback_request',
        pairId: pair._id,
        ref: { requestId: key },
        dueAt: at,
      });
      await FeedbackRequestModel.updateOne({ _id: key }, { $set: { queuedAt: ctx.now } });
      if (queuedNow) count += 1;
    }
  }
  if (count > 0) ctx.report.push(`queued ${count} feedback request(s)`);
  return count;
}

/** Checks shared by the request and its reminder: still wanted, the pair live, the person's working hours now. */
async function requestDm(
  requestId: unknown,
  ctx: JobContext,
  reminder: boolean,
): Promise<Rendered & { loaded?: unknown }> {
  const request = await FeedbackRequestModel.findById(String(requestId)).lean<FeedbackRequest>();
  if (!request) return { op: 'skip', reason: WHY.requestGone };
  if (request.answeredAt) return { op: 'skip', reason: WHY.answered };
  const pair = await PairModel.findById(request.pairId).lean<Pair>();
  if (!pair) return { op: 'skip', reason: WHY.pairDeleted };
  if (pair.status === 'paused' && pair.pause?.until)
    return { op: 'defer', until: pair.pause.until, reason: WHY.paused };
  if (pair.status !== 'active') return { op: 'skip', reason: WHY.pairIs(pair.status) };
  if (localDay(ctx.now, 'UTC') > pair.endDate) return { op: 'skip', reason: WHY.programEnded };
  if (!isMember(pair, request.userId)) return { op: 'skip', reason: WHY.leftPair };
  const me = (await findParticipants(pair.teamId, [request.userId])).get(request.userId);
  if (!me) return { op: 'skip', reason: WHY.unknownParticipant };
  const person = toPerson(me);
  if (!isWithinWorkingHours(ctx.now, person))
    return { op: 'defer', until: nextWorkingMorning(ctx.now, person), reason: WHY.outsideHours };
  // A DM to the person: in their language (the job runs outside any request).
  const msg = inLanguage(me.language, () =>
    requestMessage(String(pair._id), request.point as FeedbackPoint, pair.channel?.id ?? undefined, reminder),
  );
  return { op: 'post', to: request.userId, ...msg, loaded: { request, person } };
}

/** `feedback_request`: the DM with the button to the form; once sent, the one reminder is queued. */
export const feedbackRequestHandler: OutboxHandler = {
  render: (entry, ctx) => requestDm(entry.ref.requestId, ctx, false),
  async onSent(entry, _sent, ctx, loaded) {
    const { request, person } = loaded as { request: FeedbackRequest; person: ReturnType<typeof toPerson> };
    await FeedbackRequestModel.updateOne({ _id: request._id }, { $set: { sentAt: ctx.now } });
    await enqueue({
      key: feedbackKeys.reminder(String(request.pairId), request.userId, request.point),
      teamId: entry.teamId,
      kind: 'feedback_reminder',
      pairId: entry.pairId,
      ref: { requestId: request._id },
      dueAt: addWorkingDayHours(ctx.now, REMINDER_AFTER_HOURS, person),
    });
  },
};

/** `feedback_reminder`: the one reminder (keyed once per request), unless answered meanwhile. */
export const feedbackReminderHandler: OutboxHandler = {
  async render(entry, ctx) {
    // A later point's request replaced this one: its reminder would be about a form no longer due.
    const request = await FeedbackRequestModel.findById(String(entry.ref.requestId)).lean<FeedbackRequest>();
    if (
      request &&
      (await FeedbackRequestModel.exists({
        pairId: request.pairId,
        userId: request.userId,
        dueAt: { $gt: request.dueAt },
      }))
    )
      return { op: 'skip', reason: WHY.replaced };
    return requestDm(entry.ref.requestId, ctx, true);
  },
  async onSent(entry, _sent, ctx) {
    await FeedbackRequestModel.updateOne({ _id: String(entry.ref.requestId) }, { $set: { remindedAt: ctx.now } });
  },
};

async function loadResponse(ref: Record<string, unknown>) {
  const response = await FeedbackResponseModel.findById(String(ref.responseId)).lean<FeedbackResponse>();
  const pair = response ? await PairModel.findById(response.pairId).lean<Pair>() : null;
  return { response, pair };
}

/** `feedback_shared`: the answers the person chose to share, in the pair's channel, with their name. Only those. */
export const feedbackSharedHandler: OutboxHandler = {
  async render(entry) {
    const { response, pair } = await loadResponse(entry.ref);
    if (!response || !pair) return { op: 'skip', reason: WHY.responseGone };
    if (!pair.channel?.id) return { op: 'skip', reason: WHY.noChannel };
    const point = response.point as FeedbackPoint;
    const goals = (pair.goals ?? []).map((g) => g.title);
    const shared = response.answers.filter((a) => a.visibility === 'shared' && a.value);
    if (shared.length === 0) return { op: 'skip', reason: WHY.nothingShared };
    // Posted in the pair's channel, for both people: in the pair's language (also when sent
    // straight after the form, inside the request of the person who answered).
    const msg = inLanguage(pair.language, () => {
      const items = shared.map((a) => {
        const q = questionById(point, a.questionId);
        const goalIndex = q?.perGoal ? Number(a.questionId.split('_').at(-1)) - 1 : -1;
        const label = goalIndex >= 0 && goals[goalIndex] ? text.goalProgress(goals[goalIndex]) : (q?.label() ?? '');
        return { label, answer: q ? answerLabel(q, a.value!) : a.value! };
      });
      return sharedAnswersMessage(response.userId, point, items);
    });
    return { op: 'post', to: pair.channel.id, ...msg };
  },
};

/**
 * `feedback_alert`: staff told at once (the staff channel, else the pair's creator), with the staff
 * buttons for the pair (the staff feature's `pairActionsBlock`, wired in by the job table).
 */
export const createFeedbackAlertHandler = (staffActions: (pairId: string) => ActionsBlock): OutboxHandler => ({
  async render(entry, ctx) {
    const { response, pair } = await loadResponse(entry.ref);
    if (!response || !pair) return { op: 'skip', reason: WHY.responseGone };
    // Also when sent straight after the form, inside the request of the person who answered.
    const { to, language } = await staffRecipientOf(pair, ctx.config, ctx.client);
    const msg = inLanguage(language, () => {
      const reasons = warningReasons(response.point as FeedbackPoint, response.answers.map(toParsedAnswer));
      if (reasons.length === 0) return undefined;
      return alertMessage(response.userId, pair.channel?.id ?? undefined, reasons, staffActions(String(pair._id)));
    });
    if (!msg) return { op: 'skip', reason: WHY.nothingForStaff };
    return { op: 'post', to, ...msg };
  },
});

/** Every outbox kind of the feedback feature, with its handler. */
export function feedbackHandlers(staffActions: (pairId: string) => ActionsBlock) {
  return {
    feedback_request: feedbackRequestHandler,
    feedback_reminder: feedbackReminderHandler,
    feedback_shared: feedbackSharedHandler,
    feedback_alert: createFeedbackAlertHandler(staffActions),
  } as const;
}

/** The `feedback` job: queue the requests whose time has come, then send what is due. */
export function createFeedbackJob(staffActions: (pairId: string) => ActionsBlock) {
  const handlers = feedbackHandlers(staffActions);
  return async (ctx: JobContext): Promise<void> => {
    await enqueueFeedbackRequests(ctx);
    await runOutbox(handlers, ctx);
  };
}
