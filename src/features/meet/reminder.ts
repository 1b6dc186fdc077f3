import { inLanguage } from '../../i18n';
import type { OutboxHandler } from '../../jobs/outbox';
import { partnerOf } from '../../pairs/membership';
import { PairModel, type Pair } from '../../pairs/model';
import { participantsOf } from '../../pairs/participants';
import { mention } from '../../slack/mrkdwn';
import { reminderMessage } from './views';

/**
 * `meeting_reminder`: the DM to one person an hour before the pair's agreed meeting, in their own
 * language, built at send time. Skipped when the meeting changed since (a newer time agreed), has
 * begun, or the pair ended. It goes at the hour the person agreed to (no quiet-hours wait, which
 * would send it after the meeting).
 */
export const meetingReminderHandler: OutboxHandler = {
  async render(entry, ctx) {
    const pair = await PairModel.findById(entry.pairId).lean<Pair>();
    if (!pair || pair.status === 'ended') return { op: 'skip', reason: 'pair_ended' };
    const next = pair.meeting?.next;
    const ref = entry.ref as { userId?: string; proposalId?: string; slotKey?: string };
    if (!next?.at || next.proposalId !== ref.proposalId || next.slotKey !== ref.slotKey)
      return { op: 'skip', reason: 'meeting_changed' };
    if (next.at.getTime() <= ctx.now.getTime()) return { op: 'skip', reason: 'meeting_begun' };
    if (!pair.channel?.id || !ref.userId) return { op: 'skip', reason: 'no_channel' };
    const people = await participantsOf(pair);
    const me = people.get(ref.userId);
    if (!me) return { op: 'skip', reason: 'participant_unknown' };
    // A mention in a DM to someone else pings no one: it shows the partner's name in the reader's client.
    const partner = mention(partnerOf(pair, ref.userId));
    const shown = inLanguage(me.language, () =>
      reminderMessage({ partner, at: next.at!, channelId: pair.channel!.id! }),
    );
    return { op: 'post', to: ref.userId, ...shown };
  },
};
