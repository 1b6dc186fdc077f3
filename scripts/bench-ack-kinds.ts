/**
 * The kinds of request `npm run bench:ack` sends, each built by the test driver
 * (test/support/slack-driver.ts) and signed as Slack signs, ready to be sent before the round starts.
 */
import { stringify } from 'node:querystring';
import { PairingIds } from '../src/features/pairing/ids';
import { StaffIds } from '../src/features/staff/ids';
import { SIGNING_SECRET, STAFF_CHANNEL } from '../test/support/app-harness';
import { signBody, type SlackDriver } from '../test/support/slack-driver';

/** A request ready to send, with the ids of its answers: its response_url and its trigger_id. */
export interface Prepared {
  body: string;
  headers: Record<string, string>;
  responseId?: string;
  triggerId?: string;
}

/** Where the answer to a request arrives: at its response_url, as a modal opened, or in the ack itself. */
type Answer = 'response_url' | 'modal' | undefined;

export interface Kind {
  name: string;
  build(driver: SlackDriver, userId: string): Prepared;
  appAnswer: Answer;
  bareAnswer: Answer;
  /**
   * Each request comes from a person this app process has not seen yet, so it reads their language
   * before the ack: a participant (one read by key), or someone it has no record of (two reads, then
   * users.info).
   */
  newPeople?: 'participant' | 'unknown';
  /** The app's ack must carry this (help text in the ack, the modal's field errors). */
  ackIsRight?(body: string): boolean;
  /**
   * The app opens a "one moment" window at once and fills it when its reads are done
   * (openingModal): the answer is the window opening; the fill is timed too.
   */
  appFills?: boolean;
}

function signed(body: string): Prepared {
  const ts = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Slack-Request-Timestamp': String(ts),
      'X-Slack-Signature': signBody(SIGNING_SECRET, body, ts),
    },
  };
}

/** As the driver sends an interactivity payload: `payload=<json>`, form-encoded. */
const interactivity = (payload: Record<string, unknown>) => signed(stringify({ payload: JSON.stringify(payload) }));

function command(text: string) {
  return (driver: SlackDriver, userId: string): Prepared => {
    const payload = driver.commandPayload('/mentorship', text, { userId });
    return {
      ...signed(stringify(payload)),
      responseId: String(payload.response_url).split('/response/')[1],
      triggerId: payload.trigger_id,
    };
  };
}

const hasText = (body: string) => {
  try {
    return typeof JSON.parse(body).text === 'string';
  } catch {
    return false;
  }
};

export function KINDS(pairId: string): Kind[] {
  return [
    {
      name: '`/mentorship help`, each from a participant not seen yet (language: one read)',
      build: command('help'),
      appAnswer: undefined,
      bareAnswer: 'response_url',
      newPeople: 'participant',
      ackIsRight: hasText,
    },
    {
      name: '`/mentorship help`, each from someone with no record (two reads, users.info)',
      build: command('help'),
      appAnswer: undefined,
      bareAnswer: 'response_url',
      newPeople: 'unknown',
      ackIsRight: hasText,
    },
    {
      name: '`/mentorship help`',
      build: command('help'),
      appAnswer: undefined,
      bareAnswer: 'response_url',
      ackIsRight: hasText,
    },
    {
      name: '`/mentorship list` (database read)',
      build: command('list'),
      appAnswer: 'response_url',
      bareAnswer: 'response_url',
    },
    {
      name: 'button (Pair status; answer: the modal opened)',
      appFills: true,
      build: (driver, userId) => {
        const payload = driver.blockActionPayload({
          userId,
          actionId: StaffIds.statusButton,
          blockId: StaffIds.pairActionsBlock(pairId),
          value: pairId,
          channelId: STAFF_CHANNEL,
          messageTs: '1700000000.000100',
        });
        return {
          ...interactivity(payload),
          responseId: String(payload.response_url).split('/response/')[1],
          triggerId: payload.trigger_id,
        };
      },
      appAnswer: 'modal',
      bareAnswer: 'modal',
    },
    {
      name: 'modal submission (create pair, field errors in the ack)',
      build: (driver, userId) =>
        interactivity(
          driver.viewSubmissionPayload({
            userId,
            view: { callback_id: PairingIds.createModal, state: { values: {} } },
          }),
        ),
      appAnswer: undefined,
      bareAnswer: undefined,
      ackIsRight: (body) => body.includes('"response_action":"errors"'),
    },
  ];
}
