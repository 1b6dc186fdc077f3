import { PairModel, type Pair } from '../pairs/model';
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

/** What staff read about a failed send, from the kind of message and Slack's answer. */
const text = {
  kind: {
    checkin_prompt: 'a check-in prompt',
    silence_nudge: 'a reminder to reply to a check-in',
    at_risk_alert: 'an at-risk alert',
    commitment_reminder: 'a commitment reminder',
    reply_summary: 'a check-in reply summary',
    pause_notice: 'a pause notice',
    checkin_dm: 'a message about an open check-in',
    welcome_dm: 'a message about a new mentorship channel',
    delivery_failed_alert: 'a delivery alert',
    pair_ended_notice: 'the thank-you to a pair that ended',
    weekly_digest: 'the weekly digest',
    digest_part: 'part of the weekly digest',
    feedback_request: 'a request for feedback',
    feedback_reminder: 'a reminder to give feedback',
    feedback_shared: 'feedback shared in the pair channel',
    feedback_alert: 'a feedback alert',
    meeting_reminder: 'a meeting reminder',
  } satisfies Record<OutboxKind, string>,
  reason: (code: string): string =>
    ({
      user_disabled: 'their Slack account is deactivated',
      account_inactive: 'the account is inactive',
      user_not_found: 'Slack does not know this person any more',
      user_not_visible: 'the bot cannot see this person',
      cannot_dm_bot: 'it is a bot',
      channel_not_found: 'the conversation no longer exists',
      is_archived: 'the conversation is archived',
    })[code] ?? `Slack refused it (${code})`,
  alert: (what: string, to: string, pair: string, reason: string) =>
    `:warning: I could not deliver ${what} to ${to} for the pair ${pair}: ${reason}. ` +
    'I will not try again. Please check on the pair (a new account, a pause, or ending the pair).',
};

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

const mention = (target: string) => (/^[UW]/.test(target) ? `<@${target}>` : target ? `<#${target}>` : 'its recipient');

/** `delivery_failed_alert`: one message to staff (the staff channel, else the pair's creator). */
export const deliveryFailedAlertHandler: OutboxHandler = {
  async render(entry, ctx) {
    const pair = await PairModel.findById(entry.pairId).lean<Pair>();
    if (!pair) return { op: 'skip', reason: 'pair deleted' };
    const what = text.kind[entry.ref.failedKind as OutboxKind] ?? 'a message';
    const pairName = `<@${pair.mentor.userId}> and <@${pair.mentee.userId}>${pair.channel?.id ? ` (<#${pair.channel.id}>)` : ''}`;
    const sentence = text.alert(
      what,
      mention(String(entry.ref.target ?? '')),
      pairName,
      text.reason(String(entry.ref.code)),
    );
    return { op: 'post', to: ctx.config.staff.channelId ?? pair.createdBy, text: sentence };
  },
};
