import { WebClient } from '@slack/web-api';
import { dmChannelOf, shareFile } from '../../src/slack/files';
import { mrkdwn } from '../../src/slack/mrkdwn';
import { quietLogger } from '../support/quiet-logger';
import { SlackStandIn } from '../support/slack-stand-in';

describe('shareFile: the real files.uploadV2 against the stand-in', () => {
  let standIn: SlackStandIn;
  let client: WebClient;

  beforeAll(async () => {
    standIn = await SlackStandIn.start({ postRate: null });
    client = new WebClient('xoxb-test', { slackApiUrl: standIn.url, retryConfig: { retries: 0 }, logger: quietLogger });
  });
  afterAll(() => standIn.close());
  beforeEach(() => {
    standIn.reset();
    standIn.addUser({ id: 'U0STAFF', name: 'staff' });
    standIn.addChannel({ id: 'C0STAFF', name: 'staff', is_private: true, members: [standIn.botUserId, 'U0STAFF'] });
  });

  it('uploads the exact bytes and shares them in a thread with the comment', async () => {
    const { ts } = await client.chat.postMessage({ channel: 'C0STAFF', text: 'digest' });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255, 128]);
    const id = await shareFile(client, {
      channelId: 'C0STAFF',
      threadTs: ts,
      filename: 'chart.png',
      title: 'Replies per week',
      content: png,
      comment: mrkdwn`Replies per week`,
    });
    const file = standIn.files.get(id)!;
    expect(file.bytes?.equals(png)).toBe(true);
    expect(file).toMatchObject({ channel: 'C0STAFF', threadTs: ts, completed: true, title: 'Replies per week' });
    const shared = standIn.messages.find((m) => m.files?.some((f) => f.id === id));
    expect(shared).toMatchObject({ channel: 'C0STAFF', thread_ts: ts, text: 'Replies per week' });
    expect(standIn.calls.map((c) => c.method)).toEqual([
      'chat.postMessage',
      'files.getUploadURLExternal',
      'upload',
      'files.completeUploadExternal',
    ]);
  });

  it('shares a CSV privately in the DM, and a user ID is not a conversation', async () => {
    const csv = 'pair,health\n"a, b",on track\n';
    await expect(
      shareFile(client, { channelId: 'U0STAFF', filename: 'x.csv', title: 'x', content: csv }),
    ).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    const dm = await dmChannelOf(client, 'U0STAFF');
    const id = await shareFile(client, { channelId: dm, filename: 'pairs.csv', title: 'Pairs', content: csv });
    expect(standIn.fileText(id)).toBe(csv);
    expect(standIn.files.get(id)?.channel).toBe(dm);
  });

  it('needs files:write', async () => {
    const narrow = await SlackStandIn.start({ postRate: null, scopes: ['chat:write'] });
    const c = new WebClient('xoxb-test', { slackApiUrl: narrow.url, retryConfig: { retries: 0 }, logger: quietLogger });
    try {
      await expect(
        shareFile(c, { channelId: 'C0X', filename: 'a.csv', title: 'a', content: 'a' }),
      ).rejects.toMatchObject({ data: { error: 'missing_scope' } });
    } finally {
      await narrow.close();
    }
  });
});
