import type { Logger } from '@slack/logger';
import type { WebClient } from '@slack/web-api';
import type { Config } from '../config';
import type { Clock } from '../lib/time';
import type { StaffDirectory } from '../features/staff/access';

/** What every feature's listeners receive: no Bolt App, no global clock. */
export interface AppDeps {
  config: Readonly<Config>;
  client: WebClient;
  /**
   * The client of the outbox sends a request makes at once (a reply summary, a pause or end notice,
   * feedback follow-ups): the jobs' kind (createJobClient), which never repeats a call itself, so a
   * post Slack made but answered with a 500 is found by its key rather than posted again, and a 429
   * comes back to the outbox instead of pausing every call of the app's client.
   */
  outboxClient: WebClient;
  clock: Clock;
  staff: StaffDirectory;
  logger: Logger;
  /** Publishes these people's Home tab again after a change they would see there (in the background). */
  refreshHome: (teamId: string, userIds: string[]) => void;
}
