import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROUTES } from '../../src/slack/listeners';
import { idsOf } from '../../src/slack/routes';
import { EXTRA_SCOPES, METHOD_SCOPES, methodsCalledIn, missingScopes, requiredScopes } from '../../src/slack/scopes';

const REPO = path.join(__dirname, '../..');
const MANIFEST_PATH = path.join(__dirname, '../../manifests/manifest.json');

interface Routes {
  commands: readonly string[];
  actions: readonly string[];
  views: readonly string[];
  events: readonly string[];
}

/** The .ts files under `dir` (inside the repository), recursively. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every Web API method called in the .ts files under `dir`, with the files that call it. */
function callsIn(dir: string): Map<string, string[]> {
  const calls = new Map<string, string[]>();
  for (const file of tsFiles(dir)) {
    for (const method of methodsCalledIn(readFileSync(file, 'utf8'))) {
      calls.set(method, [...(calls.get(method) ?? []), path.relative(REPO, file)]);
    }
  }
  return calls;
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const len = (v: unknown): number => (isStr(v) ? [...v].length : 0);

/**
 * Everything wrong between a manifest and the code (routes, called methods), plus the Slack
 * manifest rules the app's manifest relies on. Empty when all is well.
 */
function checkManifest(manifest: any, routes: Routes, calledMethods: Iterable<string>): string[] {
  const problems: string[] = [];
  const commands: any[] = Array.isArray(manifest?.features?.slash_commands) ? manifest.features.slash_commands : [];
  const declaredCommands = commands.map((c) => c?.command);
  const botEvents: unknown[] = manifest?.settings?.event_subscriptions?.bot_events ?? [];
  const botScopes: unknown[] = manifest?.oauth_config?.scopes?.bot ?? [];

  // (a) slash commands, both ways
  for (const command of routes.commands) {
    if (!declaredCommands.includes(command))
      problems.push(`command ${command} is handled but not in features.slash_commands`);
  }
  for (const command of declaredCommands) {
    if (!routes.commands.includes(command))
      problems.push(`command ${String(command)} is in the manifest but no listener handles it`);
  }

  // (b) events
  for (const event of routes.events) {
    if (!botEvents.includes(event))
      problems.push(`event ${event} is handled but not in settings.event_subscriptions.bot_events`);
  }
  for (const event of botEvents) {
    if (!routes.events.includes(event as never))
      problems.push(`event ${String(event)} is subscribed to but no listener handles it`);
  }
  if (routes.events.includes('app_home_opened') && manifest?.features?.app_home?.home_tab_enabled !== true) {
    problems.push('app_home_opened is handled but features.app_home.home_tab_enabled is not true');
  }

  // (c) interactivity
  if (
    (routes.actions.length > 0 || routes.views.length > 0) &&
    manifest?.settings?.interactivity?.is_enabled !== true
  ) {
    problems.push('the app has buttons/modals but settings.interactivity.is_enabled is not true');
  }

  // (d) every called method is mapped, and the manifest grants one of its scopes
  const needed = new Set<string>(EXTRA_SCOPES);
  for (const method of new Set(calledMethods)) {
    const anyOf = Object.hasOwn(METHOD_SCOPES, method) ? METHOD_SCOPES[method] : undefined;
    if (!anyOf) {
      problems.push(`${method} is called but not listed in METHOD_SCOPES (src/slack/scopes.ts)`);
      continue;
    }
    for (const s of anyOf) needed.add(s);
    if (anyOf.length > 0 && !anyOf.some((s) => botScopes.includes(s))) {
      problems.push(`${method} needs ${anyOf.join(' or ')}, which oauth_config.scopes.bot does not grant`);
    }
  }
  for (const scope of EXTRA_SCOPES) {
    if (!botScopes.includes(scope)) problems.push(`oauth_config.scopes.bot lacks ${scope}`);
  }

  // (e) no scope the code does not need
  for (const scope of botScopes) {
    if (!needed.has(scope as string))
      problems.push(`oauth_config.scopes.bot asks for ${String(scope)}, which no called method needs`);
  }
  if (new Set(botScopes).size !== botScopes.length) problems.push('oauth_config.scopes.bot lists a scope twice');

  // (f) Slack's manifest rules
  const info = manifest?.display_information;
  if (!isStr(info?.name) || len(info.name) < 1 || len(info.name) > 35)
    problems.push('display_information.name must be 1–35 characters');
  if (info?.description !== undefined && (!isStr(info.description) || len(info.description) > 140)) {
    problems.push('display_information.description must be at most 140 characters');
  }
  if (info?.long_description !== undefined && (!isStr(info.long_description) || len(info.long_description) > 4000)) {
    problems.push('display_information.long_description must be at most 4000 characters');
  }
  if (info?.background_color !== undefined && !/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(String(info.background_color))) {
    problems.push('display_information.background_color must be a hex colour such as #1d4f6e');
  }
  const botName = manifest?.features?.bot_user?.display_name;
  if (!isStr(botName) || len(botName) < 1 || len(botName) > 80)
    problems.push('features.bot_user.display_name must be 1–80 characters');
  for (const c of commands) {
    const name = String(c?.command);
    if (!isStr(c?.command) || !c.command.startsWith('/')) problems.push(`command ${name} must start with /`);
    if (len(c?.command) < 2 || len(c?.command) > 32) problems.push(`command ${name} must be 2–32 characters`);
    if (!isStr(c?.description) || c.description.trim() === '' || len(c.description) > 2000) {
      problems.push(`command ${name} needs a description (at most 2000 characters)`);
    }
    if (c?.usage_hint !== undefined && (!isStr(c.usage_hint) || len(c.usage_hint) > 1000)) {
      problems.push(`command ${name}: usage_hint must be at most 1000 characters`);
    }
  }
  if (typeof manifest?.settings?.socket_mode_enabled !== 'boolean')
    problems.push('settings.socket_mode_enabled must be a boolean');
  return problems;
}

const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));
/** The routing table, by kind of listener. */
const ROUTED: Routes = {
  commands: idsOf(ROUTES, 'command'),
  actions: idsOf(ROUTES, 'button'),
  views: idsOf(ROUTES, 'view'),
  events: idsOf(ROUTES, 'event'),
};
const srcCalls = callsIn(path.join(REPO, 'src'));

describe('manifests/manifest.json', () => {
  it('agrees with the code and follows Slack manifest rules', () => {
    expect(checkManifest(manifest, ROUTED, srcCalls.keys())).toEqual([]);
  });

  it('finds the Web API calls in src/', () => {
    // A sanity check on the scan itself: if the regex stopped matching, the checks above would be empty.
    expect([...srcCalls.keys()]).toEqual(
      expect.arrayContaining(['chat.postMessage', 'conversations.create', 'views.publish']),
    );
  });

  it('maps every called Web API method in METHOD_SCOPES', () => {
    const unmapped = [...srcCalls]
      .filter(([method]) => !(method in METHOD_SCOPES))
      .map(([m, files]) => `${m} (${files.join(', ')})`);
    expect(unmapped).toEqual([]);
  });

  it('keeps METHOD_SCOPES to methods the code calls (src/ and scripts/; auth.test is called by Bolt)', () => {
    const called = new Set([...srcCalls.keys(), ...callsIn(path.join(REPO, 'scripts')).keys(), 'auth.test']);
    expect(Object.keys(METHOD_SCOPES).filter((m) => !called.has(m))).toEqual([]);
  });

  it('reports a broken manifest', () => {
    const broken = structuredClone(manifest);
    broken.oauth_config.scopes.bot = broken.oauth_config.scopes.bot.filter((s: string) => s !== 'chat:write');
    broken.oauth_config.scopes.bot.push('channels:history');
    broken.features.slash_commands = [];
    broken.features.app_home.home_tab_enabled = false;
    broken.settings.interactivity.is_enabled = false;
    broken.settings.event_subscriptions.bot_events = [];
    const problems = checkManifest(broken, ROUTED, [...srcCalls.keys(), 'reactions.add']);
    expect(problems).toEqual(
      expect.arrayContaining([
        'command /mentorship is handled but not in features.slash_commands',
        'event app_home_opened is handled but not in settings.event_subscriptions.bot_events',
        'app_home_opened is handled but features.app_home.home_tab_enabled is not true',
        'the app has buttons/modals but settings.interactivity.is_enabled is not true',
        'chat.postMessage needs chat:write, which oauth_config.scopes.bot does not grant',
        'reactions.add is called but not listed in METHOD_SCOPES (src/slack/scopes.ts)',
        'oauth_config.scopes.bot asks for channels:history, which no called method needs',
      ]),
    );
  });

  it('reports manifests that break Slack rules', () => {
    const broken = structuredClone(manifest);
    broken.display_information.name = 'M'.repeat(36);
    broken.features.slash_commands = [
      { command: 'mentorship', description: '' },
      { command: `/${'x'.repeat(32)}`, description: 'long' },
    ];
    broken.settings.socket_mode_enabled = 'yes';
    broken.oauth_config.scopes.bot = broken.oauth_config.scopes.bot.filter((s: string) => s !== 'commands');
    const problems = checkManifest(
      broken,
      { ...ROUTED, commands: ['mentorship', `/${'x'.repeat(32)}`] },
      srcCalls.keys(),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'display_information.name must be 1–35 characters',
        'command mentorship must start with /',
        'command mentorship needs a description (at most 2000 characters)',
        `command /${'x'.repeat(32)} must be 2–32 characters`,
        'settings.socket_mode_enabled must be a boolean',
        'oauth_config.scopes.bot lacks commands',
      ]),
    );
  });
});

describe('src/slack/scopes.ts', () => {
  it('extracts the methods called on a client', () => {
    const source = `
      await client.chat.postMessage({ channel });
      await ctx.deps.client.conversations.invite({ channel, users });
      const page = await this.client.conversations.members({ channel });
      await deps.client.views.publish({ user_id, view });
      await client.chat.postMessage({ channel }); // twice
      client.token; chat.update(x);`;
    expect(methodsCalledIn(source)).toEqual([
      'chat.postMessage',
      'conversations.invite',
      'conversations.members',
      'views.publish',
    ]);
  });

  it('describes missing scopes in plain words', () => {
    const all = [...new Set([...EXTRA_SCOPES, ...Object.values(METHOD_SCOPES).flat()])];
    expect(missingScopes(all)).toEqual([]);
    const lines = missingScopes(all.filter((s) => s !== 'groups:write' && s !== 'commands'));
    expect(lines).toEqual([
      'conversations.create needs groups:write',
      'conversations.setPurpose needs groups:write',
      'conversations.archive needs groups:write',
      'conversations.kick needs groups:write',
      'the /mentorship slash command needs commands',
    ]);
    // Any one of several scopes is enough.
    expect(missingScopes(['groups:write.invites'], ['conversations.invite'], [])).toEqual([]);
    expect(missingScopes([], ['views.open'], [])).toEqual([]);
  });

  it('refuses methods that are not in the table', () => {
    expect(requiredScopes(['chat.postMessage'])).toEqual([{ method: 'chat.postMessage', anyOf: ['chat:write'] }]);
    expect(() => requiredScopes(['reactions.add'])).toThrow(/reactions\.add is not in METHOD_SCOPES/);
  });
});
