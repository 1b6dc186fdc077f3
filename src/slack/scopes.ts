/* i18n-exempt-file: manifest and token scope reasons for the manifest test and `npm run doctor`, read by operators. */
/**
 * Every Slack Web API method the app's code calls, with the bot scopes that allow it (any one of
 * the listed scopes suffices; an empty list means no scope is needed).
 *
 * The manifest test checks that each call found in src/ is listed here and that the manifest grants
 * one of its scopes; `npm run doctor` checks the installed token against this table.
 * Keep it to what the code calls: add a line when a new method is used, remove it when it no longer is.
 */
export const METHOD_SCOPES: Record<string, readonly string[]> = {
  // Bolt calls it at start-up; the doctor calls it to identify the token.
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  // The thank-you after a check-in answer, seen only by the person who answered.
  'chat.postEphemeral': ['chat:write'],
  // Check-in prompts are updated as replies come in.
  'chat.update': ['chat:write'],
  // Pair channels are private channels.
  'conversations.create': ['groups:write'],
  'conversations.invite': ['groups:write', 'groups:write.invites'],
  'conversations.setPurpose': ['groups:write'],
  // Staff end a pair and may archive its channel; reassigning a side may remove the old person.
  'conversations.archive': ['groups:write'],
  'conversations.kick': ['groups:write'],
  // A DM with one person (the pair's fallback when no channel could be made).
  'conversations.open': ['im:write'],
  // The staff channel may be private or public.
  'conversations.members': ['groups:read', 'channels:read'],
  // The doctor reads the staff channel's details.
  'conversations.info': ['groups:read', 'channels:read'],
  // Scheduled sends resumed after a crash look for their own message in the pair channel first.
  'conversations.history': ['groups:history'],
  // … and in the thread, for a thread summary.
  'conversations.replies': ['groups:history'],
  // The goals message is pinned in the pair's channel.
  'pins.add': ['pins:write'],
  'users.info': ['users:read'],
  // The cohort import finds people by the email in the file (scripts/import.ts).
  'users.lookupByEmail': ['users:read.email'],
  // The digest's chart and CSV, and staff exports (files.getUploadURLExternal + files.completeUploadExternal).
  'files.uploadV2': ['files:write'],
  'views.open': [],
  'views.publish': [],
  // "Add another next step" updates the open answer form.
  'views.update': [],
};

/** Scopes the app needs beyond methods: 'commands' for the slash command. */
export const EXTRA_SCOPES = ['commands', 'im:history'] as const;

/** Why each of EXTRA_SCOPES is needed, for readable reports. */
const EXTRA_SCOPE_REASONS: Record<string, string> = {
  commands: 'the /mentorship slash command',
  'im:history': 'resuming a DM nudge after a crash without sending it twice (conversations.history on DMs)',
};

/** The scopes each method needs (any one of `anyOf`). Throws for a method missing from METHOD_SCOPES. */
export function requiredScopes(methods: Iterable<string>): { method: string; anyOf: readonly string[] }[] {
  const result: { method: string; anyOf: readonly string[] }[] = [];
  const seen = new Set<string>();
  for (const method of methods) {
    if (seen.has(method)) continue;
    seen.add(method);
    const anyOf = Object.hasOwn(METHOD_SCOPES, method) ? METHOD_SCOPES[method] : undefined;
    if (!anyOf)
      throw new Error(
        `Slack method ${method} is not in METHOD_SCOPES (src/slack/scopes.ts): add it with the scopes it needs`,
      );
    result.push({ method, anyOf });
  }
  return result;
}

/**
 * What `granted` lacks, as human-readable lines such as "chat.postMessage needs chat:write".
 * Checks `methods` (every method in METHOD_SCOPES by default) and `extras` (EXTRA_SCOPES by default).
 */
export function missingScopes(
  granted: readonly string[],
  methods: Iterable<string> = Object.keys(METHOD_SCOPES),
  extras: readonly string[] = EXTRA_SCOPES,
): string[] {
  const have = new Set(granted.map((s) => s.trim()).filter(Boolean));
  const lines: string[] = [];
  for (const { method, anyOf } of requiredScopes(methods)) {
    if (anyOf.length === 0 || anyOf.some((s) => have.has(s))) continue;
    lines.push(`${method} needs ${anyOf.join(' or ')}`);
  }
  for (const scope of extras) {
    if (!have.has(scope)) lines.push(`${EXTRA_SCOPE_REASONS[scope] ?? 'the app'} needs ${scope}`);
  }
  return lines;
}

const CALL = /client\s*\.\s*([a-zA-Z]+)\s*\.\s*([a-zA-Z][a-zA-Z0-9]*)\s*\(/g;

/**
 * The Web API methods ("namespace.method") called in TypeScript source: a call on anything named
 * `client` (so also deps.client, ctx.deps.client, this.client, app.client) followed by namespace and method.
 * Sorted, without duplicates.
 */
export function methodsCalledIn(sourceText: string): string[] {
  const found = new Set<string>();
  for (const m of sourceText.matchAll(CALL)) found.add(`${m[1]}.${m[2]}`);
  return [...found].sort();
}
