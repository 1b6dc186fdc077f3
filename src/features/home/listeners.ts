import type { WebClient } from '@slack/web-api';
import { isObjectIdString } from '../../lib/ids';
import { addDays, localDay } from '../../lib/time';
import { isMember, memberIds, partnerOf } from '../../pairs/membership';
import { PairModel, type Pair } from '../../pairs/model';
import type { AppDeps } from '../../slack/deps';
import { databaseDown, describeError, UserFacingError } from '../../slack/errors';
import type { ButtonArgs, EventArgs, ViewArgs } from '../../slack/listener-args';
import { answeringButton, submitModal } from '../../slack/respond';
import { digestPreviewBlocks } from '../digest';
import { openHoursModal } from '../local';
import { assertCanPause, assertCanResume, MAX_REASON_LENGTH, menteeTimeZone, pausePair, resumePairNow } from '../pause';
import { HOME_PAUSE_WEEKS, HomeIds } from './ids';
import { text } from './messages';
import { homePauseModal, infoModal } from './modals';
import { publishHome } from './refresh';

/** Publishes the person's Home tab when they open it. */
export async function handleEventAppHomeOpened(
  { event, body }: EventArgs<'app_home_opened'>,
  deps: AppDeps,
): Promise<void> {
  if (event.tab !== 'home') return;
  try {
    await publishHome(deps, body.team_id, event.user);
  } catch (err) {
    deps.logger.error(`app home for a user failed: ${describeError(err)}`);
  }
}

/**
 * The pair a Home button or modal names, checked on the server against the person acting: it
 * exists, is in their workspace, and they are its mentor or mentee (whatever the value says).
 */
async function ownPair(pairId: unknown, userId: string, teamId: string | undefined): Promise<Pair> {
  const id = typeof pairId === 'string' ? pairId : '';
  const pair = isObjectIdString(id) ? await PairModel.findById(id).lean<Pair>() : null;
  if (!pair || (teamId && pair.teamId !== teamId)) throw new UserFacingError(text.pairGone());
  if (!isMember(pair, userId)) throw new UserFacingError(text.notYours());
  return pair;
}

/**
 * A Home button's failure, told in a small window (a Home click has no response_url); logged
 * under the button's action_id.
 */
async function tell(client: WebClient, triggerId: string, err: unknown, deps: AppDeps, what: string): Promise<void> {
  await answeringButton({ body: { trigger_id: triggerId }, client }, deps.logger, what, () => Promise.reject(err));
}

/** **Pause** under a live pair: the pause modal (the pair is checked again when it is submitted). */
export async function handleActionHomePause({ ack, body, action, client }: ButtonArgs, deps: AppDeps) {
  await ack();
  try {
    const pair = await ownPair(action.value, body.user.id, body.team?.id ?? undefined);
    assertCanPause(pair);
    const view = homePauseModal({
      pairId: String(pair._id),
      partnerId: partnerOf(pair, body.user.id),
      channelId: pair.channel?.id ?? undefined,
      maxReason: MAX_REASON_LENGTH,
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
  } catch (err) {
    await tell(client, body.trigger_id, err, deps, HomeIds.pauseButton);
  }
}

function pairIdOf(metadata: string | undefined): string {
  try {
    const parsed = JSON.parse(metadata ?? '') as { pairId?: unknown };
    return typeof parsed?.pairId === 'string' ? parsed.pairId : '';
  } catch {
    return '';
  }
}

/**
 * The Home's pause modal submitted: the person and the pair checked again, then the modal closes
 * and the pair is paused (the pause feature tells both in the channel); both Home tabs are published again.
 */
export async function handleViewHomePause({ ack, body, view }: ViewArgs, deps: AppDeps): Promise<void> {
  const userId = body.user.id;
  const B = HomeIds.block;
  const checked = await submitModal(
    ack,
    { block: B.pauseLength, databaseDown: databaseDown(), logger: deps.logger, what: 'home pause modal' },
    async () => {
      const values = view.state.values;
      const weeks = Number(values[B.pauseLength]?.[HomeIds.inputAction]?.selected_option?.value ?? '');
      if (!HOME_PAUSE_WEEKS.includes(weeks as (typeof HOME_PAUSE_WEEKS)[number]))
        throw new UserFacingError(text.pauseLengthLabel(), { [B.pauseLength]: text.chooseLength() });
      const reason = String(values[B.pauseReason]?.[HomeIds.inputAction]?.value ?? '').trim();
      if (reason.length > MAX_REASON_LENGTH)
        throw new UserFacingError(text.reasonTooLong(MAX_REASON_LENGTH), {
          [B.pauseReason]: text.reasonTooLong(MAX_REASON_LENGTH),
        });
      const pair = await ownPair(pairIdOf(view.private_metadata), userId, body.team?.id ?? undefined);
      assertCanPause(pair);
      const untilDay = addDays(localDay(deps.clock.now(), await menteeTimeZone(pair)), weeks * 7);
      return { pair, untilDay, reason };
    },
  );
  if (!checked) return;
  const { pair, untilDay, reason } = checked;
  try {
    const outcome = await pausePair(pair, { by: userId, untilDay, reason }, deps);
    if (outcome.status !== 'paused') deps.logger.info(`pair ${pair._id}: home pause did nothing (${outcome.status})`);
  } catch (err) {
    deps.logger.error(`home pause of pair ${pair._id} failed: ${describeError(err)}`);
  }
  deps.refreshHome(pair.teamId, memberIds(pair));
}

/**
 * **Change my hours** beside the person's own hours: the same form as `/mentorship hours`, about
 * the person pressing it (the button's value is not read). Saving it publishes the Home again.
 */
export async function handleActionHomeChangeHours({ ack, body, client }: ButtonArgs, deps: AppDeps) {
  await ack();
  try {
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    await openHoursModal(client, body.trigger_id, teamId, body.user.id, deps.clock.now());
  } catch (err) {
    await tell(client, body.trigger_id, err, deps, HomeIds.changeHoursButton);
  }
}

/** **Resume now** under a paused pair: the same resume as `/mentorship resume`; both Home tabs published again. */
export async function handleActionHomeResume({ ack, body, action, client }: ButtonArgs, deps: AppDeps) {
  await ack();
  try {
    const pair = await ownPair(action.value, body.user.id, body.team?.id ?? undefined);
    assertCanResume(pair);
    const schedule = await resumePairNow(pair, body.user.id, deps);
    if (!schedule) {
      // Someone resumed it first: say so if it is no longer paused, else it is still being resumed.
      const current = await PairModel.findById(pair._id).lean<Pair>();
      if (current) assertCanResume(current);
    }
    deps.refreshHome(pair.teamId, memberIds(pair));
  } catch (err) {
    await tell(client, body.trigger_id, err, deps, HomeIds.resumeButton);
  }
}

/**
 * **Digest preview** on a staff member's Home: a modal opened at once (the trigger_id lasts three
 * seconds), then filled with the digest that would go out next, as `/mentorship digest` shows it.
 */
export async function handleActionHomeDigestPreview({ ack, body, client }: ButtonArgs, deps: AppDeps) {
  await ack();
  if (!(await deps.staff.isStaff(body.user.id).catch(() => false))) {
    await tell(client, body.trigger_id, new UserFacingError(text.staffOnly()), deps, HomeIds.digestPreviewButton);
    return;
  }
  let viewId: string | undefined;
  try {
    const opened = await client.views.open({
      trigger_id: body.trigger_id,
      view: infoModal(text.digestTitle(), text.digestBuilding()),
    });
    viewId = opened.view?.id;
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const blocks = await digestPreviewBlocks(teamId, deps.clock.now(), deps.config);
    if (viewId) await client.views.update({ view_id: viewId, view: infoModal(text.digestTitle(), blocks) });
  } catch (err) {
    deps.logger.error(`home digest preview failed: ${describeError(err)}`);
    if (viewId)
      await client.views
        .update({ view_id: viewId, view: infoModal(text.digestTitle(), text.digestFailed()) })
        .catch(() => undefined);
  }
}
