import { inLanguage } from '../../i18n';
import type { JobContext } from '../../jobs/job-context';
import type { OutboxHandler, Rendered } from '../../jobs/outbox';
import type { OutboxEntry } from '../../jobs/outbox-model';
import { mayPing } from '../../lib/working-time';
import { othersThan } from '../../pairs/membership';
import { PairModel, type Pair } from '../../pairs/model';
import { participantsOf, toPerson } from '../../pairs/participants';
import { slackDateTime } from '../../slack/dates';
import { mention, mrkdwn } from '../../slack/mrkdwn';
import { pauseDay, text } from './messages';

/**
 * `pause_notice`: tells the pair in their channel, in the pair's language, that the pair was paused
 * (ref.type 'pause', ref.since the pause it announces) or that the pause is over (ref.type
 * 'resume', ref.by who ended it early). Rendered at send time; a notice that lost its point is skipped.
 */
export const pauseNoticeHandler: OutboxHandler = {
  async render(entry, ctx) {
    const pair = await PairModel.findById(entry.pairId).lean<Pair>();
    if (!pair) return { op: 'skip', reason: 'pair deleted' }; // i18n-exempt: a skip reason, logged
    return inLanguage(pair.language, () => renderNotice(entry, ctx, pair));
  },
};

async function renderNotice(entry: OutboxEntry, ctx: JobContext, pair: Pair): Promise<Rendered> {
  const channel = pair.channel?.id;
  if (!channel) return { op: 'skip', reason: 'pair has no channel' }; // i18n-exempt: a skip reason, logged
  if (entry.ref.type === 'pause') {
    const pause = pair.pause;
    if (pair.status !== 'paused' || !pause?.since || !pause.until || pause.since.toISOString() !== entry.ref.since) {
      return { op: 'skip', reason: 'that pause is over' }; // i18n-exempt: a skip reason, logged
    }
    const by = pause.by ?? pair.mentee.userId;
    // The notice answers the person who paused; the partner is mentioned only in their waking hours.
    const people = await participantsOf(pair);
    const others = othersThan(pair, by).map((userId) => {
      const person = people.get(userId);
      if (!person) return mention(userId);
      return mayPing(ctx.now, toPerson(person)) ? mention(userId) : mrkdwn`${person.name || userId}`;
    });
    const until = pauseDay(pause.untilDay, pause.until);
    return { op: 'post', to: channel, text: text.pauseNotice(by, others, until, pause.reason ?? '').text };
  }
  if (pair.status !== 'active') return { op: 'skip', reason: `pair is ${pair.status}` }; // i18n-exempt: a skip reason, logged
  const nextAt = pair.schedule?.nextCheckinAt;
  const next = nextAt ? slackDateTime(nextAt) : undefined;
  const by = typeof entry.ref.by === 'string' ? entry.ref.by : undefined;
  return { op: 'post', to: channel, text: text.resumeNotice(by, next).text };
}
