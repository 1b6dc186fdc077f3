import { CheckinIds } from '../../src/features/checkins/ids';
import { CheckinModel, CheckinReplyModel, repliedByOf, type Checkin } from '../../src/features/checkins/model';
import { PairModel, type Pair } from '../../src/pairs/model';
import { PauseIds } from '../../src/features/pause/ids';
import { OutboxModel } from '../../src/jobs/outbox-model';
import { PEOPLE, STAFF_CHANNEL, type Harness } from '../support/app-harness';
import { withHarness } from '../support/with-harness';
import { eventually } from '../support/eventually';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import type { StandInMessage } from '../support/slack-stand-in';

let h: Harness;
let now = new Date('2026-12-01T10:00:00Z');
/** The app's clock (commands and buttons); jobs get their own `now` through runJobsAt. */
const setNow = (iso: string) => {
  now = new Date(iso);
};

withHarness('pause', (made) => (h = made), {
  clock: { now: () => now },
  beforeEachTest: () => {
    setNow('2026-12-01T10:00:00Z');
  },
});

const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);
/**
 * Slack's date token for the last day of a pause: noon UTC of that calendar day (the same day for
 * both people, whatever their zone), with the day written out as the fallback.
 */
const dateToken = (day: string, readable: string) => `<!date^${unix(`${day}T12:00:00Z`)}^{date_long}|${readable}>`;

/** Types `/mentorship <text>` and waits for the answer through response_url. */
async function mentorship(text: string, userId: string, channelId?: string): Promise<any> {
  const before = h.standIn.responses.length;
  const res = await h.driver.command('/mentorship', text, { userId, channelId });
  expect(res.status).toBe(200);
  await h.standIn.waitFor(() => h.standIn.responses.length > before, 8000, `an answer to "/mentorship ${text}"`);
  return h.standIn.responses[h.standIn.responses.length - 1].body;
}

/**
 * Lets check-ins #1 (8 December) and #2 (15 December) go unanswered and runs the nudges job on
 * Thursday 17 December, 09:00 in Dhaka (03:00 UTC), two working days after #2: the mentee's DM
 * then holds the second-miss nudge with the pause offer. Returns that message as Slack stored it.
 */
async function secondMissNudge(pair: Pair): Promise<StandInMessage> {
  await runJobsAt(h, '2026-12-08T13:00:00Z', ['checkins']); // 19:00 Tuesday in Dhaka, 08:00 in New York
  await runJobsAt(h, '2026-12-15T13:00:00Z', ['checkins']);
  await runJobsAt(h, '2026-12-17T13:00:00Z', ['nudges']);
  const dm = h.standIn.dmChannelOf(PEOPLE.mentee.id);
  const nudges = h.standIn.messages.filter((m) => m.channel === dm && /second in a row/.test(m.text ?? ''));
  expect(nudges).toHaveLength(1);
  expect(JSON.stringify(nudges[0].blocks)).toContain(String(pair._id));
  return nudges[0];
}

/** The button with `actionId` on a message as Slack stored it (it must be there). */
function buttonOn(message: StandInMessage, actionId: string): { action_id: string; value: string } {
  const buttons = (message.blocks ?? []).flatMap((b) => (b.type === 'actions' ? b.elements : []));
  const button = buttons.find((e: { action_id?: string }) => e.action_id === actionId);
  expect(button).toBeDefined();
  return button;
}

/**
 * Presses a button of the real nudge message, as Slack sends it: that message's channel and ts,
 * the button's own action_id and value (the driver reads them from the stored message).
 */
function press(userId: string, nudge: StandInMessage, actionId: string) {
  const button = buttonOn(nudge, actionId);
  return h.driver.blockAction({ userId, actionId: button.action_id, channelId: nudge.channel, messageTs: nudge.ts });
}

async function clickOffer(userId: string, nudge: StandInMessage, actionId: string): Promise<any> {
  const before = h.standIn.responses.length;
  const res = await press(userId, nudge, actionId);
  expect(res.status).toBe(200);
  await h.standIn.waitFor(() => h.standIn.responses.length > before, 8000, `an answer to ${actionId}`);
  return h.standIn.responses[h.standIn.responses.length - 1].body;
}

const reload = async (pair: Pair) => (await PairModel.findById(pair._id).lean<Pair>())!;
const channelMessages = (pair: Pair) =>
  h.standIn.messages.filter((m) => m.channel === pair.channel!.id && !m.ephemeral);
const pauseNotices = (pair: Pair) => channelMessages(pair).filter((m) => /paused this mentorship/.test(m.text ?? ''));
const resumeNotices = (pair: Pair) =>
  channelMessages(pair).filter((m) => /Welcome back!/.test(m.text ?? '') && !m.blocks?.length);
const prompts = (pair: Pair) => channelMessages(pair).filter((m) => /^Check-in #\d+/.test(m.text ?? ''));
const header = (m: { blocks?: any[] }) => m.blocks?.find((b) => b.type === 'header')?.text.text;
/** Nudges (DMs) and staff alerts: what the bot posted outside pair channels, apart from the set-up confirmation. */
const dmsAndAlerts = () =>
  h.standIn.messages.filter(
    (m) =>
      (m.channel.startsWith('D') || m.channel === STAFF_CHANNEL) &&
      !/^:white_check_mark: The pair .* is ready/.test(m.text ?? ''),
  );

describe('/mentorship pause', () => {
  test('the mentee pauses for two weeks: stored, announced, silent while paused, welcome back at the end, weekly after', async () => {
    const pair = await createActivePair(h);
    setNow('2026-12-02T06:00:00Z'); // 12:00 in Dhaka
    const answer = await mentorship('pause 2w Ramadan and the audit season', PEOPLE.mentee.id, pair.channel!.id!);

    // Until 00:00 in Dhaka on 16 December, 14 mentee-local days after 2 December.
    const until = '2026-12-15T18:00:00.000Z';
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain(`Paused until ${dateToken('2026-12-16', 'Wednesday 16 December 2026')}`);
    expect(answer.text).toContain(`<@${PEOPLE.mentor.id}> has been told`);
    const paused = await reload(pair);
    expect(paused.status).toBe('paused');
    expect(paused.pause).toMatchObject({
      untilDay: '2026-12-16',
      by: PEOPLE.mentee.id,
      reason: 'Ramadan and the audit season',
    });
    expect(paused.pause!.until!.toISOString()).toBe(until);
    expect(paused.pause!.since!.toISOString()).toBe('2026-12-02T06:00:00.000Z');

    const [notice, ...more] = pauseNotices(pair);
    expect(more).toHaveLength(0);
    expect(notice.text).toContain(
      `<@${PEOPLE.mentee.id}> paused this mentorship until *${dateToken('2026-12-16', 'Wednesday 16 December 2026')}*`,
    );
    expect(notice.text).toContain(
      // 01:00 in New York: the partner is named, not @-mentioned, at night.
      `${PEOPLE.mentor.real_name}: check-ins and nudges stop until then and start again by themselves`,
    );
    expect(notice.text).toContain('Ramadan and the audit season');

    // While paused: no check-in at the times they would be due (8 and 15 December), no nudge.
    for (const at of [
      '2026-12-08T13:00:00Z',
      '2026-12-08T12:00:00Z',
      '2026-12-10T09:00:00Z',
      '2026-12-15T13:00:00Z',
      '2026-12-15T17:55:00Z',
    ]) {
      await runJobsAt(h, at, ['checkins', 'nudges']);
    }
    expect(prompts(pair)).toHaveLength(0);
    expect(await CheckinModel.countDocuments({ pairId: pair._id })).toBe(0);
    expect(dmsAndAlerts()).toHaveLength(0);
    expect((await reload(pair)).status).toBe('paused');

    // The pause ends at 00:00 in Dhaka: the next run resumes it, and says so in the channel.
    const report = await runJobsAt(h, '2026-12-15T18:00:00Z', ['checkins', 'nudges']);
    expect(report.join('\n')).toMatch(/resumed pair .*welcome-back check-in #1/);
    const resumed = await reload(pair);
    expect(resumed.status).toBe('active');
    expect(resumed.pause?.until).toBeUndefined();
    expect(resumed.lastActivityAt!.toISOString()).toBe('2026-12-15T18:00:00.000Z');
    expect(resumed.schedule).toMatchObject({ nextPeriod: 1, nextKind: 'welcome_back', nextDueDay: '2026-12-16' });
    expect(resumeNotices(pair)).toHaveLength(1);
    expect(resumeNotices(pair)[0].text).toMatch(/The pause is over\. Welcome back!/);
    expect(prompts(pair)).toHaveLength(0);

    // The welcome-back check-in goes out at the first hour both are awake on a working day:
    // 08:00 New York = 19:00 Dhaka (no shared working hour).
    await runJobsAt(h, '2026-12-16T12:55:00Z', ['checkins']);
    expect(prompts(pair)).toHaveLength(0);
    await runJobsAt(h, '2026-12-16T13:00:00Z', ['checkins', 'nudges']);
    expect(prompts(pair).map(header)).toEqual(['Welcome back! Check-in #1']);
    const first = (await CheckinModel.findOne({ pairId: pair._id, period: 1 }).lean())!;
    expect(first.kind).toBe('welcome_back');
    // 08:00 Wednesday 16 December in New York (UTC-5) is 19:00 in Dhaka (UTC+6): 13:00 UTC.
    expect(first.dueAt.toISOString()).toBe('2026-12-16T13:00:00.000Z');
    expect(first.prompt!.postedAt!.toISOString()).toBe('2026-12-16T13:00:00.000Z');
    expect(dmsAndAlerts()).toHaveLength(0); // the pause did not count as silence

    // The weekly rhythm goes on a week later.
    await runJobsAt(h, '2026-12-23T12:55:00Z', ['checkins']);
    expect(prompts(pair)).toHaveLength(1);
    await runJobsAt(h, '2026-12-23T13:00:00Z', ['checkins']);
    expect(prompts(pair).map(header)).toEqual(['Welcome back! Check-in #1', 'Check-in #2']);
    const second = (await CheckinModel.findOne({ pairId: pair._id, period: 2 }).lean())!;
    expect(second.dueDay).toBe('2026-12-23');
    expect(second.dueAt.toISOString()).toBe('2026-12-23T13:00:00.000Z'); // 08:00 Wednesday in New York, 19:00 in Dhaka
  });

  test('/mentorship resume ends a pause early with the same welcome back', async () => {
    const pair = await createActivePair(h);
    setNow('2026-12-02T06:00:00Z');
    await mentorship('pause 3w', PEOPLE.mentee.id, pair.channel!.id!);
    expect((await reload(pair)).pause?.untilDay).toBe('2026-12-23');

    setNow('2026-12-09T05:00:00Z'); // 11:00 in Dhaka, 00:00 in New York: today's 13:00 UTC slot is still ahead
    const answer = await mentorship('resume', PEOPLE.mentor.id, pair.channel!.id!);
    expect(answer.text).toMatch(/The pause is over/);
    const resumed = await reload(pair);
    expect(resumed.status).toBe('active');
    expect(resumed.pause?.since).toBeUndefined();
    expect(resumed.lastActivityAt!.toISOString()).toBe('2026-12-09T05:00:00.000Z');
    expect(resumed.schedule).toMatchObject({ nextPeriod: 1, nextKind: 'welcome_back', nextDueDay: '2026-12-09' });
    expect(resumeNotices(pair).map((m) => m.text)).toEqual([
      expect.stringContaining(`<@${PEOPLE.mentor.id}> ended the pause. Welcome back!`),
    ]);

    // A second resume has nothing to end.
    expect((await mentorship('resume', PEOPLE.mentee.id, pair.channel!.id!)).text).toMatch(/not paused/);

    await runJobsAt(h, '2026-12-09T13:00:00Z', ['checkins']);
    expect(prompts(pair).map(header)).toEqual(['Welcome back! Check-in #1']);
    await runJobsAt(h, '2026-12-16T13:00:00Z', ['checkins']);
    expect(prompts(pair).map(header)).toEqual(['Welcome back! Check-in #1', 'Check-in #2']);
    // When the pause would have ended, the job has nothing to resume.
    await runJobsAt(h, '2026-12-23T00:00:00Z', ['checkins']);
    expect(resumeNotices(pair)).toHaveLength(1);
  });

  test('"until 2027-01-15" pauses until that day; a past date, over 90 days or garbage get the usage', async () => {
    const pair = await createActivePair(h);
    setNow('2026-12-02T06:00:00Z');
    for (const bad of [
      'pause until 2026-11-30',
      'pause until 2026-12-02',
      'pause until 2027-03-15',
      'pause until soon',
      'pause 100d',
      'pause 0w',
      'pause 3 months',
      `pause 2w ${'x'.repeat(301)}`,
    ]) {
      const answer = await mentorship(bad, PEOPLE.mentee.id, pair.channel!.id!);
      expect(answer.response_type).toBe('ephemeral');
      expect(answer.text).toContain('Usage: `/mentorship pause [2w|10d|until YYYY-MM-DD] [reason]`');
      expect(answer.text).toContain('For example `/mentorship pause 3w');
    }
    expect((await reload(pair)).status).toBe('active');
    expect(pauseNotices(pair)).toHaveLength(0);

    const answer = await mentorship(
      'pause until 2027-01-15 elections at the chamber',
      PEOPLE.mentee.id,
      pair.channel!.id!,
    );
    expect(answer.text).toContain(dateToken('2027-01-15', 'Friday 15 January 2027'));
    const paused = await reload(pair);
    expect(paused.pause).toMatchObject({ untilDay: '2027-01-15', reason: 'elections at the chamber' });
    expect(paused.pause!.until!.toISOString()).toBe('2027-01-14T18:00:00.000Z');

    // Four weeks without a word while paused: not flagged at risk, no nudge.
    await runJobsAt(h, '2026-12-30T12:00:00Z', ['checkins', 'nudges']);
    expect(dmsAndAlerts()).toHaveLength(0);
    expect((await reload(pair)).atRisk?.since).toBeUndefined();

    await runJobsAt(h, '2027-01-14T18:00:00Z', ['checkins', 'nudges']);
    expect((await reload(pair)).status).toBe('active');
    expect(dmsAndAlerts()).toHaveLength(0);
  });

  test('a second pause says until when and how to end it early', async () => {
    const pair = await createActivePair(h);
    setNow('2026-12-02T06:00:00Z');
    await mentorship('pause 10d', PEOPLE.mentee.id, pair.channel!.id!);
    const again = await mentorship('pause 2w', PEOPLE.mentor.id, pair.channel!.id!);
    expect(again.text).toContain(`already paused until ${dateToken('2026-12-12', 'Saturday 12 December 2026')}`);
    expect(again.text).toContain('`/mentorship resume`');
    expect((await reload(pair)).pause?.untilDay).toBe('2026-12-12');
    expect(pauseNotices(pair)).toHaveLength(1);
  });

  test('an ended pair says so', async () => {
    const pair = await createActivePair(h);
    await PairModel.updateOne({ _id: pair._id }, { $set: { status: 'ended' } });
    expect((await mentorship('pause', PEOPLE.mentee.id, pair.channel!.id!)).text).toMatch(/has ended/);
    expect((await mentorship('resume', PEOPLE.mentee.id, pair.channel!.id!)).text).toMatch(/has ended/);
  });
});

describe('who may pause which pair', () => {
  test('an outsider is refused, in the channel and elsewhere', async () => {
    const pair = await createActivePair(h);
    expect((await mentorship('pause 2w', PEOPLE.outsider.id, pair.channel!.id!)).text).toMatch(
      /Only the two people in this mentorship/,
    );
    expect((await mentorship('pause 2w', PEOPLE.outsider.id)).text).toMatch(/not in an active mentorship/);
    expect((await mentorship('resume', PEOPLE.outsider.id, pair.channel!.id!)).text).toMatch(/Only the two people/);
    expect((await reload(pair)).status).toBe('active');
    expect(pauseNotices(pair)).toHaveLength(0);
  });

  test('staff can pause a pair from its channel (both are told), not from elsewhere', async () => {
    const pair = await createActivePair(h);
    expect((await mentorship('pause 2w', PEOPLE.staff.id)).text).toMatch(/in the pair's private channel/);
    const answer = await mentorship('pause 1w staff retreat', PEOPLE.staffByChannel.id, pair.channel!.id!);
    expect(answer.text).toMatch(/Paused until/);
    expect((await reload(pair)).pause).toMatchObject({ by: PEOPLE.staffByChannel.id, untilDay: '2026-12-08' });
    expect(pauseNotices(pair)[0].text).toContain(
      // 05:00 in New York, 16:00 in Dhaka: only the mentee is @-mentioned.
      `${PEOPLE.mentor.real_name} and <@${PEOPLE.mentee.id}>: check-ins and nudges stop`,
    );
  });

  test('typed outside the channel: one pair is that pair; with two pairs, it asks for the channel', async () => {
    const pair = await createActivePair(h);
    const answer = await mentorship('pause 2w', PEOPLE.mentee.id, 'C0GENERAL1');
    expect(answer.text).toMatch(/Paused until/);
    expect((await reload(pair)).status).toBe('paused');
    expect(pauseNotices(pair)).toHaveLength(1);

    // Alice mentors two pairs: outside a pair channel it is not clear which one she means.
    const other = await createActivePair(h, { mentee: PEOPLE.mentee2.id });
    expect((await mentorship('resume', PEOPLE.mentor.id)).text).toMatch(/more than one mentorship/);
    expect((await mentorship('pause', PEOPLE.mentor.id)).text).toMatch(/more than one mentorship/);
    expect((await reload(pair)).status).toBe('paused');
    expect((await reload(other)).status).toBe('active');
    expect((await mentorship('pause', PEOPLE.mentor.id, other.channel!.id!)).text).toMatch(/Paused until/);
    expect((await reload(other)).status).toBe('paused');
  });
});

describe("the nudge's pause offer", () => {
  test('a participant pauses for four weeks; the message is replaced; a non-participant is refused', async () => {
    const pair = await createActivePair(h);
    const nudge = await secondMissNudge(pair);
    setNow('2026-12-17T14:00:00Z'); // 20:00 Thursday in Dhaka, an hour after the nudge

    const refused = await clickOffer(PEOPLE.outsider.id, nudge, PauseIds.offerTwoWeeksButton);
    expect(refused.replace_original).toBe(false);
    expect(refused.text).toMatch(/Only the two people in this mentorship/);
    const staffRefused = await clickOffer(PEOPLE.staff.id, nudge, PauseIds.offerTwoWeeksButton);
    expect(staffRefused.text).toMatch(/Only the two people in this mentorship/);
    expect((await reload(pair)).status).toBe('active');

    const answer = await clickOffer(PEOPLE.mentee.id, nudge, PauseIds.offerFourWeeksButton);
    expect(answer.replace_original).toBe(true);
    // Four weeks from Thursday 17 December in Dhaka: until Thursday 14 January, 00:00 in Dhaka.
    expect(answer.text).toContain(`Paused until ${dateToken('2027-01-14', 'Thursday 14 January 2027')}`);
    expect(answer.text).toContain(`<@${PEOPLE.mentor.id}> has been told`);
    // No reason: the person did not write one, so none is made up.
    const paused = (await reload(pair)).pause!;
    expect(paused).toMatchObject({ by: PEOPLE.mentee.id, untilDay: '2027-01-14' });
    expect(paused.reason ?? '').toBe('');
    await eventually(async () => pauseNotices(pair).length === 1, 'the pause notice');
    expect(pauseNotices(pair)[0].text).not.toMatch(/Reason|missed/);
  });

  test('"Skip this week" replaces "Move to next week": the skip is recorded as the answer, nothing is paused', async () => {
    const pair = await createActivePair(h);
    const nudge = await secondMissNudge(pair);
    expect(JSON.stringify(nudge.blocks)).not.toContain('Move to next week');
    expect(JSON.stringify(nudge.blocks)).not.toContain(PauseIds.offerOneWeekButton);
    setNow('2026-12-17T14:00:00Z');
    await press(PEOPLE.mentee.id, nudge, CheckinIds.skipButton);
    await eventually(async () => Boolean(nudge.updated), 'the nudge to say thank you');
    expect(nudge.text).toMatch(/^Thank you\. Check-in #2 in <#C[A-Z0-9]+> now shows that you skip this week\./);
    const second = (await CheckinModel.findOne({ pairId: pair._id, period: 2 }).lean<Checkin>())!;
    expect(repliedByOf(second)).toEqual([PEOPLE.mentee.id]);
    expect(await CheckinReplyModel.findOne({ checkinId: second._id }).lean()).toMatchObject({
      userId: PEOPLE.mentee.id,
      met: 'skipped',
    });
    expect((await reload(pair)).status).toBe('active');
    expect(pauseNotices(pair)).toHaveLength(0);
    expect(await OutboxModel.countDocuments({ kind: 'pause_notice' })).toBe(0);
  });

  test('a double click pauses once and announces once', async () => {
    const pair = await createActivePair(h);
    const nudge = await secondMissNudge(pair);
    setNow('2026-12-17T14:00:00Z');
    const before = h.standIn.responses.length;
    await Promise.all([
      press(PEOPLE.mentee.id, nudge, PauseIds.offerTwoWeeksButton),
      press(PEOPLE.mentee.id, nudge, PauseIds.offerTwoWeeksButton),
    ]);
    await h.standIn.waitFor(() => h.standIn.responses.length >= before + 2, 8000, 'two answers');
    const texts = h.standIn.responses.slice(before).map((r) => r.body.text as string);
    expect(texts.filter((t) => /^:double_vertical_bar: Paused until/.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /already paused until/.test(t))).toHaveLength(1);
    expect(pauseNotices(pair)).toHaveLength(1);
    expect(await OutboxModel.countDocuments({ kind: 'pause_notice' })).toBe(1);
  });
});

describe('the checkins job', () => {
  test('a dry run reports the resume without doing it', async () => {
    const pair = await createActivePair(h);
    setNow('2026-12-02T06:00:00Z');
    await mentorship('pause 2w', PEOPLE.mentee.id, pair.channel!.id!);

    const report = await runJobsAt(h, '2026-12-15T18:00:00Z', ['checkins'], { dryRun: true });
    expect(report).toContain(`would resume pair ${pair._id} (paused until 2026-12-15T18:00:00.000Z)`);
    expect((await reload(pair)).status).toBe('paused');
    expect(resumeNotices(pair)).toHaveLength(0);
    expect(await OutboxModel.countDocuments({ key: { $regex: '^resume:' } })).toBe(0);

    await runJobsAt(h, '2026-12-15T18:00:00Z', ['checkins']);
    expect((await reload(pair)).status).toBe('active');
    expect(resumeNotices(pair)).toHaveLength(1);
  });

  test('a pause notice Slack refused is sent again by the checkins job', async () => {
    const pair = await createActivePair(h);
    setNow('2026-12-02T06:00:00Z');
    h.standIn.failNext('chat.postMessage', { error: 'internal_error' });
    await mentorship('pause 2w', PEOPLE.mentee.id, pair.channel!.id!);
    expect((await reload(pair)).status).toBe('paused');
    expect(pauseNotices(pair)).toHaveLength(0);
    await runJobsAt(h, '2026-12-02T07:00:00Z', ['checkins']);
    expect(pauseNotices(pair)).toHaveLength(1);
  });
});

describe('languages', () => {
  test("the notices in a Spanish-speaking pair's channel are in Spanish; the answer to the English speaker who paused is in English", async () => {
    const pair = await createActivePair(h);
    await PairModel.updateOne({ _id: pair._id }, { $set: { language: 'es' } });
    setNow('2026-12-02T06:00:00Z');
    const answer = await mentorship('pause 2w elecciones', PEOPLE.mentee.id, pair.channel!.id!);
    expect(answer.text).toContain('Paused until');

    const notices = channelMessages(pair).filter((m) => /ha pausado esta mentoría/.test(m.text ?? ''));
    expect(notices).toHaveLength(1);
    expect(notices[0].text).toContain(`<@${PEOPLE.mentee.id}> ha pausado esta mentoría hasta el *<!date^`);
    expect(notices[0].text).toContain('Motivo: _elecciones_');
    // The fallback date (for clients without date tokens) is written the Spanish way too.
    expect(notices[0].text).toContain('miércoles 16 diciembre 2026');
    expect(notices[0].text).not.toMatch(/paused|check-ins|Wednesday/);

    await mentorship('resume', PEOPLE.mentor.id, pair.channel!.id!);
    const resumed = channelMessages(pair).filter((m) => /ha terminado la pausa/.test(m.text ?? ''));
    expect(resumed).toHaveLength(1);
    expect(resumed[0].text).toContain('¡Bienvenidos de vuelta!');
    expect(resumed[0].text).toMatch(
      /Los seguimientos vuelven a empezar: el próximo llega <!date\^\d+\^\{date_long_pretty\} a las \{time\}\|/,
    );
  });
});
