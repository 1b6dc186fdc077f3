import { inLanguage } from '../../i18n';
import { dmRecipientNow } from '../../jobs/dm-recipient';
import type { OutboxHandler } from '../../jobs/outbox';
import { message, section } from '../../slack/blocks';
import { partnerOf } from '../../pairs/membership';
import { PairModel, type Pair } from '../../pairs/model';
import { CheckinModel, repliedByOf, type Checkin } from './model';
import { text } from './messages';
import { checkinReplyButton } from './reply-button';

/**
 * `checkin_dm`: a short DM, with the reply button, to someone the check-in's prompt named without
 * an @-mention (it was night or a day off for them), sent at the start of their next working day.
 * Skipped when it lost its point: they already replied, the pair is no longer active.
 */
export const checkinDmHandler: OutboxHandler = {
  async render(entry, ctx) {
    const userId = String(entry.ref.userId);
    const checkin = await CheckinModel.findById(entry.ref.checkinId).lean<Checkin>();
    const pair = await PairModel.findById(entry.pairId).lean<Pair>();
    // i18n-exempt: outbox skip reasons are logged for operators, never shown
    if (!checkin || !pair) return { op: 'skip', reason: 'check-in or pair deleted' };
    // i18n-exempt: outbox skip reason, logged
    if (pair.status !== 'active') return { op: 'skip', reason: `pair is ${pair.status}` };
    // i18n-exempt: outbox skip reason, logged
    if (repliedByOf(checkin).includes(userId)) return { op: 'skip', reason: 'already replied' };
    const recipient = await dmRecipientNow(pair, userId, ctx.now);
    if ('op' in recipient) return recipient;
    const { people, me } = recipient;
    const partner = people.get(partnerOf(pair, userId));
    // In the recipient's own language.
    return inLanguage(me.language, () => {
      const sentence = text.checkinDm(checkin.period, partner?.name || text.yourPartner(), pair.channel?.id ?? '');
      const buttons = {
        type: 'actions' as const,
        elements: [checkinReplyButton(String(checkin._id), text.replyButton())],
      };
      return { op: 'post' as const, to: userId, ...message(sentence, [section(sentence), buttons]) };
    });
  },
};
