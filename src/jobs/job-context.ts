import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Logger } from '@slack/logger';
import { WebClient } from '@slack/web-api';
import type { Config } from '../config';
import { abortableSleep } from '../lib/shutdown';

/**
 * What a scheduled job run gets: one `now` for every decision of the run (simulated in tests,
 * given with --now from the command line), a Slack client that reports rate limits instead of
 * waiting inside a call, and a way to wait out Retry-After.
 */
export interface JobContext {
  now: Date;
  client: WebClient;
  config: Readonly<Config>;
  logger: Logger;
  /** Identifies this process in leases and claims. */
  instanceId: string;
  dryRun: boolean;
  sleep(ms: number): Promise<void>;
  /** Lines describing what the run did (or would do), for the job command's output. */
  report: string[];
  /** Aborted when the process is stopping: the run stops at its next safe point (see runOutbox). */
  signal?: AbortSignal;
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** This process, in leases and claims. */
export const INSTANCE_ID = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/**
 * The Web API client of scheduled sends: a 429 comes back at once (the outbox waits out
 * Retry-After between sends and gives up a tick's budget rather than block inside one call),
 * and failures are retried by the outbox on a later tick, not inside the client.
 */
export function createJobClient(
  config: Readonly<Config>,
  logger: Logger,
  opts: { timeoutMs?: number } = {},
): WebClient {
  return new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: opts.timeoutMs ?? 20_000,
    logger,
  });
}

export function createJobContext(
  deps: { config: Readonly<Config>; logger: Logger; client: WebClient },
  now: Date,
  opts: { dryRun?: boolean; instanceId?: string; sleep?: (ms: number) => Promise<void>; signal?: AbortSignal } = {},
): JobContext {
  const { signal } = opts;
  return {
    now,
    client: deps.client,
    config: deps.config,
    logger: deps.logger,
    instanceId: opts.instanceId ?? INSTANCE_ID,
    dryRun: opts.dryRun ?? false,
    // A stop wakes a run waiting out Retry-After.
    sleep: opts.sleep ?? (signal ? (ms) => abortableSleep(ms, signal) : realSleep),
    report: [],
    signal,
  };
}
