/**
 * Helpers for the README-promise tests: answering a check-in through the real button and modal,
 * finding a person's DM channel in the stand-in, and ticking the jobs at their production cadences.
 */
import { WebClient } from '@slack/web-api';
import { CheckinIds } from '../../src/features/checkins/ids';
import type { Checkin } from '../../src/features/checkins/model';
import type { JobName } from '../../src/jobs/run-jobs';
import { PEOPLE, type Harness } from '../support/app-harness';
import { runJobsAt } from '../support/jobs';
import { inputValues } from '../support/slack-driver';
import type { StandInMessage } from '../support/slack-stand-in';

const B = CheckinIds.block;
const A = CheckinIds.inputAction;

export interface NextStep {
  what: string;
  who: string;
  by: string;
}

/** A check-in answer as Slack sends the modal's state: met, a status per goal, optional next steps. */
export function answerValues(goalCount: number, opts: { met?: string; steps?: NextStep[] } = {}) {
  const fields: Parameters<typeof inputValues>[0] = {
    [B.met]: { actionId: A, type: 'radio_buttons', value: opts.met ?? 'yes' },
  };
  for (let n = 1; n <= goalCount; n++) {
    fields[B.goalStatus(n)] = { actionId: A, type: 'static_select', value: 'some_progress' };
  }
  (opts.steps ?? []).forEach((s, i) => {
    fields[B.commitmentWhat(i + 1)] = { actionId: A, type: 'plain_text_input', value: s.what };
    fields[B.commitmentWho(i + 1)] = { actionId: A, type: 'static_select', value: s.who };
    fields[B.commitmentBy(i + 1)] = { actionId: A, type: 'datepicker', value: s.by };
  });
  return inputValues(fields);
}

/** Presses "Reply to check-in" on the prompt in the channel. */
export function pressReply(h: Harness, userId: string, checkin: Checkin) {
  return h.driver.blockAction({
    userId,
    actionId: CheckinIds.replyButton,
    channelId: checkin.prompt!.channelId!,
    messageTs: checkin.prompt!.ts!,
  });
}

/** Submits the answer modal for `checkin`; returns Slack's view of the app's answer. */
export async function submitAnswer(
  h: Harness,
  userId: string,
  checkin: Pick<Checkin, '_id'>,
  goalCount: number,
  opts: { met?: string; steps?: NextStep[] } = {},
): Promise<{ response_action: string; errors?: Record<string, string> }> {
  const res = await h.driver.viewSubmission({
    userId,
    view: {
      id: `VPROM${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
      callback_id: CheckinIds.replyModal,
      private_metadata: JSON.stringify({ checkinId: String(checkin._id) }),
      state: { values: answerValues(goalCount, opts) },
    },
  });
  if (res.status !== 200) throw new Error(`view submission answered HTTP ${res.status}`);
  return res.json;
}

/** The ID of the bot's DM with a person in the stand-in (the same one the app posts to). */
export async function dmChannelOf(h: Harness, userId: string): Promise<string> {
  const client = new WebClient('xoxb-test-token', { slackApiUrl: h.standIn.url });
  const res = await client.conversations.open({ users: userId });
  return res.channel!.id!;
}

/** The DM channel of each named person of PEOPLE. */
export async function dmChannels(
  h: Harness,
  who: Array<keyof typeof PEOPLE>,
): Promise<Map<string, keyof typeof PEOPLE>> {
  const map = new Map<string, keyof typeof PEOPLE>();
  for (const name of who) map.set(await dmChannelOf(h, PEOPLE[name].id), name);
  return map;
}

export interface Received {
  /** The simulated instant of the tick that sent it. */
  at: Date;
  message: StandInMessage;
}

/**
 * Runs the jobs as the production cron table does (`checkins` every 5 minutes, `nudges` and
 * `reminders` every 15, UTC), from `from` to `to` inclusive, and returns every message Slack
 * received during the run with the simulated time of the tick that sent it.
 */
export async function tickAsInProduction(
  h: Harness,
  from: string,
  to: string,
  /** The jobs to run and their minutes (the weekly digest is left out unless asked for). */
  cadence: Partial<Record<JobName, number>> = { checkins: 5, nudges: 15, reminders: 15 },
): Promise<Received[]> {
  const received: Received[] = [];
  const end = Date.parse(to);
  for (let t = Date.parse(from); t <= end; t += 5 * 60_000) {
    const at = new Date(t);
    const minute = at.getUTCHours() * 60 + at.getUTCMinutes();
    const names = (Object.keys(cadence) as JobName[]).filter((name) => minute % cadence[name]! === 0);
    if (names.length === 0) continue;
    const before = h.standIn.messages.length;
    await runJobsAt(h, at, names);
    for (const message of h.standIn.messages.slice(before)) received.push({ at, message });
  }
  return received;
}
