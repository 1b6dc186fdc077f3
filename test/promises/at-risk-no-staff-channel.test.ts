/**
 * README: a pair flagged at risk gets "one message to the staff channel (or to the staff member
 * who created the pair)". Here there is no staff channel (STAFF_CHANNEL_ID unset).
 */
import { PEOPLE, STAFF_CHANNEL, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { createActivePair } from '../support/pairs';
import { simulate } from '../support/simulation';
import { withHarness } from '../support/with-harness';
import { dmChannelOf } from './drive';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T12:00:00Z'));

withHarness('promises_at_risk_creator', (made) => (h = made), { clock, env: { STAFF_CHANNEL_ID: '' } });

test('without a staff channel, the at-risk alert is one DM to the staff member who created the pair', async () => {
  expect(h.config.staff.channelId).toBeUndefined();
  const pair = await createActivePair(h); // created by Sam (staff) on 1 December, 12:00 UTC
  const samDm = await dmChannelOf(h, PEOPLE.staff.id);

  // No reply from either side: by the third missed check-in (22 December) the pair is at risk.
  await simulate(h, '2026-12-08T00:00:00Z', '2026-12-30T00:00:00Z', ['checkins', 'nudges']);

  const alerts = h.standIn.messages.filter((m) => /may need help/.test(m.text ?? ''));
  expect(alerts.map((m) => m.channel)).toEqual([samDm]);
  expect(alerts[0].text).toMatch(/Alice Müller\* and \*Karim Rahman\* \(<#C\w+>\) may need help\./);
  expect(alerts[0].text).toContain('Never replied: neither of them has answered a check-in.');
  expect(alerts[0].text).toContain('No reply from either of them for 3 check-ins.');
  expect(alerts[0].text).toContain(`<#${pair.channel!.id}>`);
  expect(h.standIn.messages.filter((m) => m.channel === STAFF_CHANNEL)).toHaveLength(0);
}, 120_000);
