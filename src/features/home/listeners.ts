import type { AppDeps } from '../../slack/deps';
import type { EventArgs } from '../../slack/listener-args';
import { describeError } from '../../slack/errors';
import { listPairsOf } from '../../pairs/queries';
import { homeView } from './views';

/** Publishes the person's Home tab when they open it. */
export async function handleEventAppHomeOpened(
  { event, body }: EventArgs<'app_home_opened'>,
  deps: AppDeps,
): Promise<void> {
  if (event.tab !== 'home') return;
  try {
    const [pairs, isStaff] = await Promise.all([listPairsOf(body.team_id, event.user), deps.staff.isStaff(event.user)]);
    await deps.client.views.publish({ user_id: event.user, view: homeView(pairs, event.user, isStaff) });
  } catch (err) {
    deps.logger.error(`app home for a user failed: ${describeError(err)}`);
  }
}
