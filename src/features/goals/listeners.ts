import { goalStatusOf, isLiveGoal } from '../../pairs/goal-status';
import type { AppDeps } from '../../slack/deps';
import { UserFacingError } from '../../slack/errors';
import type { ButtonArgs, ViewArgs } from '../../slack/listener-args';
import { answeringButton, submitModal } from '../../slack/respond';
import { announce, teamOf } from './answer';
import { GoalIds, readGoalButtonValue, readGoalModalMetadata } from './ids';
import { text } from './messages';
import { pairNames } from './names';
import { recordOutcome } from './outcomes';
import { type Checked, readCloseForm, readGoalFields, readUpdateForm } from './schemas';
import { addGoal, closeGoal, editGoal, goalOf, latestNotes, loadPairFor, updateGoal } from './service';
import { addGoalModal, closeGoalModal, editGoalModal, updateGoalModal } from './views';

const B = GoalIds.block;

/** The form's values, or its field errors as a refusal that keeps the modal open. */
function valid<T>(checked: Checked<T>): T {
  if (checked.ok) return checked.input;
  throw new UserFacingError(Object.values(checked.errors)[0], checked.errors);
}

/** "Add a goal" (value: the pair id): the add modal, for the pair's people and staff. */
export async function handleActionGoalAdd(args: ButtonArgs, deps: AppDeps): Promise<void> {
  await args.ack();
  await answeringButton(args, deps.logger, 'goal add button', async () => {
    const pair = await loadPairFor(teamOf(args.body), args.action.value ?? '', args.body.user.id, deps.staff);
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: addGoalModal(String(pair._id)) });
  });
}

/** A goal's Update, Close or Edit: its modal, after checking the person and that the goal is still there. */
async function openGoalModal(args: ButtonArgs, deps: AppDeps, kind: 'update' | 'close' | 'edit'): Promise<void> {
  await args.ack();
  await answeringButton(args, deps.logger, `goal ${kind} button`, async () => {
    const { pairId, goalId } = readGoalButtonValue(args.action.value);
    const pair = await loadPairFor(teamOf(args.body), pairId, args.body.user.id, deps.staff);
    const goal = goalOf(pair, goalId);
    if (kind !== 'edit' && !isLiveGoal(goal)) throw new UserFacingError(text.alreadyClosed(goalStatusOf(goal)));
    let view: ReturnType<typeof addGoalModal>;
    if (kind === 'edit') view = editGoalModal(pairId, goal);
    else if (kind === 'close') view = closeGoalModal(pairId, goal);
    else {
      const notes = await latestNotes(pair._id, goalId);
      const names = await pairNames(
        deps.client,
        pair,
        notes.map((n) => n.by),
      );
      const shown = notes.map((n) => ({
        name: names.get(n.by) ?? n.by,
        at: n.at,
        text: n.text ?? '',
        progress: n.progress ?? undefined,
      }));
      view = updateGoalModal(pairId, goal, shown);
    }
    await args.client.views.open({ trigger_id: args.body.trigger_id, view });
  });
}

export const handleActionGoalUpdate = (args: ButtonArgs, deps: AppDeps) => openGoalModal(args, deps, 'update');
export const handleActionGoalClose = (args: ButtonArgs, deps: AppDeps) => openGoalModal(args, deps, 'close');
export const handleActionGoalEdit = (args: ButtonArgs, deps: AppDeps) => openGoalModal(args, deps, 'edit');

/** A goal modal's submission: where its form-wide errors go, and the label its failures are logged under. */
const modalOptions = (deps: AppDeps, form: { block: string; what: string }) => ({
  ...form,
  databaseDown: text.saveFailedModal(),
  logger: deps.logger,
});

/** The add modal was submitted: checked, stored once (by the view's id), announced. */
export async function handleViewGoalAdd({ ack, body, view }: ViewArgs, deps: AppDeps): Promise<void> {
  const { pairId } = readGoalModalMetadata(view.private_metadata);
  const userId = body.user.id;
  const options = modalOptions(deps, { block: B.title, what: 'goal add' });
  const done = await submitModal(ack, options, async () => {
    const pair = await loadPairFor(teamOf(body), pairId, userId, deps.staff, B.title);
    const fields = valid(readGoalFields(view.state.values));
    return { pair, change: await addGoal(pair, userId, fields, view.id, deps.clock.now()) };
  });
  if (!done?.change.changed) return;
  const names = await pairNames(deps.client, done.pair, [userId]);
  const title = done.change.goal.title;
  await announce(deps, done.pair, () => text.addedLine(names.get(userId) ?? userId, title), options.what);
}

/** The edit modal was submitted: a new title or success criteria. */
export async function handleViewGoalEdit({ ack, body, view }: ViewArgs, deps: AppDeps): Promise<void> {
  const { pairId, goalId } = readGoalModalMetadata(view.private_metadata);
  const userId = body.user.id;
  const options = modalOptions(deps, { block: B.title, what: 'goal edit' });
  const done = await submitModal(ack, options, async () => {
    const pair = await loadPairFor(teamOf(body), pairId, userId, deps.staff, B.title);
    goalOf(pair, goalId, B.title);
    const fields = valid(readGoalFields(view.state.values));
    return { pair, change: await editGoal(pair, goalId, fields) };
  });
  if (!done?.change.changed) return;
  const names = await pairNames(deps.client, done.pair, [userId]);
  const title = done.change.goal.title;
  await announce(deps, done.pair, () => text.editedLine(names.get(userId) ?? userId, title), options.what);
}

/** The update modal was submitted: a progress note, the status, the milestones. */
export async function handleViewGoalUpdate({ ack, body, view }: ViewArgs, deps: AppDeps): Promise<void> {
  const { pairId, goalId } = readGoalModalMetadata(view.private_metadata);
  const userId = body.user.id;
  const options = modalOptions(deps, { block: B.status, what: 'goal update' });
  const done = await submitModal(ack, options, async () => {
    const pair = await loadPairFor(teamOf(body), pairId, userId, deps.staff, B.status);
    goalOf(pair, goalId, B.status);
    const input = valid(readUpdateForm(view.state.values, pair));
    return { pair, change: await updateGoal(pair, goalId, userId, input, view.id, deps.clock.now()) };
  });
  if (!done?.change.changed) return;
  const { goal, noted, statusChanged } = done.change;
  const names = await pairNames(deps.client, done.pair, [userId]);
  const line = () =>
    text.updatedLine(names.get(userId) ?? userId, goal.title, goalStatusOf(goal), noted, statusChanged);
  await announce(deps, done.pair, line, options.what);
}

/** The close modal was submitted: the goal closed with what happened; an achieved one recorded as an outcome if asked. */
export async function handleViewGoalClose({ ack, body, view }: ViewArgs, deps: AppDeps): Promise<void> {
  const { pairId, goalId } = readGoalModalMetadata(view.private_metadata);
  const userId = body.user.id;
  const now = deps.clock.now();
  const options = modalOptions(deps, { block: B.closeStatus, what: 'goal close' });
  const done = await submitModal(ack, options, async () => {
    const pair = await loadPairFor(teamOf(body), pairId, userId, deps.staff, B.closeStatus);
    const goal = goalOf(pair, goalId, B.closeStatus);
    const input = valid(readCloseForm(view.state.values));
    const change = await closeGoal(pair, goalId, userId, input, now);
    // After the goal is closed (state first); a repeated form finds both already recorded.
    const outcome = input.outcome
      ? await recordOutcome({
          teamId: pair.teamId,
          pairId: String(pair._id),
          goalId,
          goalTitle: goal.title,
          ...input.outcome,
          recordedBy: userId,
          source: 'goal_closed',
          key: `goal_closed:${goalId}`,
          at: now,
        })
      : undefined;
    return { pair, change, outcome, title: goal.title, status: input.status };
  });
  // Announced when this delivery closed the goal, or recorded the outcome of a close whose first
  // delivery stopped after closing it (the person sent the form again): the line was never posted.
  if (!done || (!done.change.changed && !done.outcome?.created)) return;
  const names = await pairNames(deps.client, done.pair, [userId]);
  const { title, status, outcome } = done;
  const line = () => text.closedLine(names.get(userId) ?? userId, title, status, Boolean(outcome));
  await announce(deps, done.pair, line, options.what);
}
