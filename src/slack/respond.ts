import type { Logger } from '@slack/logger';
import type { RespondFn } from '@slack/bolt';
import { isDatabaseUnavailable } from '../db/connection';
import { APOLOGY, DATABASE_DOWN, UserFacingError, describeError } from './errors';

/**
 * Runs work for a command or button after its ack, and makes sure the person hears back:
 * their own mistake as a sentence, a database outage as such, anything else as an apology.
 */
export async function answering(respond: RespondFn, logger: Logger, what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    const message =
      err instanceof UserFacingError ? err.userMessage : isDatabaseUnavailable(err) ? DATABASE_DOWN : APOLOGY;
    if (!(err instanceof UserFacingError)) logger.error(`${what} failed: ${describeError(err)}`);
    await respond({ response_type: 'ephemeral', replace_original: false, text: message }).catch((e) =>
      logger.error(`${what}: could not tell the user: ${describeError(e)}`),
    );
  }
}
