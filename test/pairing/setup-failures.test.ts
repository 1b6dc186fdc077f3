import { PairingIds } from '../../src/features/pairing/ids';
import { PairModel, type PairStatus } from '../../src/pairs/model';
import { PEOPLE, STAFF_CHANNEL, type Harness } from '../support/app-harness';
import { withHarness } from '../support/with-harness';
import { eventually } from '../support/eventually';
import { pairFormValues } from '../support/pair-form';

let h: Harness;

withHarness('setup_failures', (made) => (h = made));

async function createPair() {
  const res = await h.driver.viewSubmission({
    userId: PEOPLE.staff.id,
    view: { id: 'VSETUP01', callback_id: PairingIds.createModal, state: { values: pairFormValues() } },
  });
  expect(res.json).toEqual({ response_action: 'clear' });
}

const pairWithStatus = (status: PairStatus) =>
  eventually(async () => Boolean(await PairModel.exists({ status })), `a pair ${status}`);

function retryMessages() {
  return h.standIn.messages.filter((m) => JSON.stringify(m.blocks ?? []).includes(PairingIds.retrySetupButton));
}

describe('when Slack fails half-way through setting up a pair', () => {
  test('a failed invite marks the pair as needing attention, tells staff, and Retry resumes from that step', async () => {
    h.standIn.failNext('conversations.invite', { error: 'restricted_action' });
    await createPair();
    await pairWithStatus('needs_attention');

    const stored = await PairModel.findOne().lean();
    expect(stored!.setup!.failedStep).toBe('invite_members');
    expect(stored!.setup!.lastError).toBe('slack:restricted_action');
    expect(stored!.channel!.id).toBeDefined();

    await h.standIn.waitFor(
      () => retryMessages().length === 2,
      5000,
      'retry messages to the creator and the staff channel',
    );
    const notices = retryMessages();
    expect(notices.map((m) => m.channel)).toContain(STAFF_CHANNEL);
    expect(notices[0].text).toMatch(/stopped at \*inviting the members\* \(`slack:restricted_action`\)/);
    expect(h.standIn.messages.some((m) => /is ready/.test(m.text ?? ''))).toBe(false);

    const staffNotice = notices.find((m) => m.channel === STAFF_CHANNEL)!;
    const res = await h.driver.blockAction({
      userId: PEOPLE.staffByChannel.id,
      actionId: PairingIds.retrySetupButton,
      messageTs: staffNotice.ts,
      channelId: STAFF_CHANNEL,
    });
    expect(res.status).toBe(200);
    await pairWithStatus('active');

    expect(h.standIn.callsTo('conversations.create')).toHaveLength(1);
    const channel = h.standIn.channels.get(stored!.channel!.id!)!;
    expect(channel.members.has(PEOPLE.mentor.id) && channel.members.has(PEOPLE.mentee.id)).toBe(true);
    // The welcome and the pinned goals message, once each.
    expect(h.standIn.messages.filter((m) => m.channel === channel.id)).toHaveLength(2);
    await h.standIn.waitFor(() =>
      h.standIn.responses.some((r) => r.body.replace_original && /Set-up finished/.test(r.body.text)),
    );
  });

  test('a passing 500 is retried by the client and the set-up completes', async () => {
    h.standIn.failNext('conversations.setPurpose', { status: 500 });
    await createPair();
    await pairWithStatus('active');
    expect(h.standIn.calls.filter((c) => c.method === 'conversations.setPurpose').map((c) => c.result)).toEqual([
      'http',
      'ok',
    ]);
  });

  test('a lasting 500 on setting the purpose is resumed from that step; channel and invites are not redone', async () => {
    h.standIn.failNext('conversations.setPurpose', { status: 500 }, 4);
    await createPair();
    await pairWithStatus('needs_attention');
    expect((await PairModel.findOne().lean())!.setup!.lastError).toBe('slack:http_500');
    await h.standIn.waitFor(() => retryMessages().length === 2);

    await h.driver.blockAction({
      userId: PEOPLE.staff.id,
      actionId: PairingIds.retrySetupButton,
      messageTs: retryMessages()[0].ts,
    });
    await pairWithStatus('active');
    expect(h.standIn.callsTo('conversations.create')).toHaveLength(1);
    expect(h.standIn.callsTo('conversations.invite')).toHaveLength(1);
    expect(h.standIn.callsTo('conversations.setPurpose')).toHaveLength(1);
  });

  test('a repeated invite step treats already_in_channel as done', async () => {
    h.standIn.failNext('conversations.setPurpose', { error: 'fatal_error' });
    await createPair();
    await pairWithStatus('needs_attention');
    // As if the process died after the invite but before recording it.
    await PairModel.updateOne({}, { $unset: { 'setup.done.invite_members': '' } });
    await h.standIn.waitFor(() => retryMessages().length === 2);
    await h.driver.blockAction({
      userId: PEOPLE.staff.id,
      actionId: PairingIds.retrySetupButton,
      messageTs: retryMessages()[0].ts,
    });
    await pairWithStatus('active');
    expect(
      h.standIn.calls.filter((c) => c.method === 'conversations.invite' && c.error === 'already_in_channel').length,
    ).toBeGreaterThan(0);
  });

  test('a welcome and pinned goals posted just before a crash are not posted or pinned again by the retry', async () => {
    h.standIn.failNext('conversations.open', { error: 'fatal_error' }, 2); // the confirmation DM, then the failure DM
    await createPair();
    await pairWithStatus('needs_attention');
    expect((await PairModel.findOne().lean())!.setup!.failedStep).toBe('notify_staff');
    // As if the process died after Slack took the welcome but before it was recorded.
    await PairModel.updateOne({}, { $unset: { 'setup.done.post_welcome': '' } });
    const pair = (await PairModel.findOne().lean())!;
    await h.driver.blockAction({
      userId: PEOPLE.staff.id,
      actionId: PairingIds.retrySetupButton,
      value: String(pair._id),
      channelId: 'D0STAFF',
    });
    await pairWithStatus('active');
    expect(
      h.standIn.messages.filter((m) => m.channel === pair.channel!.id && /^Welcome, /.test(m.text ?? '')),
    ).toHaveLength(1);
    const goals = h.standIn.messages.filter((m) => m.channel === pair.channel!.id && /^Your goals/.test(m.text ?? ''));
    expect(goals).toHaveLength(1);
    // The retry asked Slack to pin it again and was told it already was: one pin, on the goals message.
    expect(h.standIn.pins).toEqual([{ channel: pair.channel!.id, ts: goals[0].ts }]);
    expect(h.standIn.callsTo('pins.add')).toHaveLength(1);
  });

  test('a retry after a later step failed does not post or pin again', async () => {
    h.standIn.failNext('conversations.open', { error: 'fatal_error' }, 2); // the confirmation DM, then the failure DM
    await createPair();
    await pairWithStatus('needs_attention');
    const pair = (await PairModel.findOne().lean())!;
    await h.driver.blockAction({
      userId: PEOPLE.staff.id,
      actionId: PairingIds.retrySetupButton,
      value: String(pair._id),
      channelId: 'D0STAFF',
    });
    await pairWithStatus('active');
    expect(h.standIn.messages.filter((m) => m.channel === pair.channel!.id)).toHaveLength(2);
    expect(h.standIn.attemptsTo('pins.add')).toHaveLength(1);
    expect(h.standIn.pins).toHaveLength(1);
  });

  test('a pin refused by Slack stops set-up; Retry pins the goals message already posted', async () => {
    h.standIn.failNext('pins.add', { error: 'fatal_error' });
    await createPair();
    await pairWithStatus('needs_attention');
    expect((await PairModel.findOne().lean())!.setup!.failedStep).toBe('post_welcome');
    const pair = (await PairModel.findOne().lean())!;
    await h.driver.blockAction({
      userId: PEOPLE.staff.id,
      actionId: PairingIds.retrySetupButton,
      value: String(pair._id),
      channelId: 'D0STAFF',
    });
    await pairWithStatus('active');
    const inChannel = h.standIn.messages.filter((m) => m.channel === pair.channel!.id);
    expect(inChannel.map((m) => m.text?.slice(0, 10))).toEqual(['Welcome, A', 'Your goals']);
    expect(h.standIn.pins).toEqual([{ channel: pair.channel!.id, ts: inChannel[1].ts }]);
  });

  test('a rate-limited post waits for Retry-After and goes through', async () => {
    h.standIn.failNext('chat.postMessage', { ratelimited: 1 });
    await createPair();
    await pairWithStatus('active');
    const posts = h.standIn.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts[0].error).toBe('ratelimited');
    expect(posts[1].at - posts[0].at).toBeGreaterThanOrEqual(950);
    // The welcome and the goals message.
    expect(h.standIn.messages.filter((m) => m.channel.startsWith('C'))).toHaveLength(2);
  });

  test('Retry pressed by someone who is not staff is refused and changes nothing', async () => {
    h.standIn.failNext('conversations.invite', { error: 'restricted_action' });
    await createPair();
    await pairWithStatus('needs_attention');
    await h.standIn.waitFor(() => retryMessages().length === 2);
    await h.driver.blockAction({
      userId: PEOPLE.outsider.id,
      actionId: PairingIds.retrySetupButton,
      messageTs: retryMessages()[0].ts,
    });
    await h.standIn.waitFor(() => h.standIn.responses.length > 0);
    expect(JSON.stringify(h.standIn.responses[0].body)).toMatch(/only program staff/);
    expect((await PairModel.findOne().lean())!.status).toBe('needs_attention');
    expect(h.standIn.calls.filter((c) => c.method === 'conversations.invite')).toHaveLength(1);
  });

  test('a double click on Retry resumes once', async () => {
    h.standIn.failNext('conversations.invite', { error: 'restricted_action' });
    await createPair();
    await pairWithStatus('needs_attention');
    await h.standIn.waitFor(() => retryMessages().length === 2);
    const click = () =>
      h.driver.blockAction({
        userId: PEOPLE.staff.id,
        actionId: PairingIds.retrySetupButton,
        messageTs: retryMessages()[0].ts,
      });
    await Promise.all([click(), click()]);
    await pairWithStatus('active');
    // Both clicks ran to their end: each handler's last act is its answer on the response_url (one
    // "ready", one "busy" or "already done"). Only then can "nothing more happened" be checked.
    await h.standIn.waitFor(() => h.standIn.responses.length === 2, 5000, 'both clicks answered');
    expect(h.standIn.responses.filter((r) => r.body.replace_original === true)).toHaveLength(1);
    expect(h.standIn.attemptsTo('conversations.invite')).toHaveLength(2); // the refused one, then the resumed step
    expect(h.standIn.messages.filter((m) => /Welcome, /.test(m.text ?? ''))).toHaveLength(1);
    expect(h.standIn.messages.filter((m) => /is ready/.test(m.text ?? ''))).toHaveLength(1);
  });

  test('Retry on a pair that is already set up says so', async () => {
    await createPair();
    await pairWithStatus('active');
    const pair = await PairModel.findOne().lean();
    await h.driver.blockAction({
      userId: PEOPLE.staff.id,
      actionId: PairingIds.retrySetupButton,
      value: String(pair!._id),
      channelId: 'D0STAFF',
    });
    await h.standIn.waitFor(() => h.standIn.responses.length > 0);
    expect(JSON.stringify(h.standIn.responses[0].body)).toMatch(/already set up/);
  });
});
