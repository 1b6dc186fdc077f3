/**
 * Property: whatever follows `/mentorship`, typed by staff, by a participant or by an outsider, the
 * request is acknowledged with a 200 within Slack's 3 seconds; the person gets an answer (the ack,
 * a post to response_url or a modal) in plain words without a stack trace; the handler logs no
 * crash; no pair is created by a command; and an outsider changes nothing at all, a participant
 * nothing of a pair they are not in.
 */
import { stringify } from 'node:querystring';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { PEOPLE, type Harness } from '../support/app-harness';
import {
  anyText,
  counts,
  errorLogs,
  leaksIn,
  pairSnapshot,
  shownText,
  snapshot,
  type World,
  withFuzzWorld,
} from './fixture';

let h: Harness;
let world: World;
withFuzzWorld('fuzz-commands', (made, w) => {
  h = made;
  world = w;
});

const SUBCOMMANDS = [
  'help',
  'pair',
  'list',
  'pause',
  'resume',
  'status',
  'end',
  'reassign',
  'export',
  'digest',
  'goals',
  'outcomes',
  'feedback',
  'hours',
  'daysoff',
  'away',
  'meet',
];
const mention = fc.oneof(
  fc.constantFrom(...Object.values(PEOPLE)).map((p) => `<@${p.id}|${p.name}>`),
  fc.stringMatching(/^U[0-9A-Z]{1,12}$/).map((id) => `<@${id}|x>`),
  fc.constant('<@>'),
  fc.constant('<@U0MENTOR01'),
);
const channelToken = () =>
  fc.oneof(
    fc.constantFrom(world.a, world.b).map((p) => `<#${p.channel!.id}|${p.channel!.name}>`),
    fc.stringMatching(/^[CGD][0-9A-Z]{1,12}$/).map((id) => `<#${id}|x>`),
    fc.constant('<#|>'),
    fc.constant('#mentorship-alice-karim'),
  );
const argument = () =>
  fc.oneof(
    mention,
    channelToken(),
    fc.constantFrom('2w', '0d', '999w', '-1w', '1.5w', '4w', '2', 'weeks', 'mentor', 'mentee', 'remove', 'csv'),
    fc
      .date({ min: new Date('1900-01-01'), max: new Date('2300-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    fc.constantFrom('2026-02-30', '2026-13-01', '0000-00-00', 'tomorrow', '<!date^1799999999^{date}|x>'),
    fc.stringMatching(/^[0-9a-f]{24}$/),
    fc.constant(String(world.a._id)),
    fc.string({ maxLength: 12 }),
  );
/** A known subcommand, in any case, with zero to five plausible-but-wrong arguments. */
const plausible = () =>
  fc
    .tuple(
      fc.constantFrom(...SUBCOMMANDS).chain((s) => fc.constantFrom(s, s.toUpperCase())),
      fc.array(argument(), { maxLength: 5 }),
      fc.constantFrom(' ', '  ', '\t', '\n'),
    )
    .map(([sub, args, sep]) => [sub, ...args].join(sep));
const commandText = () => fc.oneof(anyText, plausible(), plausible(), plausible());

/** The participant is Alice, the mentor of pair A: neither staff note (Karim's nor Amira's) is hers to see. */
const WHO = { staff: PEOPLE.staff.id, participant: PEOPLE.mentor.id, outsider: PEOPLE.outsider.id };

/** Sends the command as Slack would and waits for its answer: the ack body, a response_url post or a modal. */
async function type(text: string, userId: string) {
  const triggerId = `${Date.now()}.1.${randomBytes(8).toString('hex')}`;
  const form = h.driver.commandPayload('/mentorship', text, { userId, triggerId });
  const responseId = String(form.response_url).split('/').pop();
  const started = Date.now();
  const res = await h.driver.send(stringify(form), 'application/x-www-form-urlencoded');
  const ackMs = Date.now() - started;
  const answered = () => ({
    responses: h.standIn.responses.filter((r) => r.id === responseId).map((r) => r.body),
    modals: h.standIn.calls.filter((c) => c.method.startsWith('views.') && c.args.trigger_id === triggerId),
  });
  const ackText = res.json ? shownText(res.json) : res.text;
  if (!ackText) {
    await h.standIn
      .waitFor(() => answered().responses.length + answered().modals.length > 0, 8000)
      .catch(() => undefined);
  }
  // Let any later work of this command settle before the next one (and before the snapshot).
  await new Promise((r) => setTimeout(r, 20));
  return { res, ackMs, ackText, ...answered() };
}

async function checkCommand(who: keyof typeof WHO, text: string): Promise<void> {
  const userId = WHO[who];
  const logFrom = h.logs.length;
  const pairsBefore = (await counts()).Pair;
  const before =
    who === 'outsider' ? await snapshot() : who === 'participant' ? await pairSnapshot(String(world.b._id)) : undefined;

  const got = await type(text, userId);
  expect(got.res.status).toBe(200);
  expect(got.ackMs).toBeLessThan(3000);
  const shown = [got.ackText, ...got.responses.map(shownText)].filter(Boolean).join('\n');
  // An answer: words, or a modal opened.
  expect(shown.trim().length > 0 || got.modals.length > 0).toBe(true);
  expect(leaksIn(shown, text)).toEqual([]);
  for (const r of got.responses) expect(r.response_type ?? 'ephemeral').toBe('ephemeral');
  expect(errorLogs(h, logFrom)).toEqual([]);
  if (who !== 'staff') {
    // A staff-only note never reaches a participant or an outsider: not in the answer, the modal or a post.
    const seen = [shown, ...got.modals.map((c) => JSON.stringify(c.args.view ?? {}))].join('\n');
    expect(seen).not.toMatch(/secret-staff-note/);
  }

  expect((await counts()).Pair).toBe(pairsBefore);
  if (who === 'outsider') expect(await snapshot()).toEqual(before);
  if (who === 'participant') expect(await pairSnapshot(String(world.b._id))).toEqual(before);
}

for (const who of ['outsider', 'participant', 'staff'] as const) {
  test(`/mentorship <anything> typed by ${who}: a quick plain answer, no crash, nothing written that should not be`, async () => {
    await fc.assert(
      fc.asyncProperty(commandText(), (text) => checkCommand(who, text)),
      { numRuns: 40, endOnFailure: true },
    );
  }, 120_000);
}

test('every staff subcommand refuses a participant and an outsider in words', async () => {
  const pairA = `<#${world.a.channel!.id}|${world.a.channel!.name}>`;
  for (const who of ['participant', 'outsider'] as const)
    for (const text of [
      'pair',
      'list',
      `status ${pairA}`,
      `end ${pairA}`,
      `reassign ${pairA} mentee <@U0MENTEE02|amira>`,
      'export',
      'digest',
      'outcomes',
      'feedback totals',
      'daysoff add 2027-03-20 TN Test day',
      `away <@${PEOPLE.mentee.id}|karim> 2w`,
    ]) {
      const got = await type(text, WHO[who]);
      const shown = [got.ackText, ...got.responses.map(shownText)].join('\n');
      expect([who, text, shown]).toEqual([who, text, expect.stringMatching(/only program staff/i)]);
      expect(got.modals).toEqual([]);
    }
}, 60_000);

test('after all of the above, the logs hold no token and no message contents', () => {
  const all = h.logs.join('\n');
  expect(all).not.toMatch(/xox[bpa]-|test-signing-secret/);
  expect(all).not.toMatch(
    /secret-staff-note|Draft the letter|Send the fee table|We met on Zoom|Hello both|Edited once more|No longer needed|Both moved on/,
  );
});
