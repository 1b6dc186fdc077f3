/**
 * Property: every button of the routing table, pressed with a random or forged value (ids of
 * another pair's pair, check-in and commitment, random text, JSON) by an outsider or by a
 * participant of another pair, is acknowledged with a 200 within 3 seconds; nothing stored for a
 * pair the presser is not in changes; nothing is posted where the presser has no place, and no
 * modal opened shows the other pair; the answer, if any, is words without a stack trace; no crash
 * is logged.
 */
import { stringify } from 'node:querystring';
import fc from 'fast-check';
import { CheckinIds } from '../../src/features/checkins/ids';
import { ROUTES } from '../../src/slack/listeners';
import { PEOPLE, type Harness } from '../support/app-harness';
import {
  anyJsonText,
  anyText,
  errorLogs,
  leaksIn,
  pairSnapshot,
  shownText,
  unknownObjectId,
  type World,
  withFuzzWorld,
} from './fixture';

let h: Harness;
let world: World;
withFuzzWorld('fuzz-buttons', (made, w) => {
  h = made;
  world = w;
});

const buttonRoutes = ROUTES.filter((r) => r.kind === 'button').map((r) => r.id);

/** Meeting times proposed to both pairs (`/mentorship meet` in each channel): their "Pick" values. */
const picks = { a: [] as string[], b: [] as string[] };
beforeAll(async () => {
  for (const [side, pair, userId] of [
    ['a', world.a, PEOPLE.mentor.id],
    ['b', world.b, PEOPLE.mentorParis.id],
  ] as const) {
    const channel = pair.channel!.id!;
    const answers = h.standIn.responses.length;
    await h.driver.command('/mentorship', 'meet', { userId, channelId: channel });
    await h.standIn.waitFor(() => h.standIn.responses.length > answers, 8000, '/mentorship meet');
    const proposal = h.standIn.messages.filter((m) => m.channel === channel && !m.ephemeral).at(-1)!;
    picks[side] = (proposal.blocks ?? [])
      .map((b: any) => b.accessory?.value)
      .filter((v: unknown): v is string => typeof v === 'string');
  }
  expect(picks.b).toHaveLength(3);
}, 30_000);

/** Ids of pair B's objects in the shapes buttons carry, and random values. */
const buttonValue = () => {
  const b = String(world.b._id);
  const forged = [
    b,
    String(world.checkinB._id),
    world.commitmentB,
    `${b}:1w`,
    `${b}:2w`,
    `${b}:4w`,
    `${b}:52w`,
    `atrisk:${b}:1`,
    `atrisk:${b}:0`,
    JSON.stringify({ pairId: b }),
    JSON.stringify({ checkinId: String(world.checkinB._id) }),
    `${String(world.checkinB._id)}:${PEOPLE.mentee2.id}`,
    // A goal button's value: pair B's goal, and pair B's goal named with pair A.
    ...world.b.goals.map((g) => `${b}:${String((g as { _id?: unknown })._id)}`),
    ...world.b.goals.map((g) => `${String(world.a._id)}:${String((g as { _id?: unknown })._id)}`),
    // A meeting time's "Pick": pair B's, pair B's proposal named with pair A, a time not proposed, pair A's own.
    ...picks.b,
    ...picks.b.map((v) => v.replace(b, String(world.a._id))),
    ...picks.b.map((v) => v.replace(/\d{8}T\d{4}Z$/, '20261210T0315Z')),
    ...picks.a,
  ];
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...forged) },
    { weight: 1, arbitrary: unknownObjectId },
    { weight: 1, arbitrary: anyText },
    { weight: 1, arbitrary: anyJsonText },
    { weight: 1, arbitrary: unknownObjectId.map((id) => `${id}:2w`) },
  );
};
/** For buttons inside a modal ("add another next step"): the modal's private_metadata, forged. */
const viewMetadata = () =>
  fc.oneof(
    fc.constant(JSON.stringify({ checkinId: String(world.checkinB._id), rows: 1 })),
    fc.constant(JSON.stringify({ checkinId: String(world.checkinB._id), rows: 1, dmChannel: world.b.channel!.id })),
    anyText,
    anyJsonText,
  );

const WHO = { outsider: PEOPLE.outsider.id, participant: PEOPLE.mentee.id };

async function press(who: keyof typeof WHO, actionId: string, value: string, fromView: string | undefined) {
  const userId = WHO[who];
  const logFrom = h.logs.length;
  const messagesFrom = h.standIn.messages.length;
  const callsFrom = h.standIn.calls.length;
  const beforeA = await pairSnapshot(String(world.a._id));
  const beforeB = await pairSnapshot(String(world.b._id));
  const payload = h.driver.blockActionPayload({
    userId,
    actionId,
    value,
    channelId: world.a.channel!.id!,
    ...(fromView === undefined
      ? {}
      : { view: { id: 'VFUZZBUTTON', callback_id: 'checkins.reply_modal', private_metadata: fromView, blocks: [] } }),
  });
  const responseId = payload.response_url ? String(payload.response_url).split('/').pop() : undefined;
  const started = Date.now();
  const res = await h.driver.send(stringify({ payload: JSON.stringify(payload) }), 'application/x-www-form-urlencoded');
  expect(res.status).toBe(200);
  expect(Date.now() - started).toBeLessThan(3000);
  // The answer comes after the ack: give the handler time to finish.
  await new Promise((r) => setTimeout(r, 60));

  const answers = h.standIn.responses.filter((r) => r.id === responseId).map((r) => r.body);
  for (const a of answers) {
    expect(leaksIn(shownText(a), value)).toEqual([]);
    // Staff-only notes: Amira's never reaches anyone here, Karim's only Karim.
    expect(shownText(a)).not.toMatch(who === 'outsider' ? /secret-staff-note/ : /secret-staff-note-B/);
    // A refusal or an answer to one person, never announced to a channel.
    if (a.response_type) expect(a.response_type).toBe('ephemeral');
  }

  expect(await pairSnapshot(String(world.b._id))).toEqual(beforeB);
  if (who === 'outsider') expect(await pairSnapshot(String(world.a._id))).toEqual(beforeA);

  const mine = new Set([h.standIn.dmChannelOf(userId), ...(who === 'participant' ? [world.a.channel!.id] : [])]);
  const elsewhere = h.standIn.messages.slice(messagesFrom).filter((m) => !mine.has(m.channel));
  expect(elsewhere.map((m) => `${m.channel}: ${m.text}`)).toEqual([]);

  // A modal opened or updated for the presser shows nothing of pair B.
  const bMarks = [
    String(world.b._id),
    String(world.checkinB._id),
    world.commitmentB,
    world.b.channel!.id!,
    'Draft the letter',
    'secret-staff-note-B',
    'Amira',
    'Élise',
  ];
  for (const call of h.standIn.calls.slice(callsFrom).filter((c) => c.method.startsWith('views.'))) {
    const shown = JSON.stringify(call.args.view ?? {});
    expect(bMarks.filter((mark) => shown.includes(mark) && !value.includes(mark))).toEqual([]);
  }
  expect(errorLogs(h, logFrom)).toEqual([]);
}

for (const who of ['outsider', 'participant'] as const) {
  test(`every button pressed by ${who} with forged values: nothing of another pair changed or shown, no crash`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...buttonRoutes),
        buttonValue(),
        viewMetadata(),
        // Slack sends a press from a modal only for the button that lives in one; the rest come from messages.
        (actionId, value, meta) =>
          press(who, actionId, value, actionId === CheckinIds.addNextStepButton ? meta : undefined),
      ),
      { numRuns: 40, endOnFailure: true },
    );
  }, 120_000);
}

test('after all of the above, the logs hold no token and no message contents', () => {
  const all = h.logs.join('\n');
  expect(all).not.toMatch(/xox[bpa]-|test-signing-secret/);
  expect(all).not.toMatch(
    /secret-staff-note|Draft the letter|Send the fee table|We met on Zoom|Hello both|Edited once more|No longer needed|Both moved on/,
  );
});
