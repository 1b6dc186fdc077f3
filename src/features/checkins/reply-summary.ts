import type { KnownBlock } from '@slack/types';
import { inLanguage } from '../../i18n';
import type { OutboxHandler } from '../../jobs/outbox';
import { message, section } from '../../slack/blocks';
import { mayPing } from '../../lib/working-time';
import { participantsOf, toPerson } from '../../pairs/participants';
import { lines, mention, type Mrkdwn, mrkdwn } from '../../slack/mrkdwn';
import { PairModel, type Pair } from '../../pairs/model';
import { nextStepsOfReply, type Commitment } from '../commitments';
import { text } from './messages';
import { CheckinModel, CheckinReplyModel, type Checkin, type CheckinReply } from './model';
import { MAX_COMMITMENTS_PER_REPLY } from './reply-schemas';

/**
 * The summary of one answer, for the check-in's thread: only what is shared with the partner
 * (never the note for staff).
 */
export function replySummaryMessage(
  reply: Pick<
    CheckinReply,
    'userId' | 'period' | 'met' | 'goals' | 'worked' | 'didNotWork' | 'adaptation' | 'blockers' | 'editCount'
  >,
  nextSteps: Array<Pick<Commitment, 'ownerId' | 'what' | 'dueDay'>>,
  /** How a next step's owner is shown: a mention by default, a plain name when they may not be pinged now. */
  owner: (userId: string) => Mrkdwn = mention,
): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [
    section(
      lines(
        text.summaryHeading(reply.userId, reply.period, (reply.editCount ?? 0) > 0),
        text.summaryMet(text.metAnswer(reply.met), reply.period),
      ),
    ),
  ];
  // After "we did not meet", a goal may have neither a status nor a note: it is left out.
  const answered = reply.goals.filter((g) => g.status || g.note);
  if (answered.length) {
    const goals = answered.map((g) =>
      text.summaryGoal(g.title ?? '', g.status ? text.goalStatus(g.status) : '', g.note ?? ''),
    );
    blocks.push(section(lines(text.summaryGoals(), ...goals)));
  }
  const parts: Array<[Mrkdwn, string]> = [
    [text.summaryWorked(), reply.worked],
    [text.summaryDidNotWork(), reply.didNotWork],
    [text.summaryAdaptation(), reply.adaptation],
  ];
  for (const [heading, body] of parts) if (body) blocks.push(section(lines(heading, body)));
  if (nextSteps.length) {
    const steps = nextSteps.map((c) => text.summaryNextStep(owner(c.ownerId), c.what, c.dueDay));
    blocks.push(section(lines(text.summaryNextSteps(), ...steps)));
  }
  if (reply.blockers) blocks.push(section(lines(text.summaryBlockers(), reply.blockers)));
  return message(text.summaryFallback(reply.userId, reply.period), blocks);
}

/**
 * `reply_summary`: posts the summary of an answer in the check-in prompt's thread, built from the
 * answer as stored at send time; once posted, later edits update that same message.
 */
export const replySummaryHandler: OutboxHandler = {
  async render(entry, ctx) {
    const reply = await CheckinReplyModel.findById(entry.ref.replyId).lean<CheckinReply>();
    // i18n-exempt: outbox skip reasons are logged for operators, never shown
    if (!reply) return { op: 'skip', reason: 'reply deleted' };
    const checkin = await CheckinModel.findById(reply.checkinId).lean<Checkin>();
    const pair = await PairModel.findById(reply.pairId).lean<Pair>();
    // i18n-exempt: outbox skip reason, logged
    if (!checkin || !pair) return { op: 'skip', reason: 'check-in or pair deleted' };
    const steps = [...(await nextStepsOfReply(reply._id, MAX_COMMITMENTS_PER_REPLY)).values()];
    // The summary answers the person who replied; a partner who owns a next step is @-mentioned only
    // 08:00-20:00 on a working day of theirs, else named in plain text.
    const people = await participantsOf(pair);
    const owner = (userId: string): Mrkdwn => {
      const person = people.get(userId);
      if (userId === reply.userId || !person || mayPing(ctx.now, toPerson(person))) return mention(userId);
      return mrkdwn`${person.name || userId}`;
    };
    // In the pair's common language: the thread is in their channel.
    const message = inLanguage(pair.language, () => replySummaryMessage(reply, steps, owner));
    if (reply.summary?.channelId && reply.summary.ts) {
      return { op: 'update', channel: reply.summary.channelId, ts: reply.summary.ts, ...message };
    }
    const channel = checkin.prompt?.channelId ?? pair.channel?.id;
    // i18n-exempt: outbox skip reason, logged
    if (!channel) return { op: 'skip', reason: 'the pair has no channel' };
    return { op: 'post', to: channel, threadTs: checkin.prompt?.ts ?? undefined, ...message };
  },

  async onSent(entry, sent) {
    await CheckinReplyModel.updateOne(
      { _id: entry.ref.replyId },
      { $set: { summary: { channelId: sent.channelId, ts: sent.ts } } },
    );
  },
};
