import { PEOPLE, type Harness } from '../support/app-harness';
import { withHarness } from '../support/with-harness';

/**
 * A Web API call the app makes while handling a request, which Slack never answers: the app gives
 * up after its client's timeout (SLACK_CALL_TIMEOUT_MS, 10 s; short here), tells the person, does
 * not repeat the call blindly, and keeps serving other requests meanwhile and after.
 */

let h: Harness;
const TIMEOUT_MS = 400;
/** Far past the timeout: as good as never (the stand-in's late answer keeps nothing alive). */
const NEVER_MS = 60_000;
withHarness('request_timeout', (made) => (h = made), { slackTimeoutMs: TIMEOUT_MS });

async function help(): Promise<void> {
  const res = await h.driver.command('/mentorship', 'help', { userId: PEOPLE.mentor.id });
  expect(res.status).toBe(200);
  expect(res.json.text).toMatch(/\/mentorship pair/);
}

test('views.open that Slack never answers: given up after the timeout, the person told, other requests served', async () => {
  h.standIn.failNext('views.open', { hang: NEVER_MS });
  const started = Date.now();
  const res = await h.driver.command('/mentorship', 'pair', { userId: PEOPLE.staff.id });
  expect(res.status).toBe(200); // acknowledged at once, before the call to Slack

  // While the call hangs, another request is answered.
  await help();

  // The call is given up after the timeout (not after the hang), once: a timed-out call may have
  // been done by Slack, so it is not repeated; the staff member gets a short answer instead.
  await h.standIn.waitFor(() => h.standIn.responses.length > 0, 5000, 'an answer to "/mentorship pair"');
  const waited = Date.now() - started;
  expect(waited).toBeGreaterThanOrEqual(TIMEOUT_MS);
  expect(waited).toBeLessThan(5000);
  expect(h.standIn.attemptsTo('views.open')).toHaveLength(1);
  expect(h.standIn.responses[0].body).toMatchObject({ response_type: 'ephemeral' });
  expect(h.standIn.responses[0].body.text).toMatch(/went wrong|try again/i);

  // And after it: the same command, Slack answering again, opens the form.
  const views = h.standIn.views.size;
  await h.driver.command('/mentorship', 'pair', { userId: PEOPLE.staff.id });
  await h.standIn.waitFor(() => h.standIn.views.size > views, 5000, 'the pair form');
  await help();
}, 20_000);
