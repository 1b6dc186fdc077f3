import type { Logger } from '@slack/logger';
import type { WebClient } from '@slack/web-api';
import type { Config } from '../config';
import type { Clock } from '../lib/time';
import type { StaffDirectory } from '../features/staff/access';

/** What every feature's listeners receive: no Bolt App, no global clock. */
export interface AppDeps {
  config: Readonly<Config>;
  client: WebClient;
  clock: Clock;
  staff: StaffDirectory;
  logger: Logger;
  /** Publishes these people's Home tab again after a change they would see there (in the background). */
  refreshHome: (teamId: string, userIds: string[]) => void;
}
