import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { claimOnce } from '../../db/claims';
import { inLanguage } from '../../i18n';
import { describeError, slackErrorCode } from '../../slack/errors';
import { channelFor, findPostedByKey, keyMetadata } from '../../slack/posted';
import { lines, truncate } from '../../slack/mrkdwn';
import { firstSchedule } from '../../pairs/checkin-times';
import { languageOfPerson } from '../../pairs/language';
import { memberIds } from '../../pairs/membership';
import { PairModel, SETUP_STEPS, type Pair, type SetupStep } from '../../pairs/model';
import { byRole, participantsOf, toPerson } from '../../pairs/participants';
import type { Participant } from '../../pairs/participants-model';
import { pairChannelName } from './channel-name';
import { checkinHours } from './checkin-hours';
import { queueWelcomeDms, welcomeMentions } from './welcome-dm';
import { text } from './messages';
import type { PairingDeps } from './service';
import { goalsMessage, setupFailedMessage, welcomeMessage } from './views';
import { MINUTE_MS } from '../../lib/durations';
import { IMPORT_SOURCE_PREFIX } from './ids';

const LOCK_MS = 2 * MINUTE_MS;
const MAX_NAME_ATTEMPTS = 20;

export type SetupOutcome =
  | { status: 'done'; channelId: string }
  | { status: 'failed'; step: SetupStep; error: string }
  | { status: 'busy' }
  | { status: 'already_done' }
  | { status: 'not_found' };

interface StepContext {
  pair: Pair;
  mentor: Participant;
  mentee: Participant;
  deps: PairingDeps;
}

/**
 * Runs the Slack side of a stored pair, step by step, recording each step as it completes.
 * Safe to call again at any time: a claim per attempt and a lock keep two runs apart, and done
 * steps are skipped, so a retry resumes from the step that failed.
 */
export async function runPairSetup(pairId: string, deps: PairingDeps): Promise<SetupOutcome> {
  const now = deps.clock.now();
  const pair = await PairModel.findById(pairId).lean<Pair>();
  if (!pair) return { status: 'not_found' };
  if (pair.status !== 'setting_up' && pair.status !== 'needs_attention') return { status: 'already_done' };
  const lockedUntil = pair.setup?.lockedUntil;
  if (lockedUntil && lockedUntil > now) return { status: 'busy' };
  // One run per attempt: concurrent retries read the same attempt count, and one claim wins.
  const attempt = (pair.setup?.attempts ?? 0) + 1;
  if (!(await claimOnce(`setup:${pairId}:${attempt}`, pair.createdBy, now))) return { status: 'busy' };
  await PairModel.updateOne(
    { _id: pairId },
    {
      $set: { status: 'setting_up', 'setup.lockedUntil': new Date(now.getTime() + LOCK_MS), 'setup.attempts': attempt },
    },
  );
  const claimed = pair;

  const { mentor, mentee } = byRole(claimed, await participantsOf(claimed));
  const ctx: StepContext = { pair: claimed, mentor: mentor!, mentee: mentee!, deps };
  for (const step of SETUP_STEPS) {
    if (ctx.pair.setup?.done?.[step]) continue;
    try {
      await STEPS[step](ctx);
      await PairModel.updateOne({ _id: pairId }, { $set: { [`setup.done.${step}`]: deps.clock.now() } });
    } catch (err) {
      return fail(ctx, step, describeError(err));
    }
  }
  const schedule = firstSchedule(ctx.pair, toPerson(ctx.mentor), toPerson(ctx.mentee));
  await PairModel.updateOne(
    { _id: pairId },
    {
      // Silence is counted from the first check-in, not from the pair's creation.
      $set: { status: 'active', schedule, lastActivityAt: schedule.nextCheckinAt ?? deps.clock.now() },
      $unset: { 'setup.lockedUntil': '', 'setup.failedStep': '', 'setup.lastError': '' },
    },
  );
  return { status: 'done', channelId: ctx.pair.channel!.id! };
}

async function fail(ctx: StepContext, step: SetupStep, error: string): Promise<SetupOutcome> {
  const id = String(ctx.pair._id);
  await PairModel.updateOne(
    { _id: id },
    {
      $set: { status: 'needs_attention', 'setup.failedStep': step, 'setup.lastError': error },
      $unset: { 'setup.lockedUntil': '' },
    },
  );
  await Promise.allSettled(
    staffDestinations(ctx).map(async ({ to, language }) => {
      const message = inLanguage(await language(), () =>
        setupFailedMessage(id, ctx.mentor.name, ctx.mentee.name, step, error),
      );
      await postTo(ctx.deps.client, to, message);
    }),
  );
  return { status: 'failed', step, error };
}

/**
 * The creator of the pair by DM, in their own language, and the staff channel when there is one,
 * in the staff's language.
 */
function staffDestinations(ctx: StepContext): Array<{ to: string; language: () => Promise<string> }> {
  const { channelId } = ctx.deps.staff;
  return [
    { to: ctx.pair.createdBy, language: () => creatorLanguage(ctx) },
    ...(channelId ? [{ to: channelId, language: async () => ctx.deps.staffLanguage }] : []),
  ];
}

/** The language of the staff member who created the pair (their choice, else their Slack locale). */
function creatorLanguage(ctx: StepContext): Promise<string> {
  const { client, clock } = ctx.deps;
  return languageOfPerson(ctx.pair.teamId, ctx.pair.createdBy, client, clock.now().getTime());
}

async function postTo(
  client: WebClient,
  channelOrUser: string,
  message: { text: string; blocks?: unknown[] },
): Promise<void> {
  const channel = await channelFor(client, channelOrUser);
  await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks as never });
}

const STEPS: Record<SetupStep, (ctx: StepContext) => Promise<void>> = {
  async create_channel(ctx) {
    const { client } = ctx.deps;
    for (let attempt = ctx.pair.setup?.nameAttempt ?? 0; attempt < MAX_NAME_ATTEMPTS; attempt++) {
      const name = pairChannelName(ctx.mentor, ctx.mentee, attempt);
      try {
        const res = await client.conversations.create({ name, is_private: true });
        const channel = { id: res.channel!.id!, name: res.channel!.name ?? name };
        await PairModel.updateOne({ _id: ctx.pair._id }, { $set: { channel, 'setup.nameAttempt': attempt } });
        ctx.pair = { ...ctx.pair, channel };
        return;
      } catch (err) {
        if (slackErrorCode(err) !== 'name_taken') throw err;
        await PairModel.updateOne({ _id: ctx.pair._id }, { $set: { 'setup.nameAttempt': attempt + 1 } });
      }
    }
    throw new Error('no free channel name');
  },

  async invite_members(ctx) {
    const users: string[] = [...memberIds(ctx.pair)];
    if (ctx.deps.staff.inviteToPairChannels) users.push(...ctx.deps.staff.userIds);
    const unique = [...new Set(users)];
    const channel = ctx.pair.channel!.id!;
    try {
      await ctx.deps.client.conversations.invite({ channel, users: unique.join(',') });
    } catch (err) {
      if (slackErrorCode(err) !== 'already_in_channel') throw err;
      // Some were in already (a retried step): invite the rest one by one.
      for (const user of unique) {
        try {
          await ctx.deps.client.conversations.invite({ channel, users: user });
        } catch (inner) {
          if (slackErrorCode(inner) !== 'already_in_channel') throw inner;
        }
      }
    }
  },

  async set_purpose(ctx) {
    const sentence = inLanguage(ctx.pair.language, () =>
      text.channelPurpose(ctx.mentor.name, ctx.mentee.name, ctx.pair.mentee.organisation),
    );
    const purpose = truncate(sentence, 250).text;
    await ctx.deps.client.conversations.setPurpose({ channel: ctx.pair.channel!.id!, purpose });
  },

  /**
   * The short welcome, then the goals and the three practices in a second message, pinned. Each
   * message carries its key: on a later attempt (ctx.pair was read before this one was counted), a
   * message posted just before a crash, and so never recorded, is found in the channel instead of
   * posted again, and a pin already made (already_pinned) counts as done.
   */
  async post_welcome(ctx) {
    const { client } = ctx.deps;
    const channel = ctx.pair.channel!.id!;
    const retried = (ctx.pair.setup?.attempts ?? 0) > 0;
    const postOnce = async (key: string, message: { text: string; blocks: KnownBlock[] }): Promise<string> => {
      const found = retried ? await findPostedByKey(client, channel, key) : undefined;
      if (found) return found;
      const res = await client.chat.postMessage({ channel, ...message, metadata: keyMetadata(key) });
      return res.ts!;
    };
    const first = firstSchedule(ctx.pair, toPerson(ctx.mentor), toPerson(ctx.mentee));
    const mentions = welcomeMentions(ctx.mentor, ctx.mentee, ctx.deps.clock.now());
    // Both messages are in the pair's common language, chosen by staff in the form.
    const [welcome, goals] = inLanguage(ctx.pair.language, () => [
      welcomeMessage({
        pair: ctx.pair,
        mentor: ctx.mentor,
        mentee: ctx.mentee,
        firstCheckinAt: first.nextCheckinAt,
        now: ctx.deps.clock.now(),
        mentions,
      }),
      goalsMessage(ctx.pair),
    ]);
    await postOnce(`welcome:${ctx.pair._id}`, welcome);
    // Whoever it is night or a day off for is named, not mentioned, and told by DM in their morning.
    await queueWelcomeDms(ctx.pair, ctx.mentor, ctx.mentee, mentions, ctx.deps.clock.now());
    const goalsTs = await postOnce(`goals:${ctx.pair._id}`, goals);
    try {
      await client.pins.add({ channel, timestamp: goalsTs });
    } catch (err) {
      if (slackErrorCode(err) !== 'already_pinned') throw err;
    }
  },

  async notify_staff(ctx) {
    // An imported pair: the person importing sees it in the import's report, not in one DM per pair.
    if (ctx.pair.sourceViewId.startsWith(IMPORT_SOURCE_PREFIX)) return;
    const confirmation = inLanguage(await creatorLanguage(ctx), () => {
      const sentence = text.pairCreatedForStaff(ctx.pair.channel!.id!, ctx.mentor.name, ctx.mentee.name);
      const hours = checkinHours(
        ctx.pair,
        { ...toPerson(ctx.mentor), name: ctx.mentor.name },
        { ...toPerson(ctx.mentee), name: ctx.mentee.name },
      );
      return hours ? lines(sentence, text.checkinHours(hours)) : sentence;
    });
    await postTo(ctx.deps.client, ctx.pair.createdBy, { text: confirmation.text });
  },
};
