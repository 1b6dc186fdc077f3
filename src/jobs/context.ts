import type { Logger } from '@slack/logger';
import type { WebClient } from '@slack/web-api';
import type { Config } from '../config';

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
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
