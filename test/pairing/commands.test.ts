import { PairingIds } from '../../src/features/pairing/ids';
import { PEOPLE, type Harness } from '../support/app-harness';
import { withHarness } from '../support/with-harness';
import { pairFormValues } from '../support/pair-form';

let h: Harness;

withHarness('commands', (made) => (h = made));

const lastResponseText = () => {
  const last = h.standIn.responses[h.standIn.responses.length - 1];
  return JSON.stringify(last?.body ?? null);
};

describe('/mentorship help and bad input', () => {
  test.each([
    ['help', /\/mentorship pair/],
    ['', /\/mentorship pair/],
    ['frobnicate now', /I don't know `frobnicate`[\s\S]*\/mentorship list/],
  ])('"/mentorship %s" answers with the usage, privately', async (text, expected) => {
    const res = await h.driver.command('/mentorship', text, { userId: PEOPLE.outsider.id });
    expect(res.status).toBe(200);
    expect(res.json.response_type).toBe('ephemeral');
    expect(res.json.text).toMatch(expected);
    expect(h.standIn.attemptsTo('views.open')).toHaveLength(0);
  });

  test('unlinked names get a hint on how to mention people', async () => {
    const res = await h.driver.command('/mentorship', 'pair @alice karim', { userId: PEOPLE.staff.id });
    expect(res.json.text).toMatch(/mention them so Slack links them/);
    expect(h.standIn.attemptsTo('views.open')).toHaveLength(0);
  });
});

describe('/mentorship pair', () => {
  test('someone who is not staff gets a polite refusal and no form', async () => {
    const res = await h.driver.command('/mentorship', 'pair', { userId: PEOPLE.outsider.id });
    expect(res.status).toBe(200);
    await h.standIn.waitFor(() => h.standIn.responses.length > 0);
    expect(lastResponseText()).toMatch(/only program staff/);
    expect(h.standIn.responses[0].body.response_type).toBe('ephemeral');
    expect(h.standIn.attemptsTo('views.open')).toHaveLength(0);
  });

  test('a member of the staff channel is staff', async () => {
    await h.driver.command('/mentorship', 'pair', { userId: PEOPLE.staffByChannel.id });
    await h.standIn.waitFor(() => h.standIn.callsTo('views.open').length === 1);
    expect(h.standIn.responses).toHaveLength(0);
  });

  test('mentions pre-fill the people and their Slack time zones', async () => {
    await h.driver.command('/mentorship', `pair <@${PEOPLE.mentor.id}|alice> <@${PEOPLE.mentee.id}|karim>`, {
      userId: PEOPLE.staff.id,
      triggerId: 'trig-1',
    });
    await h.standIn.waitFor(() => h.standIn.callsTo('views.open').length === 1);
    const call = h.standIn.callsTo('views.open')[0];
    expect(call.args.trigger_id).toBe('trig-1');
    const view = typeof call.args.view === 'string' ? JSON.parse(call.args.view) : call.args.view;
    const block = (id: string) => view.blocks.find((b: { block_id?: string }) => b.block_id === id);
    expect(view.callback_id).toBe(PairingIds.createModal);
    expect(block(PairingIds.block.mentor).element.initial_user).toBe(PEOPLE.mentor.id);
    expect(block(PairingIds.block.mentee).element.initial_user).toBe(PEOPLE.mentee.id);
    expect(block(PairingIds.block.mentorTz).element.initial_value).toBe('America/New_York');
    expect(block(PairingIds.block.menteeTz).element.initial_value).toBe('Asia/Dhaka');
  });

  test('Slack refusing the modal (expired trigger) is told to the person', async () => {
    await h.driver.command('/mentorship', 'pair', { userId: PEOPLE.staff.id, triggerId: 'expired' });
    await h.standIn.waitFor(() => h.standIn.responses.length > 0);
    expect(lastResponseText()).toMatch(/Sorry, something went wrong/);
    expect(h.logs.join('\n')).toMatch(/command pair failed: slack:expired_trigger_id/);
  });

  test('the form submitted by someone who is not staff is refused on the server', async () => {
    const res = await h.driver.viewSubmission({
      userId: PEOPLE.outsider.id,
      view: { id: 'VOUTSIDER', callback_id: PairingIds.createModal, state: { values: pairFormValues() } },
    });
    expect(res.json.response_action).toBe('errors');
    expect(Object.values(res.json.errors).join(' ')).toMatch(/only program staff/);
    expect(h.standIn.attemptsTo('conversations.create')).toHaveLength(0);
  });
});

describe('/mentorship list', () => {
  test('staff see the active pairs with their channels', async () => {
    await h.driver.viewSubmission({
      userId: PEOPLE.staff.id,
      view: { id: 'VLIST1', callback_id: PairingIds.createModal, state: { values: pairFormValues() } },
    });
    await h.standIn.waitFor(() => h.standIn.messages.some((m) => /is ready/.test(m.text ?? '')));
    await h.driver.command('/mentorship', 'list', { userId: PEOPLE.staff.id });
    await h.standIn.waitFor(() => h.standIn.responses.length > 0);
    const body = lastResponseText();
    expect(body).toContain('Active pairs* (1)');
    expect(body).toContain('Alice Müller');
    expect(body).toContain('Karim Rahman');
    expect(body).toMatch(/<#C[A-Z0-9]+>/);
  });

  test('with no pairs it says how to create one', async () => {
    await h.driver.command('/mentorship', 'list', { userId: PEOPLE.staff.id });
    await h.standIn.waitFor(() => h.standIn.responses.length > 0);
    expect(lastResponseText()).toMatch(/no active pairs yet/);
  });

  test('is refused to someone who is not staff', async () => {
    await h.driver.command('/mentorship', 'list', { userId: PEOPLE.mentee.id });
    await h.standIn.waitFor(() => h.standIn.responses.length > 0);
    expect(lastResponseText()).toMatch(/only program staff/);
  });
});
