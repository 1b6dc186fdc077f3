import { currentLanguage, inLanguage } from '../../i18n';
import { isObjectIdString } from '../../lib/ids';
import { addDays, localDay } from '../../lib/time';
import type { CommandArgs, Subcommand } from '../../slack/command-router';
import type { AppDeps } from '../../slack/deps';
import type { ButtonArgs, ViewArgs } from '../../slack/listener-args';
import { UserFacingError } from '../../slack/errors';
import { answering, submitModal } from '../../slack/respond';
import { fetchSlackUser } from '../../slack/users';
import { parsePairForm } from './form';
import { PairingIds } from './ids';
import { text } from './messages';
import { pairCommandArgsSchema } from './schemas';
import { createPair, listLivePairs, type PairingDeps } from './service';
import { runPairSetup, type SetupOutcome } from './setup';
import { createPairModal, pairListMessage } from './views';

function pairingDeps(deps: AppDeps): PairingDeps {
  return {
    client: deps.client,
    clock: deps.clock,
    staff: deps.config.staff,
    staffLanguage: deps.config.staffLanguage,
  };
}

async function requireStaff(userId: string, deps: AppDeps): Promise<void> {
  if (!(await deps.staff.isStaff(userId))) throw new UserFacingError(text.staffOnly());
}

/** `/mentorship pair [@mentor] [@mentee]`: opens the create-pair modal, pre-filled. */
export async function handleCommandPair(
  { ack, command, respond, client }: CommandArgs,
  rest: string,
  deps: AppDeps,
): Promise<void> {
  const mentions = pairCommandArgsSchema.safeParse(rest);
  if (!mentions.success) {
    await ack({ response_type: 'ephemeral', text: text.badPairArguments() });
    return;
  }
  await ack();
  await answering(respond, deps.logger, 'command pair', async () => {
    await requireStaff(command.user_id, deps);
    const [mentorId, menteeId] = mentions.data;
    // The time zones only pre-fill the form: a look-up Slack is slow to answer (rate-limited) is
    // dropped, so the modal opens before the trigger_id expires (3 seconds after the command).
    const [mentor, mentee] = await Promise.all(
      [mentorId, menteeId].map((id) =>
        id
          ? withinMs(
              fetchSlackUser(deps.client, id).catch(() => null),
              PREFILL_BUDGET_MS,
            )
          : null,
      ),
    );
    const today = localDay(deps.clock.now(), 'UTC');
    const view = createPairModal({
      mentorId,
      menteeId,
      mentorTz: mentor?.tz,
      menteeTz: mentee?.tz,
      mentorName: mentor?.name,
      menteeName: mentee?.name,
      today,
      sixMonthsLater: addDays(today, 182),
    });
    await client.views.open({ trigger_id: command.trigger_id, view });
  });
}

/** How long the pair command waits for users.info before opening the form without time zones. */
const PREFILL_BUDGET_MS = 1500;

/** The promise's value if it settles within `ms`, else null. */
function withinMs<T>(promise: Promise<T | null>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** `/mentorship list`: the live pairs, for staff. */
export async function handleCommandList(
  { ack, command, respond }: CommandArgs,
  _rest: string,
  deps: AppDeps,
): Promise<void> {
  await ack();
  await answering(respond, deps.logger, 'command list', async () => {
    await requireStaff(command.user_id, deps);
    const { pairs, total } = await listLivePairs(command.team_id);
    await respond({ response_type: 'ephemeral', ...pairListMessage(pairs, total) });
  });
}

export const pairingSubcommands: Subcommand[] = [
  { name: 'pair', handle: handleCommandPair },
  { name: 'list', handle: handleCommandList },
];

/** The create-pair modal was submitted: validate, store, close the modal, then set up in Slack. */
export async function handleViewCreatePair({ ack, body, view }: ViewArgs, deps: AppDeps): Promise<void> {
  const teamId = body.team?.id ?? body.user.team_id ?? '';
  const form = parsePairForm(view.state.values);
  if (!form.ok) {
    await ack({ response_action: 'errors', errors: form.errors });
    return;
  }
  const created = await submitModal(
    ack,
    { block: PairingIds.block.mentor, databaseDown: text.saveFailed(), logger: deps.logger, what: 'view create pair' },
    async () => {
      if (!(await deps.staff.isStaff(body.user.id))) throw new UserFacingError(text.staffOnly());
      return createPair(
        { teamId, createdBy: body.user.id, sourceViewId: view.id, input: form.input },
        pairingDeps(deps),
      );
    },
  );
  if (created) await runSetupAndLog(String(created.pair._id), deps);
}

/** Staff pressed Retry on a set-up that stopped half-way. */
export async function handleActionRetrySetup({ ack, body, action, respond }: ButtonArgs, deps: AppDeps): Promise<void> {
  await ack();
  await answering(respond, deps.logger, 'retry setup', async () => {
    await requireStaff(body.user.id, deps);
    const outcome = await runSetupAndLog(action.value ?? '', deps);
    if (outcome.status === 'done') {
      // It replaces the alert: in the staff channel everyone reads it in the staff language.
      const inStaffChannel = body.channel?.id !== undefined && body.channel.id === deps.config.staff.channelId;
      const finished = inLanguage(inStaffChannel ? deps.config.staffLanguage : currentLanguage(), () =>
        text.setupFinished(outcome.channelId),
      );
      await respond({ replace_original: true, text: finished });
    } else if (outcome.status !== 'failed') {
      const reply = { busy: text.setupBusy(), already_done: text.setupAlreadyDone(), not_found: text.pairNotFound() }[
        outcome.status
      ];
      await respond({ response_type: 'ephemeral', replace_original: false, text: reply });
    }
  });
}

async function runSetupAndLog(pairId: string, deps: AppDeps): Promise<SetupOutcome> {
  if (!isObjectIdString(pairId)) return { status: 'not_found' };
  const outcome = await runPairSetup(pairId, pairingDeps(deps));
  if (outcome.status === 'failed')
    deps.logger.warn(`pair ${pairId}: set-up stopped at ${outcome.step} (${outcome.error})`);
  else deps.logger.info(`pair ${pairId}: set-up ${outcome.status}`);
  return outcome;
}
