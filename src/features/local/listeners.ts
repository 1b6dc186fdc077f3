import type { WebClient } from '@slack/web-api';
import { currentLanguage } from '../../i18n';
import { localDay } from '../../lib/time';
import { othersThan } from '../../pairs/membership';
import { listPairsOf } from '../../pairs/queries';
import type { CommandArgs, Subcommand } from '../../slack/command-router';
import type { AppDeps } from '../../slack/deps';
import { describeError, UserFacingError } from '../../slack/errors';
import type { ViewArgs } from '../../slack/listener-args';
import { answering, submitModal } from '../../slack/respond';
import { slackDay } from '../../slack/dates';
import { fromCommandText } from '../../slack/mrkdwn';
import { message } from '../../slack/blocks';
import { LocalIds } from './ids';
import { handleCommandLanguage } from './language';
import { text } from './messages';
import { readHoursForm } from './read-form';
import { participantsOfCountry, reslotPairsOf } from './reslot';
import {
  addProgramDayOff,
  countryOfCommand,
  dayOfCommand,
  type HoursOverview,
  hoursOverview,
  listProgramDaysOff,
  removeProgramDayOff,
  saveHours,
} from './service';
import { daysOffMessage, hoursMessage, hoursModal } from './views';
import { countryNameOf } from '../../lib/holidays';

/**
 * `/mentorship hours`: one's own working days, hours, country and next days off, privately, and
 * the form to change them (opened first: the trigger_id lasts 3 seconds).
 */
export async function handleCommandHours({ ack, command, respond, client }: CommandArgs, _rest: string, deps: AppDeps) {
  await ack();
  await answering(respond, deps.logger, 'command hours', async () => {
    const overview = await openHoursModal(
      client,
      command.trigger_id,
      command.team_id,
      command.user_id,
      deps.clock.now(),
    );
    await respond({ response_type: 'ephemeral', ...hoursMessage(overview) });
  });
}

/**
 * Opens the hours form, filled with the person's current settings, for `/mentorship hours` and
 * for "Change my hours" on App Home (the form is always about the person who opened it).
 * Throws the sentence saying so when they are not in the program.
 */
export async function openHoursModal(
  client: WebClient,
  triggerId: string,
  teamId: string,
  userId: string,
  now: Date,
): Promise<HoursOverview> {
  const overview = await hoursOverview(teamId, userId, now);
  await client.views.open({ trigger_id: triggerId, view: hoursModal(overview) });
  return overview;
}

/**
 * The hours form was submitted: checked field by field, saved for the person submitting it; their
 * Home tab and their partners' (which show these hours) are published again.
 */
export async function handleViewHoursSubmit({ ack, body, view }: ViewArgs, deps: AppDeps): Promise<void> {
  const teamId = body.team?.id ?? body.user.team_id ?? '';
  const userId = body.user.id;
  const saved = await submitModal(
    ack,
    { block: LocalIds.block.days, databaseDown: text.databaseDown(), logger: deps.logger, what: 'hours save' },
    async () => {
      await saveHours(teamId, userId, readHoursForm(view.state.values), deps.clock.now());
      return true;
    },
  );
  if (!saved) return;
  // The modal is closed; the pair's next check-in follows the new hours (a failure is logged, the hours are saved).
  await reslotPairsOf(teamId, [userId], deps.clock.now()).catch((e) =>
    deps.logger.error(`hours save: could not move the next check-ins: ${describeError(e)}`),
  );
  const partners = await listPairsOf(teamId, userId).then(
    (pairs) => pairs.flatMap((p) => othersThan(p, userId)),
    () => [],
  );
  deps.refreshHome(teamId, [userId, ...partners]);
}

/** `/mentorship daysoff [add|remove <YYYY-MM-DD> <country> [name]]`: the program's days off, staff only. */
export async function handleCommandDaysOff({ ack, command, respond }: CommandArgs, rest: string, deps: AppDeps) {
  await ack();
  await answering(respond, deps.logger, 'command daysoff', async () => {
    if (!(await deps.staff.isStaff(command.user_id))) throw new UserFacingError(text.staffOnly());
    const teamId = command.team_id;
    const [verb = '', dayTyped = '', countryTyped = '', ...nameWords] = rest.trim().split(/\s+/).filter(Boolean);
    const today = localDay(deps.clock.now(), 'UTC');
    if (!verb || verb.toLowerCase() === 'list') {
      await respond({ response_type: 'ephemeral', ...daysOffMessage(await listProgramDaysOff(teamId, today)) });
      return;
    }
    const action = verb.toLowerCase();
    if ((action !== 'add' && action !== 'remove') || !dayTyped || !countryTyped) {
      await respond({ response_type: 'ephemeral', ...message(text.daysOffUsage()) });
      return;
    }
    const day = dayOfCommand(dayTyped);
    const country = countryOfCommand(countryTyped);
    const countryName = `${countryNameOf(country, currentLanguage())} (${country})`;
    if (action === 'add') {
      const name = fromCommandText(nameWords.join(' ')).slice(0, 80);
      await addProgramDayOff(teamId, country, day, name, command.user_id);
      await reslotPairsOf(teamId, await participantsOfCountry(teamId, country), deps.clock.now());
      await respond({ response_type: 'ephemeral', ...message(text.dayOffAdded(slackDay(day), countryName, name)) });
      return;
    }
    const done = await removeProgramDayOff(teamId, country, day, command.user_id);
    await reslotPairsOf(teamId, await participantsOfCountry(teamId, country), deps.clock.now());
    const said =
      done === 'removed'
        ? text.dayOffRemoved(slackDay(day), countryName)
        : done === 'holiday_taken_back'
          ? text.holidayTakenBack(slackDay(day), countryName)
          : text.nothingToRemove(slackDay(day), countryName);
    await respond({ response_type: 'ephemeral', ...message(said) });
  });
}

/** The subcommands of `/mentorship` this feature answers. */
export const localSubcommands: Subcommand[] = [
  { name: 'hours', handle: handleCommandHours },
  { name: 'daysoff', handle: handleCommandDaysOff },
  { name: 'language', handle: handleCommandLanguage },
];
