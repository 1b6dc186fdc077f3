import { WebClient } from '@slack/web-api';
import { DEFAULT_LANGUAGE, isLanguage, type Language, parseLanguage, toLanguage } from '../i18n/languages';
import { fetchSlackUser, type SlackUser } from '../slack/users';
import { forgetKnownLanguages, isLoaded, knownLanguage, noteLanguage } from './known-languages';
import { LanguageChoiceModel } from './language-choice-model';
import { ParticipantModel, participantId } from './participants-model';

export { LanguageChoiceModel };

/*
 * Which language the bot writes to a person in: the one they chose (`/mentorship language`),
 * else their Slack locale (`users.info` with include_locale; kept on the participant when they are
 * paired), else English. Staff who are not in any pair have only their choice and their locale.
 *
 * Stored languages are held in memory (known-languages.ts), so a request does not wait for the
 * database; until they are loaded, a request reads them (two reads by key at most, bounded).
 * A Slack locale is never waited for before an ack: see `languageOfRequest`.
 */

/** How long a language read from the database (before the stored ones are loaded) is remembered here. */
const REMEMBER_MS = 5 * 60_000;
/**
 * How long a Slack locale learned for someone with nothing stored is remembered: a profile's
 * language seldom changes, and each time it is forgotten their next answer waits for Slack again.
 */
const REMEMBER_LEARNED_MS = 24 * 60 * 60_000;
const MAX_REMEMBERED = 10_000;
const remembered = new Map<string, { language: Language; until: number }>();

function remember(key: string, language: Language, now: number, forMs = REMEMBER_MS): Language {
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  remembered.set(key, { language, until: now + forMs });
  return language;
}

/** Forgets what this process remembered and loaded (tests, and a change made here). */
export function forgetLanguages(): void {
  remembered.clear();
  learning.clear();
  forgetKnownLanguages();
}

/** What is known without any wait: the loaded stored language, else one remembered. */
function languageInMemory(key: string, now: number): Language | undefined {
  const stored = isLoaded() ? knownLanguage(key) : undefined;
  if (stored) return stored;
  const known = remembered.get(key);
  return known && known.until > now ? known.language : undefined;
}

/** The stored language read from the database: a participant's, else a choice; null when none is. */
async function storedInDatabase(key: string): Promise<Language | null> {
  // A participant's record holds their choice too (chooseLanguage), so most people cost one read.
  const participant = await ParticipantModel.findById(key, { language: 1 }).lean();
  const stored = participant?.language ?? (await LanguageChoiceModel.findById(key, { language: 1 }).lean())?.language;
  return isLanguage(stored) ? stored : null;
}

/** Slack locales being asked for, one `users.info` per person at a time. */
const learning = new Map<string, Promise<Language>>();

/**
 * The person's Slack locale (`users.info`), remembered for their next requests. Never rejects:
 * English when Slack does not answer. `client` should be one that gives up at once when
 * rate-limited (`localeLookupClient`): the app's own client would hold all its calls for the
 * Retry-After.
 */
function learnFromSlack(key: string, userId: string, client: WebClient, now: number): Promise<Language> {
  let asking = learning.get(key);
  if (!asking) {
    asking = fetchSlackUser(client, userId)
      .then((user) => remember(key, parseLanguage(user?.locale) ?? DEFAULT_LANGUAGE, now, REMEMBER_LEARNED_MS))
      .catch(() => DEFAULT_LANGUAGE)
      .finally(() => learning.delete(key));
    learning.set(key, asking);
  }
  return asking;
}

/** `promise`'s value, or `otherwise` when it takes longer than `ms` (the promise goes on). */
async function within<T, U>(promise: Promise<T>, ms: number, otherwise: U): Promise<T | U> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<U>((resolve) => {
    timer = setTimeout(() => resolve(otherwise), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * How long work waits for `users.info` to learn the locale of someone the app has stored nothing
 * about: short, as the work after an ack may have a modal to open within the click's 3 seconds.
 */
const SLACK_LOCALE_WAIT_MS = 500;

/**
 * A person's language, for work that can wait a little (after an ack, in a job): from memory, else
 * the database (before the stored languages are loaded), else their Slack locale (waited for at
 * most SLACK_LOCALE_WAIT_MS; a late answer is still remembered for their next request).
 */
export async function languageOfPerson(
  teamId: string,
  userId: string,
  client: WebClient,
  now = Date.now(),
): Promise<Language> {
  const key = participantId(teamId, userId);
  const known = languageInMemory(key, now);
  if (known) return known;
  // Slack is being asked already (the request this work is part of found nothing stored).
  const asking = learning.get(key);
  if (asking) return within(asking, SLACK_LOCALE_WAIT_MS, DEFAULT_LANGUAGE);
  const stored = isLoaded() ? null : await storedInDatabase(key);
  if (stored) return remember(key, stored, now);
  return within(learnFromSlack(key, userId, client, now), SLACK_LOCALE_WAIT_MS, DEFAULT_LANGUAGE);
}

/**
 * A Web API client of its own for the locale look-ups of people the app has stored nothing about:
 * no retries, and a 429 rejects at once instead of pausing (the app's client pauses every call it
 * makes for a Retry-After, which would cost a modal its 3-second trigger).
 */
export function localeLookupClient(token: string | undefined, slackApiUrl: string | undefined): WebClient {
  return new WebClient(token, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: SLACK_LOCALE_WAIT_MS * 2,
  });
}

/**
 * How long a request waits for the reader's stored language before it goes on in English: only
 * until the stored languages are loaded (start-up, or a database that was away then), since a
 * database that does not answer must not eat Slack's 3 seconds: the listener's own database call
 * still has to fail first.
 */
export const LANGUAGE_LOOKUP_MS = 500;

/** The reader's language for a request: what the ack is in, and what work after it waits for. */
export interface RequestLanguage {
  /** The language of the ack (and of everything, when `settling` is absent). */
  now: Language;
  /** The reader's Slack locale on its way, for someone with nothing stored: see `inSettledLanguage`. */
  settling?: Promise<Language>;
}

/**
 * The reader's language for a request, without waiting for Slack: from memory (no wait at all once
 * the stored languages are loaded), else the database (before they are, at most
 * LANGUAGE_LOOKUP_MS). For someone with nothing stored, the ack is in English and their Slack
 * locale is asked for at once: the work after the ack waits for it (at most SLACK_LOCALE_WAIT_MS),
 * and it is remembered for their next requests.
 */
export async function languageOfRequest(
  teamId: string,
  userId: string,
  client: WebClient,
  now = Date.now(),
): Promise<RequestLanguage> {
  const key = participantId(teamId, userId);
  const known = languageInMemory(key, now);
  if (known) return { now: known };
  if (!isLoaded()) {
    const stored = await within(
      storedInDatabase(key).catch(() => undefined),
      LANGUAGE_LOOKUP_MS,
      undefined,
    );
    if (stored) return { now: remember(key, stored, now) };
    // Not known whether anything is stored (the database is slow or away): go on in English.
    if (stored === undefined) return { now: DEFAULT_LANGUAGE };
  }
  const settling = within(learnFromSlack(key, userId, client, now), SLACK_LOCALE_WAIT_MS, DEFAULT_LANGUAGE);
  return { now: DEFAULT_LANGUAGE, settling };
}

/** Saves a person's own choice: on their participant record (for jobs) and as their choice. */
export async function chooseLanguage(teamId: string, userId: string, language: Language, now = Date.now()) {
  const key = participantId(teamId, userId);
  await LanguageChoiceModel.updateOne(
    { _id: key },
    { $set: { language }, $setOnInsert: { teamId, userId } },
    { upsert: true },
  );
  const participant = await ParticipantModel.updateOne({ _id: key }, { $set: { language } });
  noteLanguage(key, language, 'choice');
  if (participant.matchedCount > 0) noteLanguage(key, language, 'participant');
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
 * Where a staff alert about a pair goes, and in which language: the staff channel in its language
 * (STAFF_LANGUAGE), else (no staff channel) a DM to the staff member who created the pair, in theirs.
 */
export async function staffRecipientOf(
  pair: { teamId: string; createdBy: string },
  config: { staff: { channelId?: string }; staffLanguage: string },
  client: WebClient,
): Promise<{ to: string; language: Language }> {
  const channel = config.staff.channelId;
  if (channel) return { to: channel, language: toLanguage(config.staffLanguage) };
  const language = await languageOfPerson(pair.teamId, pair.createdBy, client).catch(() =>
    toLanguage(config.staffLanguage),
  );
  return { to: pair.createdBy, language };
}
