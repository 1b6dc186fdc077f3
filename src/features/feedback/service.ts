import { createJobContext } from '../../jobs/job-context';
import { enqueue, runOutbox } from '../../jobs/outbox';
import { isObjectIdString } from '../../lib/ids';
import { goalStatusOf } from '../../pairs/goal-status';
import { isMember, partnerOf, roleOf } from '../../pairs/membership';
import { PairModel, type Pair } from '../../pairs/model';
import type { AppDeps } from '../../slack/deps';
import { UserFacingError } from '../../slack/errors';
import { recordOutcome } from '../goals';
import { type AskedQuestion, type FeedbackPoint, FIXED_POINTS, questionsOf } from './forms';
import { FeedbackIds, feedbackKeys } from './ids';
import { text } from './messages';
import { FeedbackRequestModel, FeedbackResponseModel, type FeedbackRequest, type FeedbackResponse } from './model';
import { parseFeedbackForm, type ParsedAnswer } from './schemas';

/** The pair a form or button names, read again; the person must be in it (checked on the server, every time). */
export async function pairOfParticipant(pairId: string, userId: string): Promise<Pair> {
  const pair = isObjectIdString(pairId) ? await PairModel.findById(pairId).lean<Pair>() : null;
  if (!pair) throw new UserFacingError(text.pairGone(), { [FeedbackIds.formBlock]: text.pairGone() });
  if (!isMember(pair, userId))
    throw new UserFacingError(text.notYourPair(), { [FeedbackIds.formBlock]: text.notYourPair() });
  return pair;
}

/**
 * Which form to open: the point asked for if its request was sent and is unanswered; without a
 * point, the person's oldest open request in this pair; otherwise the short "anytime" form.
 */
export async function formPointFor(pair: Pair, userId: string, asked?: FeedbackPoint): Promise<FeedbackPoint> {
  const open = await FeedbackRequestModel.find({
    pairId: pair._id,
    userId,
    sentAt: { $exists: true },
  })
    .sort({ dueAt: 1 })
    .lean<FeedbackRequest[]>();
  const unanswered = open.filter((r) => !r.answeredAt).map((r) => r.point as FeedbackPoint);
  let point: FeedbackPoint;
  if (asked && asked !== 'anytime') point = unanswered.includes(asked) ? asked : 'anytime';
  else if (asked === 'anytime') point = 'anytime';
  else point = unanswered.find((p) => (FIXED_POINTS as readonly string[]).includes(p)) ?? 'anytime';
  refuseQuickFormIfEnded(pair, point);
  return point;
}

/**
 * An ended mentorship takes no more quick feedback (its shared answers would land in a channel
 * staff have closed); a form it was sent before the end (the end form, answered late) is still taken.
 */
function refuseQuickFormIfEnded(pair: Pair, point: FeedbackPoint): void {
  if (pair.status === 'ended' && point === 'anytime')
    throw new UserFacingError(text.pairEnded(), { [FeedbackIds.formBlock]: text.pairEnded() });
}

/** A goal dropped or changed is no longer worked on: the midpoint form does not ask for its progress. */
const ASKED_GOAL_STATUSES: readonly string[] = ['not_started', 'in_progress', 'achieved'];

export function formQuestions(pair: Pair, point: FeedbackPoint): AskedQuestion[] {
  return questionsOf(
    point,
    (pair.goals ?? []).map((g) => (ASKED_GOAL_STATUSES.includes(goalStatusOf(g)) ? g.title : undefined)),
  );
}

export function formInput(pair: Pair, userId: string, point: FeedbackPoint) {
  return { pairId: String(pair._id), point, partnerId: partnerOf(pair, userId), questions: formQuestions(pair, point) };
}

export interface StoredFeedback {
  responseId: string;
  created: boolean;
  pair: Pair;
  point: FeedbackPoint;
}

/**
 * Stores a submitted form once (its id is deterministic: a double click or a retried delivery
 * finds it there), marks the request answered, and queues what follows: the shared answers to the
 * pair's channel, the early-warning alert to staff. State first, sends after (see sendFollowUps).
 */
export async function submitFeedback(
  input: { teamId: string; userId: string; viewId: string; ref: { pairId: string; point?: FeedbackPoint } },
  values: Record<string, Record<string, unknown>>,
  now: Date,
): Promise<StoredFeedback> {
  const pair = await pairOfParticipant(input.ref.pairId, input.userId);
  if (pair.teamId !== input.teamId)
    throw new UserFacingError(text.notYourPair(), { [FeedbackIds.formBlock]: text.notYourPair() });
  const point = input.ref.point ?? 'anytime';
  refuseQuickFormIfEnded(pair, point);
  // A fixed-point form only once its request was sent to this person (a forged point is refused).
  if (
    point !== 'anytime' &&
    !(await FeedbackRequestModel.exists({ pairId: pair._id, userId: input.userId, point, sentAt: { $exists: true } }))
  )
    throw new UserFacingError(text.formNotOpen(), { [FeedbackIds.formBlock]: text.formNotOpen() });
  // Goal questions as the form asked them: a goal added after it was opened has no block in it.
  const questions = formQuestions(pair, point).filter((q) => !q.goalTitle || FeedbackIds.questionBlock(q.id) in values);
  const { answers, errors } = parseFeedbackForm(questions, values);
  if (Object.keys(errors).length > 0) throw new UserFacingError(text.badValue(), errors);
  const responseId = feedbackKeys.response(String(pair._id), input.userId, point, input.viewId);
  let created = true;
  try {
    await FeedbackResponseModel.create({
      _id: responseId,
      teamId: pair.teamId,
      pairId: pair._id,
      userId: input.userId,
      role: roleOf(pair, input.userId),
      point,
      answers,
      submittedAt: now,
    });
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    created = false;
  }
  if (point !== 'anytime')
    await FeedbackRequestModel.updateMany(
      { pairId: pair._id, userId: input.userId, point, answeredAt: { $exists: false } },
      { $set: { answeredAt: now } },
    );
  // Queued on every delivery, from the answers as stored: the one that stored them may have stopped
  // before queueing (a crash, a database error the person saw and sent again). The keys make it once.
  const stored = created
    ? answers
    : ((await FeedbackResponseModel.findById(responseId).lean<FeedbackResponse>())?.answers.map(toParsedAnswer) ??
      answers);
  await queueFollowUps(pair, input.userId, point, responseId, stored, now);
  return { responseId, created, pair, point };
}

/** A stored answer as the form's parser gives it. */
export function toParsedAnswer(a: FeedbackResponse['answers'][number]): ParsedAnswer {
  return {
    questionId: a.questionId,
    ...(a.value ? { value: a.value } : {}),
    visibility: a.visibility as ParsedAnswer['visibility'],
    ...(a.urgent ? { urgent: true } : {}),
  };
}

/** The reasons an answer set alerts staff at once: only answers staff may see (not "totals only"). */
export function warningReasons(point: FeedbackPoint, answers: readonly ParsedAnswer[]): string[] {
  const visible = answers.filter((a) => a.visibility !== 'totals_only');
  const reasons: string[] = [];
  for (const a of visible) {
    if (a.questionId === 'fit' && a.value === 'not_a_fit') reasons.push(text.alertNotAFit());
    if ((a.questionId === 'satisfaction' || a.questionId === 'how_going') && a.value === '1')
      reasons.push(text.alertSatisfaction());
    if (a.urgent && a.value) reasons.push(text.alertUrgent(a.value.slice(0, 500)));
  }
  return point ? reasons : [];
}

async function queueFollowUps(
  pair: Pair,
  userId: string,
  point: FeedbackPoint,
  responseId: string,
  answers: ParsedAnswer[],
  now: Date,
): Promise<void> {
  const base = { teamId: pair.teamId, pairId: pair._id, dueAt: now, ref: { responseId } };
  if (answers.some((a) => a.visibility === 'shared' && a.value !== undefined))
    await enqueue({ ...base, key: feedbackKeys.shared(responseId), kind: 'feedback_shared' });
  if (warningReasons(point, answers).length > 0)
    await enqueue({ ...base, key: feedbackKeys.alert(responseId), kind: 'feedback_alert' });
  const change = answers.find((a) => a.questionId === 'concrete_change');
  // Only a shared change becomes an outcome: outcomes are shown to both people (App Home) and staff.
  if (point === 'end' && change?.value && change.visibility === 'shared') {
    const quote = answers.find((a) => a.questionId === 'quote');
    await recordOutcome({
      teamId: pair.teamId,
      pairId: String(pair._id),
      story: change.value,
      quoteConsent: quote?.value === 'yes',
      recordedBy: userId,
      source: 'end_feedback',
      key: feedbackKeys.outcome(responseId),
      at: now,
    });
  }
}

/** Sends the shared answers and the alert now (after the modal closed), through the outbox. */
export async function sendFollowUps(deps: AppDeps, handlers: Parameters<typeof runOutbox>[0]): Promise<void> {
  const ctx = createJobContext(
    { config: deps.config, logger: deps.logger, client: deps.outboxClient },
    deps.clock.now(),
  );
  await runOutbox(handlers, ctx);
}
