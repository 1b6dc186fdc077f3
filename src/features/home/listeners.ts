import type { AppDeps } from '../../slack/deps';
import type { EventArgs } from '../../slack/listener-args';
import { describeError } from '../../slack/errors';
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
