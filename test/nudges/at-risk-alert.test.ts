import { AtRiskIds } from '../../src/features/nudges/at-risk-ids';
import { filledModal, noticeOf } from '../support/modals';
import { OutboxModel } from '../../src/jobs/outbox-model';
import { PairModel, type Pair } from '../../src/pairs/model';
import { CheckinModel } from '../../src/features/checkins/model';
import { PEOPLE, STAFF_CHANNEL, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { createActivePair } from '../support/pairs';
import { simulate } from '../support/simulation';
import { inputValues } from '../support/slack-driver';
import { withHarness } from '../support/with-harness';
import { rawDatesIn } from '../messages/visible-text';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T12:00:00Z'));

withHarness('at_risk_alert', (made) => (h = made), { clock });

// Every date shown to people is a Slack date token (each reader sees their own day and time).
afterEach(() => {
  expect(rawDatesIn(h.standIn.messages, h.standIn.responses)).toEqual([]);
});

const alerts = () =>
  h.standIn.messages.filter((m) => m.channel === STAFF_CHANNEL && /may need help/.test(m.text ?? ''));
const token = (at: Date | string) => `<!date^${Math.floor(new Date(at).getTime() / 1000)}^`;

/**
 * A pair checking in every two weeks, created 1 December: check-ins 15 and 29 December. Nobody
 * ever replies. 21 days after creation (22 December) is not yet 21 silent days: the count starts
 * at the first check-in, so the alert comes 21 days after it, on 5 January.
 */
async function silentBiweeklyPair(): Promise<{ pair: Pair; alert: (typeof h.standIn.messages)[number] }> {
  const pair = await createActivePair(h, { cadence: 'biweekly' });
  await simulate(h, '2026-12-14T00:00:00Z', '2026-12-16T00:00:00Z', ['checkins', 'nudges']);
  const first = (await CheckinModel.findOne({ pairId: pair._id, period: 1 }).lean())!.prompt!.postedAt!;
  expect(first.toISOString().slice(0, 10)).toBe('2026-12-15');
  const dayBefore = new Date(first.getTime() + 21 * 86_400_000 - 3600_000).toISOString();
  await simulate(h, '2026-12-16T01:00:00Z', dayBefore, ['checkins', 'nudges']);
  expect(alerts()).toHaveLength(0);
  await simulate(
    h,
    new Date(Date.parse(dayBefore) + 3600_000).toISOString(),
    new Date(Date.parse(dayBefore) + 2 * 3600_000).toISOString(),
    ['checkins', 'nudges'],
  );
  expect(alerts()).toHaveLength(1);
  return { pair: (await PairModel.findById(pair._id).lean<Pair>())!, alert: alerts()[0] };
}

const buttonOf = (alert: { blocks?: any[] }, actionId: string) =>
  alert.blocks!.find((b) => b.type === 'actions').elements.find((e: any) => e.action_id === actionId);

async function press(userId: string, alert: { ts: string; blocks?: any[] }, actionId: string) {
  const before = h.standIn.responses.length;
  const views = h.standIn.views.size;
  const res = await h.driver.blockAction({
    userId,
    actionId,
    value: buttonOf(alert, actionId).value,
    channelId: STAFF_CHANNEL,
    messageTs: alert.ts,
  });
  expect(res.status).toBe(200);
  return { before, views };
}

test('nobody ever replied: the alert says so, counts from the first check-in, names both sides and the nudges sent', async () => {
  const { pair, alert } = await silentBiweeklyPair();
  const first = (await CheckinModel.findOne({ pairId: pair._id, period: 1 }).lean())!;
  expect((await PairModel.findById(pair._id).lean())!.atRisk!.reason).toBe('silent_21_days');

  const text = JSON.stringify(alert.blocks);
  expect(text).toContain('*Alice Müller* and *Karim Rahman*');
  expect(text).toContain('Never replied: neither of them has answered a check-in.');
  expect(text).toContain(`The first check-in was ${token(first.prompt!.postedAt!)}`);
  expect(text).toContain(', 21 days ago.');
  expect(text).toContain('No reply from either of them for 2 check-ins.');
  const nudges = await OutboxModel.countDocuments({ pairId: pair._id, kind: 'silence_nudge', status: 'sent' });
  expect(nudges).toBe(4); // two check-ins, two people
  expect(text).toContain('4 nudges went out by DM.');
  expect(text).not.toMatch(/Last reply/);
  expect(alert.blocks!.find((b) => b.type === 'actions').elements.map((e: any) => [e.action_id, e.text.text])).toEqual([
    [AtRiskIds.statusButton, 'Pair status'],
    [AtRiskIds.messageButton, 'Message both'],
    [AtRiskIds.handledButton, 'Mark as handled'],
  ]);
}, 180_000);

test('its three buttons work for staff outside the pair channel, and are refused to anyone else', async () => {
  const { pair, alert } = await silentBiweeklyPair();
  const sara = PEOPLE.staffByChannel.id; // staff through the staff channel, not in the pair's channel
  const channel = h.standIn.channels.get(pair.channel!.id!)!;
  expect(channel.members.has(sara)).toBe(false);

  // Someone who is not staff: each button is refused, nothing opens, nothing changes.
  for (const id of [AtRiskIds.messageButton, AtRiskIds.handledButton]) {
    const { before, views } = await press(PEOPLE.outsider.id, alert, id);
    await h.standIn.waitFor(() => h.standIn.responses.length > before, 5000, `the refusal of ${id}`);
    expect(h.standIn.responses.at(-1)!.body.text).toMatch(/only program staff/);
    expect(h.standIn.views.size).toBe(views);
  }
  // Pair status opens a window at once (its reads take time): the refusal is said in it.
  const refused = await press(PEOPLE.outsider.id, alert, AtRiskIds.statusButton);
  await h.standIn.waitFor(() => h.standIn.views.size > refused.views, 5000, 'the window');
  const refusal = await filledModal(h, [...h.standIn.views.values()].at(-1)!);
  expect(noticeOf(refusal)).toMatch(/only program staff/);
  expect(alert.updated).toBeFalsy();
  // A forged "Message both" form from a non-staff person posts nothing.
  const forged = await h.driver.viewSubmission({
    userId: PEOPLE.outsider.id,
    view: {
      callback_id: AtRiskIds.messageModal,
      private_metadata: JSON.stringify({ key: buttonOf(alert, AtRiskIds.messageButton).value }),
      state: {
        values: inputValues({
          [AtRiskIds.block.messageText]: { actionId: AtRiskIds.inputAction, type: 'plain_text_input', value: 'hi' },
        }),
      },
    },
  });
  expect(forged.json.errors[AtRiskIds.block.messageText]).toMatch(/only program staff/);
  const inChannel = () => h.standIn.messages.filter((m) => m.channel === pair.channel!.id);
  const postsBefore = inChannel().length;

  // Pair status: the staff status modal: the people, health, goals, the check-ins (nobody replied) and the pause.
  const status = await press(sara, alert, AtRiskIds.statusButton);
  await h.standIn.waitFor(() => h.standIn.views.size > status.views, 5000, 'the status modal');
  const shown = JSON.stringify((await filledModal(h, [...h.standIn.views.values()].at(-1)!)).blocks);
  expect(shown).toContain('*Mentor:* Alice Müller, ASAE, United States');
  expect(shown).toContain('*Mentee:* Karim Rahman, Microfinance Association of Bangladesh, Bangladesh');
  expect(shown).toContain('1. Halve the central-bank fee (not started)');
  const second = (await CheckinModel.findOne({ pairId: pair._id, period: 2 }).lean())!.prompt!.postedAt!;
  expect(shown).toContain(`#2, ${token(second)}`);
  expect(shown).toMatch(/#1, <!date\^\d+\^\{date_long_pretty\}\|[^>]+>: no reply\./);
  expect(shown).toContain('*Pause:* not paused.');
  expect(shown).toMatch(/\*Health:\* \*[A-Z][a-z ]+\*/);

  // Message both: a modal; the text goes into the pair's channel, with the sender's name, escaped.
  // Tuesday 08:30 in New York, 19:30 in Dhaka: both may be @-mentioned.
  clock.set('2027-01-05T13:30:00Z');
  const msg = await press(sara, alert, AtRiskIds.messageButton);
  await h.standIn.waitFor(() => h.standIn.views.size > msg.views, 5000, 'the message modal');
  const modal = [...h.standIn.views.values()].at(-1)!;
  expect(modal.callback_id).toBe(AtRiskIds.messageModal);
  const sent = await h.driver.viewSubmission({
    userId: sara,
    view: {
      id: modal.id,
      callback_id: AtRiskIds.messageModal,
      private_metadata: modal.private_metadata,
      state: {
        values: inputValues({
          [AtRiskIds.block.messageText]: {
            actionId: AtRiskIds.inputAction,
            type: 'plain_text_input',
            value: 'How are things? <!channel> Can we help you find a time?',
          },
        }),
      },
    },
  });
  expect(sent.json.response_action).toBe('update');
  const posted = inChannel().slice(postsBefore);
  expect(posted.map((m) => m.text)).toEqual([
    `<@${PEOPLE.mentor.id}> <@${PEOPLE.mentee.id}> *From program staff (Sara Channel):* How are things? &lt;!channel&gt; Can we help you find a time?`,
  ]);

  // Mark as handled: recorded with who and when, and the alert says so (no buttons left).
  clock.set('2027-01-05T18:00:00Z');
  await press(sara, alert, AtRiskIds.handledButton);
  await h.standIn.waitFor(() => alert.updated === true, 5000, 'the alert updated');
  const recorded = await OutboxModel.findOne({ kind: 'at_risk_alert', pairId: pair._id }).lean();
  expect(recorded!.ref).toMatchObject({ handledBy: sara, handledAt: new Date('2027-01-05T18:00:00Z') });
  const updated = JSON.stringify(alert.blocks);
  expect(updated).toContain(`Handled by <@${sara}> on ${token('2027-01-05T18:00:00Z')}`);
  expect(updated).toContain('Never replied');
  expect(alert.blocks!.some((b) => b.type === 'actions')).toBe(false);
}, 180_000);
