/**
 * `npm run bench:ack`'s floor: a bare Bolt app of the same Bolt version as the app, behind the same
 * HTTPReceiver, in a process of its own. It acks every command, button and modal submission at
 * once; then answers a command by its response_url and a button by opening a one-line modal, so
 * the answers have a floor too. Started by scripts/bench-ack.ts (env: SLACK_SIGNING_SECRET,
 * SLACK_API_URL, the stand-in's Web API); tells it its port.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { serve } from './bench-ack-processes';

async function main(): Promise<void> {
  const receiver = new HTTPReceiver({
    signingSecret: process.env.SLACK_SIGNING_SECRET!,
    endpoints: '/slack/events',
    logLevel: LogLevel.ERROR,
  });
  const app = new App({
    token: 'xoxb-bare-token',
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  });
  app.command(/.*/, async ({ ack, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', text: 'ok' });
  });
  app.action(/.*/, async ({ ack, body, client }) => {
    await ack();
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'ok' }, blocks: [] };
    await client.views.open({ trigger_id: (body as { trigger_id: string }).trigger_id, view }).catch(() => undefined);
  });
  app.view(/.*/, async ({ ack }) => ack());
  const server = http.createServer(receiver.requestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serve({ port: (server.address() as AddressInfo).port }, () => undefined);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
