import { model, Schema } from 'mongoose';
import { WebClient } from '@slack/web-api';
import { DEFAULT_LANGUAGE, isLanguage, type Language, parseLanguage, toLanguage } from '../i18n/languages';
import { fetchSlackUser, type SlackUser } from '../slack/users';
import { ParticipantModel, participantId } from './participants-model';

/*
 * Which language the bot writes to a person in: the one they chose (`/mentorship language`),
 * else their Slack locale (`users.info` with include_locale; kept on the participant when they are
 * paired), else English. Staff who are not in any pair have only their choice and their locale.
 */

const languageChoiceSchema = new Schema(
  {
    /** "<teamId>:<userId>", as for participants. */
    _id: { type: String },
    teamId: { type: String, required: true },
    userId: { type: String, required: true },
    language: { type: String, required: true },
  },
  { timestamps: true },
);
export const LanguageChoiceModel = model('LanguageChoice', languageChoiceSchema);

/** How long a person's language is remembered in this process before it is read again. */
const REMEMBER_MS = 5 * 60_000;
const MAX_REMEMBERED = 10_000;
const remembered = new Map<string, { language: Language; until: number }>();

function remember(key: string, language: Language, now: number): Language {
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  remembered.set(key, { language, until: now + REMEMBER_MS });
  return language;
}

/** Forgets what this process remembered (tests, and a change made here). */
export function forgetLanguages(): void {
  remembered.clear();
}

/**
 * A person's language for a request they made: one read by primary key for a participant, two for
 * anyone else, and for someone the app has stored nothing about, one `users.info` (waited for at
 * most SLACK_LOCALE_WAIT_MS); then remembered for five minutes.
 */
export async function languageOfPerson(
  teamId: string,
  userId: string,
  client: WebClient,
  now = Date.now(),
): Promise<Language> {
  const key = participantId(teamId, userId);
  const known = remembered.get(key);
  if (known && known.until > now) return known.language;
  // A participant's record holds their choice too (chooseLanguage), so most people cost one read.
  const participant = await ParticipantModel.findById(key, { language: 1 }).lean();
  const stored = participant?.language ?? (await LanguageChoiceModel.findById(key, { language: 1 }).lean())?.language;
  if (isLanguage(stored)) return remember(key, stored, now);
  // Slack's answer is waited for briefly; a late answer is still remembered, for this person's
  // next request. `client` should be one that gives up at once when rate-limited
  // (`localeLookupClient`): the app's own client would hold all its calls for the Retry-After.
  const fromSlack = fetchSlackUser(client, userId)
    .then((user) => remember(key, parseLanguage(user?.locale) ?? DEFAULT_LANGUAGE, now))
    .catch(() => DEFAULT_LANGUAGE);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Language>((resolve) => {
    timer = setTimeout(() => resolve(DEFAULT_LANGUAGE), SLACK_LOCALE_WAIT_MS);
  });
  return Promise.race([fromSlack, late]).finally(() => clearTimeout(timer));
}

/** How long a request waits for `users.info` to learn the locale of someone the app has not stored. */
const SLACK_LOCALE_WAIT_MS = 250;

/**
 * A Web API client of its own for the locale look-ups made before a request's listener runs: no
 * retries, and a 429 rejects at once instead of pausing (the app's client pauses every call it
 * makes for a Retry-After, which would cost a modal its 3-second trigger).
 */
export function localeLookupClient(token: string | undefined, slackApiUrl: string | undefined): WebClient {
  return new WebClient(token, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: SLACK_LOCALE_WAIT_MS * 4,
  });
}

/**
 * How long a request waits for the reader's language before it goes on in English. A request
 * waits for its language before its listener runs (before the ack), so a database that does not
 * answer must not eat Slack's 3 seconds: the listener's own database call still has to fail first.
 */
export const LANGUAGE_LOOKUP_MS = 500;

/** `languageOfPerson`, or English when it takes longer than LANGUAGE_LOOKUP_MS (or fails). */
export async function languageOfRequest(teamId: string, userId: string, client: WebClient): Promise<Language> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Language>((resolve) => {
    timer = setTimeout(() => resolve(DEFAULT_LANGUAGE), LANGUAGE_LOOKUP_MS);
  });
  try {
    return await Promise.race([languageOfPerson(teamId, userId, client).catch(() => DEFAULT_LANGUAGE), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Saves a person's own choice: on their participant record (for jobs) and as their choice. */
export async function chooseLanguage(teamId: string, userId: string, language: Language, now = Date.now()) {
  const key = participantId(teamId, userId);
  await LanguageChoiceModel.updateOne(
    { _id: key },
    { $set: { language }, $setOnInsert: { teamId, userId } },
    { upsert: true },
  );
  await ParticipantModel.updateOne({ _id: key }, { $set: { language } });
  remember(key, language, now);
}

/**
 * The language to store for someone joining a pair (pairing, reassignment): the one they chose
 * (`/mentorship language`), else their Slack locale ("es-ES" → es), else English.
 */
export async function languageOfNewParticipant(
  teamId: string,
  user: Pick<SlackUser, 'id' | 'locale'>,
): Promise<Language> {
  const choice = await LanguageChoiceModel.findById(participantId(teamId, user.id), { language: 1 }).lean();
  if (isLanguage(choice?.language)) return choice.language;
  return parseLanguage(user.locale) ?? DEFAULT_LANGUAGE;
}

/**
 * The language of a message for staff: the staff channel's (STAFF_LANGUAGE) when it goes there,
 * else (no staff channel: a DM to the staff member who created the pair) that person's own.
 */
export async function languageOfStaffRecipient(
  to: string,
  config: { staff: { channelId?: string }; staffLanguage: string },
  teamId: string,
  client: WebClient,
): Promise<Language> {
  if (to === config.staff.channelId) return toLanguage(config.staffLanguage);
  return languageOfPerson(teamId, to, client).catch(() => toLanguage(config.staffLanguage));
}
