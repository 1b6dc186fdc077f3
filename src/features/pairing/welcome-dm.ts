import { inLanguage } from '../../i18n';
import { dmRecipientNow } from '../../jobs/dm-recipient';
import { enqueue, type OutboxHandler } from '../../jobs/outbox';
import { DAY_MS } from '../../lib/durations';
import { mayPing, nextAllowedDmTime } from '../../lib/working-time';
import { partnerOf } from '../../pairs/membership';
import { PairModel, type Pair } from '../../pairs/model';
import { toPerson } from '../../pairs/participants';
import type { Participant } from '../../pairs/participants-model';
import { text } from './messages';
import type { WelcomeMentions } from './welcome-text';

/**
 * Who the welcome may @-mention now: only a person for whom it is 08:00–20:00 on a working day.
 * Staff create pairs at any hour; nobody is pinged at night or on their weekend for it.
 */
export function welcomeMentions(mentor: Participant, mentee: Participant, now: Date): WelcomeMentions {
  const mentorAwake = mayPing(now, toPerson(mentor));
  const menteeAwake = mayPing(now, toPerson(mentee));
  if (mentorAwake && menteeAwake) return 'both';
  if (mentorAwake) return 'mentor';
  if (menteeAwake) return 'mentee';
  return 'none';
}

/** A short DM, at their next 08:00–20:00 on a working day, to each person the welcome only named. */
export async function queueWelcomeDms(
  pair: Pair,
  mentor: Participant,
  mentee: Participant,
  mentions: WelcomeMentions,
  now: Date,
): Promise<void> {
  for (const [role, person] of [
    ['mentor', mentor],
    ['mentee', mentee],
  ] as const) {
    if (mentions === 'both' || mentions === role) continue;
    await enqueue({
      key: `welcome-dm:${pair._id}:${person.userId}`,
      teamId: pair.teamId,
      kind: 'welcome_dm',
      pairId: pair._id,
      ref: { userId: person.userId },
      dueAt: nextAllowedDmTime(now, toPerson(person)),
    });
  }
}

/** A welcome DM this late (the bot was down) has lost its point: the channel is not new any more. */
const WELCOME_DM_STALE_MS = DAY_MS;

/**
 * `welcome_dm`: "You have a new mentorship channel with Alice: #channel". Skipped when it lost its
 * point: the pair has ended, or it is more than a day late.
 */
export const welcomeDmHandler: OutboxHandler = {
  async render(entry, ctx) {
    if (ctx.now.getTime() - entry.dueAt.getTime() > WELCOME_DM_STALE_MS) {
      // i18n-exempt: internal reason
      return { op: 'skip', reason: 'more than a day late: the channel is not new any more' };
    }
    const pair = await PairModel.findById(entry.pairId).lean<Pair>();
    if (!pair?.channel?.id) return { op: 'skip', reason: 'pair or channel gone' }; // i18n-exempt: internal reason
    if (pair.status === 'ended') return { op: 'skip', reason: 'pair ended' };
    const userId = String(entry.ref.userId);
    const recipient = await dmRecipientNow(pair, userId, ctx.now);
    if ('op' in recipient) return recipient;
    const { people, me } = recipient;
    const partner = people.get(partnerOf(pair, userId));
    // In the recipient's own language (their choice, else their Slack locale when they were paired).
    const channelId = pair.channel.id;
    const dm = inLanguage(me.language, () => text.welcomeDm(partner?.name, channelId));
    return { op: 'post', to: userId, text: dm.text };
  },
};
