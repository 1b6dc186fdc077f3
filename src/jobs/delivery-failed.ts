import { staffRecipientOf } from '../pairs/language';
import { inLanguage, type MessageKey, t, tm } from '../i18n';
import { PairModel, type Pair } from '../pairs/model';
import { channelLink, mention } from '../slack/mrkdwn';
import type { OutboxEntry, OutboxKind } from './outbox-model';
import type { OutboxHandler } from './outbox';

/**
 * Slack errors that no retry can cure: the recipient is deactivated or gone, the bot cannot DM
 * them, the conversation is archived, or the message itself is refused. A send that meets one
 * is marked failed for good and staff are told (once per pair, recipient and error).
 */
const PERMANENT_ERRORS = new Set([
  'user_disabled',
  'user_not_found',
  'user_not_visible',
  'account_inactive',
  'cannot_dm_bot',
  'is_archived',
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'no_text',
  'cant_update_message',
  'message_not_found',
  'edit_window_closed',
]);

/** Permanent for a DM (a user ID or a D… channel): the person's DM is gone for good. */
const PERMANENT_FOR_DM = new Set(['channel_not_found']);

/** True when Slack's answer `code` to a send to `target` can never turn into a success. */
export function isPermanentFailure(code: string | undefined, target: string | undefined): boolean {
  if (!code) return false;
  if (PERMANENT_ERRORS.has(code)) return true;
  return PERMANENT_FOR_DM.has(code) && /^[UWD]/.test(target ?? '');
}

/** What staff read about each kind of message that failed ("a check-in prompt"). */
const KIND_KEYS = {
  checkin_prompt: 'delivery.kind.checkin_prompt',
  silence_nudge: 'delivery.kind.silence_nudge',
  at_risk_alert: 'delivery.kind.at_risk_alert',
  commitment_reminder: 'delivery.kind.commitment_reminder',
  reply_summary: 'delivery.kind.reply_summary',
  pause_notice: 'delivery.kind.pause_notice',
  checkin_dm: 'delivery.kind.checkin_dm',
  welcome_dm: 'delivery.kind.welcome_dm',
  delivery_failed_alert: 'delivery.kind.delivery_failed_alert',
  pair_ended_notice: 'delivery.kind.pair_ended_notice',
  weekly_digest: 'delivery.kind.weekly_digest',
  digest_part: 'delivery.kind.digest_part',
  feedback_request: 'delivery.kind.feedback_request',
  feedback_reminder: 'delivery.kind.feedback_reminder',
  feedback_shared: 'delivery.kind.feedback_shared',
  feedback_alert: 'delivery.kind.feedback_alert',
  meeting_reminder: 'delivery.kind.meeting_reminder',
} as const satisfies Record<OutboxKind, MessageKey>;

/** Slack's answers staff can read in words; any other is named by its code. */
const REASON_KEYS: Readonly<Record<string, MessageKey>> = {
  user_disabled: 'delivery.reason.user_disabled',
  account_inactive: 'delivery.reason.account_inactive',
  user_not_found: 'delivery.reason.user_not_found',
  user_not_visible: 'delivery.reason.user_not_visible',
  cannot_dm_bot: 'delivery.reason.cannot_dm_bot',
  channel_not_found: 'delivery.reason.channel_not_found',
  is_archived: 'delivery.reason.is_archived',
};

/** The alert in the language in scope, from the kind of message and Slack's answer. */
function alertText(pair: Pair, kind: string, target: string, code: string): string {
  const kindKey = KIND_KEYS[kind as OutboxKind] as MessageKey | undefined;
  const reasonKey = REASON_KEYS[code];
  const people = { mentor: mention(pair.mentor.userId), mentee: mention(pair.mentee.userId) };
  return tm('delivery.alert', {
    what: kindKey ? t(kindKey) : t('delivery.aMessage'),
    to: /^[UW]/.test(target) ? mention(target) : target ? channelLink(target) : t('delivery.itsRecipient'),
    pair: pair.channel?.id
      ? tm('delivery.pairWithChannel', { ...people, channel: channelLink(pair.channel.id) })
      : tm('delivery.pair', people),
    reason: reasonKey ? t(reasonKey) : t('delivery.refused', { code }),
  }).text;
}

/** The staff alert's outbox entry for a send that failed for good (one per pair, recipient and error). */
export function deliveryFailedEntry(entry: OutboxEntry, target: string | undefined, code: string) {
  return {
    key: `deliveryfailed:${entry.pairId}:${target ?? 'unknown'}:${code}`,
    teamId: entry.teamId,
    kind: 'delivery_failed_alert' as const,
    pairId: entry.pairId,
    ref: { failedKey: entry.key, failedKind: entry.kind, target: target ?? '', code },
  };
}

/** `delivery_failed_alert`: one message to staff (the staff channel, else the pair's creator). */
export const deliveryFailedAlertHandler: OutboxHandler = {
  async render(entry, ctx) {
    const pair = await PairModel.findById(entry.pairId).lean<Pair>();
    if (!pair) return { op: 'skip', reason: 'pair deleted' }; // i18n-exempt: internal reason
    const { to, language } = await staffRecipientOf(pair, ctx.config, ctx.client);
    const sentence = inLanguage(language, () =>
      alertText(pair, String(entry.ref.failedKind), String(entry.ref.target ?? ''), String(entry.ref.code)),
    );
    return { op: 'post', to, text: sentence };
  },
};
