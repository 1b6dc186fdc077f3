import { localDay } from '../../lib/time';
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
    const overview = await hoursOverview(command.team_id, command.user_id, deps.clock.now());
    await client.views.open({ trigger_id: command.trigger_id, view: hoursModal(overview) });
    await respond({ response_type: 'ephemeral', ...hoursMessage(overview) });
  });
}

/** The hours form was submitted: checked field by field, saved for the person submitting it. */
export async function handleViewHoursSubmit({ ack, body, view }: ViewArgs, deps: AppDeps): Promise<void> {
  const teamId = body.team?.id ?? body.user.team_id ?? '';
  await submitModal(
    ack,
    { block: LocalIds.block.days, databaseDown: text.databaseDown(), logger: deps.logger, what: 'hours save' },
    async () => saveHours(teamId, body.user.id, readHoursForm(view.state.values), deps.clock.now()),
  );
  // The modal is closed; the pair's next check-in follows the new hours (a failure is logged, the hours are saved).
  await reslotPairsOf(teamId, [body.user.id], deps.clock.now()).catch((e) =>
    deps.logger.error(`hours save: could not move the next check-ins: ${describeError(e)}`),
  );
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
    const countryName = `${countryNameOf(country)} (${country})`;
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
