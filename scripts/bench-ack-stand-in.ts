/**
 * `npm run bench:ack`'s Slack: the test stand-in (test/support/slack-stand-in.ts) in a process of
 * its own, so the Web API calls and `response_url` answers it serves take no time from the load
 * generator's event loop (where they would delay the reading of acks), and the time an answer
 * arrives is taken by a process doing nothing else. Started by scripts/bench-ack.ts.
 *
 * Requests over IPC:
 *   mint     `{ responseUrls: n, triggers: [...], users: [...] }`: n fresh response URLs; the
 *            trigger_ids the generator's driver minted, registered now (they expire 3 s later, as
 *            Slack's do); new people in the workspace.
 *   collect  the answers since the last collect: posts to response URLs `[id, at]` and views.open
 *            calls `[trigger_id, at, ok]` (`at`: ms since the epoch, on arrival); then forgets them.
 */
import { addProgram } from '../test/support/app-harness';
import { SlackStandIn, type StandInUser } from '../test/support/slack-stand-in';
import { serve } from './bench-ack-processes';

async function main(): Promise<void> {
  const standIn = await SlackStandIn.start({ postRate: null });
  addProgram(standIn);
  // The windows opened since the last round, by view id: the trigger_id that opened each (a window
  // the app fills later is timed by its views.update). Views are kept until the next round, so that
  // a fill arriving after a collect still finds its window, as on Slack.
  const triggerOfView = new Map<string, string>();
  let viewsSeen = 0;
  serve({ url: standIn.url, teamId: standIn.teamId, botUserId: standIn.botUserId }, (request) => {
    if (request.op === 'mint') {
      standIn.views.clear();
      triggerOfView.clear();
      viewsSeen = 0;
      for (const user of (request.users ?? []) as StandInUser[]) standIn.addUser(user);
      for (const id of request.triggers as string[]) standIn.registerTriggerId(id);
      return Array.from({ length: request.responseUrls as number }, () => standIn.responseUrl());
    }
    if (request.op === 'collect') {
      const responses = standIn.responses.map((r) => [r.id, r.at]);
      const opens = standIn.calls.filter((c) => c.method === 'views.open');
      const opened = opens.map((c) => [String(c.args.trigger_id), c.at, c.result === 'ok']);
      // The views stored since the last collect, in the order of the successful opens.
      const newViews = [...standIn.views.keys()].slice(viewsSeen);
      viewsSeen += newViews.length;
      const openedOk = opens.filter((c) => c.result === 'ok');
      for (const [i, c] of openedOk.entries()) triggerOfView.set(newViews[i], String(c.args.trigger_id));
      const filled = standIn.calls
        .filter((c) => c.method === 'views.update' && c.result === 'ok' && triggerOfView.has(String(c.args.view_id)))
        .map((c) => [triggerOfView.get(String(c.args.view_id)), c.at]);
      standIn.responses.length = 0;
      standIn.calls.length = 0;
      return { responses, opened, filled };
    }
    throw new Error(`unknown request ${request.op}`);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
