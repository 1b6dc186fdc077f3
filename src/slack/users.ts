import type { WebClient } from '@slack/web-api';
import { slackErrorCode } from './errors';

export interface SlackUser {
  id: string;
  name: string;
  tz?: string;
  locale?: string;
  isBot: boolean;
  deleted: boolean;
}

/** users.info, reduced to what the app uses; `null` for a user Slack does not know. */
export async function fetchSlackUser(client: WebClient, userId: string): Promise<SlackUser | null> {
  try {
    const res = await client.users.info({ user: userId, include_locale: true });
    const u = res.user;
    if (!u?.id) return null;
    return {
      id: u.id,
      name: u.real_name || u.profile?.real_name || u.profile?.display_name || u.name || u.id,
      tz: u.tz || undefined,
      locale: u.locale || undefined,
      isBot: Boolean(u.is_bot) || u.id === 'USLACKBOT',
      deleted: Boolean(u.deleted),
    };
  } catch (err) {
    if (slackErrorCode(err) === 'user_not_found') return null;
    throw err;
  }
}
