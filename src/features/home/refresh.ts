import type { Logger } from '@slack/logger';
import type { WebClient } from '@slack/web-api';
import { inLanguage } from '../../i18n';
import { DEFAULT_LANGUAGE } from '../../i18n/languages';
import type { Clock } from '../../lib/time';
import { languageOfPerson } from '../../pairs/language';
import type { AppDeps } from '../../slack/deps';
import { describeError } from '../../slack/errors';
import { feedbackDueCountOfTeam } from '../feedback';
import { loadParticipantHome, loadStaffHome } from './reads';
import { homeButtons } from './sources';
import type { StaffHome } from './types';
import { homeView } from './views';

export interface HomeDeps {
  client: WebClient;
  staff: Pick<AppDeps['staff'], 'isStaff'>;
  clock: Clock;
}

async function loadStaff(teamId: string, now: Date): Promise<StaffHome> {
  const [program, feedbackDue] = await Promise.all([loadStaffHome(teamId, now), feedbackDueCountOfTeam(teamId, now)]);
  return { ...program, feedbackDue };
}

/**
 * Builds and publishes one person's Home tab: their mentorships, and the program for staff. The
 * tab is theirs alone, so it is in their language, whoever's action caused the refresh (a partner
 * pausing the pair in Arabic leaves a French Home in French).
 */
export async function publishHome(deps: HomeDeps, teamId: string, userId: string): Promise<void> {
  const language = await languageOfPerson(teamId, userId, deps.client).catch(() => DEFAULT_LANGUAGE);
  await inLanguage(language, async () => {
    const now = deps.clock.now();
    const [participant, isStaff] = await Promise.all([
      loadParticipantHome(teamId, userId, now),
      // If Slack cannot say who is staff just now, the person still gets their own mentorships.
      deps.staff.isStaff(userId).catch(() => false),
    ]);
    const staff = isStaff ? await loadStaff(teamId, now) : undefined;
    await deps.client.views.publish({ user_id: userId, view: homeView({ participant, staff, buttons: homeButtons }) });
  });
}

/**
 * The `refreshHome` of AppDeps: after a change people would see on their Home tab, publishes it
 * again for each of them, in the background. A failure is logged and never reaches the person
 * whose action caused the change (their action has succeeded; the tab is refreshed when opened).
 */
export function createHomeRefresher(deps: HomeDeps & { logger: Logger }) {
  return (teamId: string, userIds: string[]): void => {
    for (const userId of new Set(userIds)) {
      publishHome(deps, teamId, userId).catch((err) =>
        deps.logger.warn(`refreshing a Home tab failed: ${describeError(err)}`),
      );
    }
  };
}
