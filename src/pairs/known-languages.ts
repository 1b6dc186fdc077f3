import { isLanguage, type Language } from '../i18n/languages';
import { LanguageChoiceModel } from './language-choice-model';
import { ParticipantModel } from './participants-model';

/*
 * Everyone's stored language, held in memory so that a request never waits for the database to
 * know whom it is talking to: loaded once at start-up (`loadKnownLanguages`), then kept fresh in
 * the background by reading only what changed since (`startKnownLanguages`). A change made by this
 * process is seen at once (`noteLanguage`); one made by another instance, at its next refresh.
 *
 * Two sources, as in `languageOfPerson`: a participant's record (which also holds their own
 * choice), else the choice of someone in no pair (staff). Until the first load has finished (or
 * when it failed, the database being away), `isLoaded()` is false and callers read the database.
 * Records removed, or a database restored from a backup, are seen only by a restart.
 */

/** One stored language: `_id` is "<teamId>:<userId>". */
interface LanguageRow {
  _id: string;
  language?: string | null;
  updatedAt?: Date | null;
}

/** How often the background refresh reads what changed. */
export const REFRESH_MS = 60_000;
/**
 * Each refresh reads again the changes of this long before the newest it has seen: another
 * instance's write may carry an earlier `updatedAt` than one already read (clocks, slow commits).
 */
const OVERLAP_MS = 2 * 60_000;

const fromParticipants = new Map<string, Language>();
const fromChoices = new Map<string, Language>();
/** When this process noted each language it stored itself (`noteLanguage`), by key. */
const notedAt = new Map<string, number>();
let loaded = false;
/** The newest `updatedAt` read so far (undefined: nothing read, load everything). */
let newest: Date | undefined;
/** When the last load that succeeded started, by this process's clock. */
let lastLoadStart: number | undefined;

/** Whether the stored languages are all in memory (the first load finished). */
export function isLoaded(): boolean {
  return loaded;
}

/**
 * A person's stored language, from memory: their participant record, else their choice.
 * `undefined` when nothing is stored for them (or nothing is loaded yet: see `isLoaded`).
 */
export function knownLanguage(key: string): Language | undefined {
  return fromParticipants.get(key) ?? fromChoices.get(key);
}

/** Records a language this process just stored (a choice made here), so the next request sees it. */
export function noteLanguage(key: string, language: Language, source: 'participant' | 'choice'): void {
  (source === 'participant' ? fromParticipants : fromChoices).set(key, language);
  notedAt.set(key, Date.now());
}

/** Takes what a load read, except where this process noted a newer language since the load began. */
function take(rows: LanguageRow[], into: Map<string, Language>, loadStart: number): void {
  for (const row of rows) {
    if (isLanguage(row.language) && (notedAt.get(row._id) ?? 0) < loadStart) into.set(row._id, row.language);
    if (row.updatedAt && (!newest || row.updatedAt > newest)) newest = row.updatedAt;
  }
}

/**
 * Reads the stored languages into memory: all of them the first time, then those changed since the
 * newest already read (less an overlap). Two queries, each returning only ids and languages.
 */
export async function loadKnownLanguages(): Promise<void> {
  const loadStart = Date.now();
  // From the newest change read, or from when the last load began if that is earlier (a writer
  // whose clock runs ahead must not move the mark past other writers' changes), less the overlap.
  const since =
    newest && lastLoadStart !== undefined ? Math.min(newest.getTime(), lastLoadStart) - OVERLAP_MS : undefined;
  const filter = since === undefined ? {} : { updatedAt: { $gte: new Date(since) } };
  const projection = { language: 1, updatedAt: 1 };
  const [participants, choices] = await Promise.all([
    ParticipantModel.find(filter, projection).lean<LanguageRow[]>(),
    LanguageChoiceModel.find(filter, projection).lean<LanguageRow[]>(),
  ]);
  take(participants, fromParticipants, loadStart);
  take(choices, fromChoices, loadStart);
  lastLoadStart = loadStart;
  loaded = true;
}

/**
 * Loads the stored languages now and refreshes them every `intervalMs` in the background (an
 * unref'd timer: it never keeps the process alive). A failed read is retried at the next turn;
 * until a first load succeeds, requests read the database themselves. Returns `stop`.
 */
export function startKnownLanguages(
  onError: (err: unknown) => void,
  intervalMs = REFRESH_MS,
): { stop(): void; firstLoad: Promise<void> } {
  let running: Promise<void> | undefined;
  const refresh = (): Promise<void> => {
    running ??= loadKnownLanguages()
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => void refresh(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), firstLoad: refresh() };
}

/** Forgets everything loaded (tests; a process that must read the database again). */
export function forgetKnownLanguages(): void {
  fromParticipants.clear();
  fromChoices.clear();
  notedAt.clear();
  loaded = false;
  newest = undefined;
  lastLoadStart = undefined;
}
