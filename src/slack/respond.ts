import type { Logger } from '@slack/logger';
import type { RespondFn } from '@slack/bolt';
import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { isDatabaseUnavailable } from '../db/connection';
import { inSettledLanguage } from '../i18n';
import { afterAck } from './after-ack';
import {
  apology,
  databaseDown,
  describeError,
  noticeClose,
  noticeTitle,
  oneMoment,
  slackErrorCode,
  UserFacingError,
} from './errors';

/** What the person hears when work failed: their own mistake as a sentence, an outage as such, else an apology (logged). */
function sentenceFor(err: unknown, logger: Logger, what: string): string {
  if (err instanceof UserFacingError) return err.userMessage;
  logger.error(`${what} failed: ${describeError(err)}`);
  return isDatabaseUnavailable(err) ? databaseDown() : apology();
}

/**
 * Runs work for a command or button after its ack, and makes sure the person hears back:
 * their own mistake as a sentence, a database outage as such, anything else as an apology.
 */
export async function answering(
  respond: RespondFn,
  logger: Logger,
  what: string,
  work: () => Promise<void>,
): Promise<void> {
  try {
    // In the reader's own language, behind the acks still to come (after-ack.ts).
    await inSettledLanguage(() => afterAck(work));
  } catch (err) {
    const message = await inSettledLanguage(async () => sentenceFor(err, logger, what));
    await respond({ response_type: 'ephemeral', replace_original: false, text: message }).catch((e) =>
      logger.error(`${what}: could not tell the user: ${describeError(e)}`),
    );
  }
}

/** A small window with one sentence (plain text: never markup). */
export function noticeModal(sentence: string): View {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: noticeTitle() },
    close: { type: 'plain_text', text: noticeClose() },
    blocks: [{ type: 'section', text: { type: 'plain_text', text: sentence.slice(0, 3000) } }],
  };
}

/** What a click brings that an answer needs: its response_url (absent on the Home tab) and trigger_id. */
type Click = { respond?: RespondFn; body: { response_url?: string; trigger_id: string }; client: WebClient };

/**
 * `answering` for a button that may be pressed on the Home tab: a button in a message answers
 * ephemerally through its response_url; a Home click has none, so the sentence goes in a small
 * window opened with the click's trigger_id.
 */
export async function answeringButton(
  args: Click,
  logger: Logger,
  what: string,
  work: () => Promise<void>,
): Promise<void> {
  if (args.respond && args.body.response_url) return answering(args.respond, logger, what, work);
  try {
    await inSettledLanguage(() => afterAck(work));
  } catch (err) {
    const sentence = await inSettledLanguage(async () => sentenceFor(err, logger, what));
    await args.client.views
      .open({ trigger_id: args.body.trigger_id, view: noticeModal(sentence) })
      .catch((e) => logger.error(`${what}: could not tell the user: ${describeError(e)}`));
  }
}

/** The callback_id of the window `openingModal` opens at once (tests wait for what replaces it). */
export const ONE_MOMENT_CALLBACK_ID = 'one_moment';

/**
 * For a button whose modal takes reads to build. Slack takes a click's trigger_id for 3 seconds
 * only, and the reads wait behind other work when many people click at once (after-ack.ts); so a
 * small window saying "one moment" opens at once, before any waiting, and the modal `build` makes
 * replaces it (views.update). When `build` fails, the window says why: the person's own mistake (a
 * refusal, a pair gone), an outage, or an apology (logged). When even the window cannot open, the
 * person is told at the click's response_url, as `answeringButton` would.
 */
export async function openingModal(
  args: Click,
  logger: Logger,
  what: string,
  build: () => Promise<View>,
): Promise<void> {
  let opened: { id?: string; hash?: string } | undefined;
  try {
    const wait = { ...noticeModal(oneMoment()), callback_id: ONE_MOMENT_CALLBACK_ID };
    opened = (await args.client.views.open({ trigger_id: args.body.trigger_id, view: wait })).view;
  } catch (err) {
    return answeringButton(args, logger, what, () => Promise.reject(err));
  }
  const viewId = opened?.id;
  if (!viewId) return;
  await inSettledLanguage(() =>
    afterAck(async () => {
      let view: View;
      try {
        view = await build();
      } catch (err) {
        view = noticeModal(sentenceFor(err, logger, what));
      }
      try {
        await args.client.views.update({ view_id: viewId, ...(opened?.hash ? { hash: opened.hash } : {}), view });
      } catch (err) {
        // Closed by the person meanwhile: nothing to tell. Anything else (a view Slack refused, a
        // timeout): the window must not stay at "one moment", so it says sorry instead.
        if (slackErrorCode(err) === 'not_found') return;
        logger.error(`${what}: could not fill the window: ${describeError(err)}`);
        await args.client.views
          .update({ view_id: viewId, view: noticeModal(apology()) })
          .catch((e) => logger.error(`${what}: could not tell the user: ${describeError(e)}`));
      }
    }),
  );
}

type ViewAck = (
  response?: { response_action: 'errors'; errors: Record<string, string> } | { response_action: 'clear' },
) => Promise<void>;

/**
 * Runs a modal submission's work and answers Slack: closes the modal when it worked; otherwise
 * keeps it open, nothing lost, with the person's mistake on its fields, or on `block` a sentence
 * for a database outage (`databaseDown`) or an apology. Returns the work's result, or undefined.
 */
export async function submitModal<T>(
  ack: ViewAck,
  opts: { block: string; databaseDown: string; logger: Logger; what: string },
  work: () => Promise<T>,
): Promise<T | undefined> {
  let result: T;
  try {
    result = await work();
  } catch (err) {
    if (err instanceof UserFacingError) {
      const errors = Object.keys(err.fieldErrors).length ? err.fieldErrors : { [opts.block]: err.userMessage };
      await ack({ response_action: 'errors', errors });
      return undefined;
    }
    opts.logger.error(`${opts.what} failed: ${describeError(err)}`);
    await ack({
      response_action: 'errors',
      errors: { [opts.block]: isDatabaseUnavailable(err) ? opts.databaseDown : apology() },
    });
    return undefined;
  }
  await ack({ response_action: 'clear' });
  return result;
}
