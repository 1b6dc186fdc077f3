import type { WebClient } from '@slack/web-api';
import { inLanguage, t, tm } from '../../i18n';
import { isMember } from '../../pairs/membership';
import type { Pair } from '../../pairs/model';
import type { Participant } from '../../pairs/participants-model';
import { message } from '../../slack/blocks';
import type { CommandArgs, Subcommand } from '../../slack/command-router';
import type { AppDeps } from '../../slack/deps';
import { describeError, UserFacingError } from '../../slack/errors';
import type { ButtonArgs } from '../../slack/listener-args';
import { type Mrkdwn, mention } from '../../slack/mrkdwn';
import { answering } from '../../slack/respond';
import {
  pairOfChannel,
  peopleOf,
  type PickOutcome,
  proposeMeeting,
  recordPick,
  recordShown,
  type StoredProposal,
} from './service';
import type { Side } from './slots';
import { agreedMessage, proposalMessage, when } from './views';

const namesOf = (people: Record<Side, Participant>): Record<Side, string> => ({
  mentor: people.mentor.name,
  mentee: people.mentee.name,
});

/**
 * `/mentorship meet`, in a pair's channel, by its mentor, its mentee or staff: posts three times
 * for the two to meet there (in the pair's language), each with a "Pick" button.
 */
export async function handleCommandMeet({ ack, command, respond, client }: CommandArgs, _rest: string, deps: AppDeps) {
  await ack();
  await answering(respond, deps.logger, 'command meet', async () => {
    const pair = await pairOfChannel(command.team_id, command.channel_id);
    const channelId = pair?.channel?.id;
    if (!pair || !channelId) throw new UserFacingError(t('meet.notInChannel'));
    if (!isMember(pair, command.user_id) && !(await deps.staff.isStaff(command.user_id)))
      throw new UserFacingError(t('meet.notYours'));
    if (pair.status !== 'active' && pair.status !== 'paused') throw new UserFacingError(t('meet.notLive'));
    const people = await peopleOf(pair);
    if (!people) throw new UserFacingError(t('meet.personUnknown'));
    const { stored } = await proposeMeeting(pair, people, command.user_id, deps.clock.now());
    if (!stored) throw new UserFacingError(t('meet.noTime'));
    const shown = inLanguage(pair.language, () => proposalMessage(String(pair._id), stored, namesOf(people)));
    const posted = await client.chat.postMessage({ channel: channelId, ...shown });
    if (posted.ts) await recordShown(pair, stored.id, channelId, posted.ts);
    await respond({ response_type: 'ephemeral', ...message(tm('meet.posted')) });
  });
}

/** The proposal's message in the channel, shown again as it now stands (who picked; agreed). */
async function showAgain(client: WebClient, pair: Pair, proposal: StoredProposal, deps: AppDeps): Promise<void> {
  const people = await peopleOf(pair);
  if (!proposal.channelId || !proposal.ts || !people) return;
  const shown = inLanguage(pair.language, () => proposalMessage(String(pair._id), proposal, namesOf(people)));
  await client.chat
    .update({ channel: proposal.channelId, ts: proposal.ts, ...shown })
    .catch((err) => deps.logger.warn(`meet: proposal not updated in ${proposal.channelId}: ${describeError(err)}`));
}

/** The refusals and answers of a press that changed nothing, in the presser's language. */
const REFUSALS: Record<Exclude<PickOutcome['status'], 'picked' | 'agreed' | 'agreed_already'>, () => string> = {
  gone: () => t('meet.pick.gone'),
  not_yours: () => t('meet.pick.notYours'),
  replaced: () => t('meet.pick.replaced'),
  unknown_slot: () => t('meet.pick.unknownSlot'),
  past: () => t('meet.pick.past'),
};

/**
 * "Pick" beside a proposed time: the pick is stored (see recordPick for the checks); when both
 * picked the same time, the meeting is agreed and posted in the channel.
 */
export async function handleActionMeetPick({ ack, body, action, respond, client }: ButtonArgs, deps: AppDeps) {
  await ack();
  await answering(respond, deps.logger, 'meet pick', async () => {
    const outcome = await recordPick(action.value ?? '', body.user.id, deps.clock.now());
    const tell = (m: Mrkdwn) => respond({ response_type: 'ephemeral', replace_original: false, ...message(m) });
    switch (outcome.status) {
      case 'picked':
        await showAgain(client, outcome.pair, outcome.proposal, deps);
        // A mention in an ephemeral answer pings no one.
        return void (await tell(
          tm('meet.pick.noted', { when: when(outcome.slot.at), partner: mention(outcome.partnerId) }),
        ));
      case 'agreed': {
        await showAgain(client, outcome.pair, outcome.proposal, deps);
        const channel = outcome.pair.channel?.id;
        const shown = inLanguage(outcome.pair.language, () => agreedMessage(outcome.slot.at));
        const posted = channel
          ? await client.chat.postMessage({ channel, ...shown }).catch((err) => {
              deps.logger.warn(`meet: agreement not posted in ${channel}: ${describeError(err)}`);
            })
          : undefined;
        // Agreed and stored whatever Slack answered: the presser hears it if the channel did not.
        if (!posted) await tell(tm('meet.agreed', { when: when(outcome.slot.at) }));
        return;
      }
      case 'agreed_already':
        return void (await tell(tm('meet.pick.alreadyAgreed', { when: when(outcome.at) })));
      default:
        throw new UserFacingError(REFUSALS[outcome.status]());
    }
  });
}

export const meetSubcommands: Subcommand[] = [{ name: 'meet', handle: handleCommandMeet }];
