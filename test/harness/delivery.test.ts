import { PairingIds } from '../../src/features/pairing/ids';
import { PairModel } from '../../src/pairs/model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { withHarness } from '../support/with-harness';
import { pairFormValues } from '../support/pair-form';

let h: Harness;

withHarness('delivery', (made) => (h = made));

describe('requests are verified the way Slack signs them', () => {
  test('a bad signature is refused and nothing happens', async () => {
    const res = await h.driver.command('/mentorship', 'pair', { userId: PEOPLE.staff.id, badSignature: true });
    expect(res.status).toBe(401);
    // The receiver logs the refusal and returns before the 401 is written: the request was never
    // dispatched to a listener, so there is no later work to wait for.
    expect(h.logs.join('\n')).toMatch(/Failed to parse and verify the request data: Failed to verify authenticity/);
    expect(h.standIn.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
  });

  test('a stale timestamp (over five minutes) is refused', async () => {
    const res = await h.driver.viewSubmission({
      userId: PEOPLE.staff.id,
      view: { id: 'VSTALE', callback_id: PairingIds.createModal, state: { values: pairFormValues() } },
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(res.status).toBe(401);
    expect(await PairModel.countDocuments()).toBe(0);
  });

  test('url_verification is answered with the challenge', async () => {
    const res = await h.driver.urlVerification('challenge-123');
    expect(res.status).toBe(200);
    expect(res.text).toContain('challenge-123');
  });
});

describe('events', () => {
  test("opening App Home publishes the person's mentorships; a retried delivery is not handled twice", async () => {
    const event = {
      type: 'app_home_opened',
      user: PEOPLE.mentee.id,
      channel: 'D0MENTEE',
      tab: 'home',
      event_ts: '1700000000.000100',
    };
    const first = await h.driver.event(event, { eventId: 'Ev0HOME0001' });
    expect(first.status).toBe(200);
    await h.standIn.waitFor(() => h.standIn.callsTo('views.publish').length === 1);
    const retry = await h.driver.event(event, { eventId: 'Ev0HOME0001', retryNum: 1, retryReason: 'http_timeout' });
    expect(retry.status).toBe(200);
    // The de-duplication middleware's last act for the retry is this line: after it, nothing else runs.
    await h.standIn.waitFor(
      () => h.logs.some((l) => /skipping redelivered event Ev0HOME0001 \(retry 1\)/.test(l)),
      5000,
      'the retry to be skipped',
    );
    expect(h.standIn.attemptsTo('views.publish')).toHaveLength(1);
    const view = h.standIn.callsTo('views.publish')[0].args.view;
    expect(JSON.stringify(view)).toMatch(/not in a mentoring pair yet/);
  });

  test('a participant sees their pair on App Home', async () => {
    await h.driver.viewSubmission({
      userId: PEOPLE.staff.id,
      view: { id: 'VHOME1', callback_id: PairingIds.createModal, state: { values: pairFormValues() } },
    });
    await h.standIn.waitFor(() => h.standIn.messages.some((m) => /is ready/.test(m.text ?? '')));
    await h.driver.event({
      type: 'app_home_opened',
      user: PEOPLE.mentee.id,
      channel: 'D0MENTEE',
      tab: 'home',
      event_ts: '1700000001.000100',
    });
    await h.standIn.waitFor(() => h.standIn.callsTo('views.publish').length === 1);
    expect(JSON.stringify(h.standIn.callsTo('views.publish')[0].args.view)).toMatch(
      new RegExp(`You are the \\*mentee\\* with <@${PEOPLE.mentor.id}>`),
    );
  });
});

describe('requests no handler is for', () => {
  // Bolt leaves an unmatched request unanswered until the receiver gives up (2.9 s here), and Slack
  // then shows the person an error: the app answers them at once instead.
  test('a click on a link button (a block action with no handler) is acknowledged at once, and nothing else happens', async () => {
    const started = Date.now();
    const res = await h.driver.blockAction({
      userId: PEOPLE.mentee.id,
      actionId: 'open_guide_link',
      channelId: 'C0NOPE',
    });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(h.standIn.calls.filter((c) => c.method !== 'auth.test' && c.method !== 'users.info')).toHaveLength(0);
  });

  test('a submission of a modal the app does not know (an old version’s) is told it is out of date, and nothing is written', async () => {
    const started = Date.now();
    const res = await h.driver.viewSubmission({
      userId: PEOPLE.staff.id,
      view: { id: 'VOLD1', callback_id: 'retired_modal_v0', state: { values: pairFormValues() } },
    });
    expect(res.status).toBe(200);
    expect(res.json.response_action).toBe('update');
    expect(res.json.view.blocks[0].text.text).toBe(
      'This form is out of date: nothing was saved. Please open it again.',
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await PairModel.countDocuments()).toBe(0);
  });
});

describe('GET /healthz', () => {
  test('answers 200 while the database is connected', async () => {
    const res = await fetch(`${h.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: 'connected' });
  });
});
