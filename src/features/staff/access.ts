import type { WebClient } from '@slack/web-api';
import type { Clock } from '../../lib/time';
import { MINUTE_MS } from '../../lib/durations';

export interface StaffConfig {
  userIds: readonly string[];
  channelId?: string;
}

const CACHE_MS = MINUTE_MS;

/**
 * Who is program staff: the users in STAFF_USER_IDS and the members of the staff channel.
 * Channel membership is read from Slack and kept for a minute.
 */
export class StaffDirectory {
  private members: { ids: Set<string>; until: number } | undefined;

  constructor(
    private readonly config: StaffConfig,
    private readonly client: WebClient,
    private readonly clock: Clock,
  ) {}

  async isStaff(userId: string): Promise<boolean> {
    if (this.config.userIds.includes(userId)) return true;
    if (!this.config.channelId) return false;
    return (await this.channelMembers()).has(userId);
  }

  private async channelMembers(): Promise<Set<string>> {
    const now = this.clock.now().getTime();
    if (this.members && this.members.until > now) return this.members.ids;
    const ids = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.client.conversations.members({ channel: this.config.channelId!, cursor, limit: 1000 });
      for (const id of page.members ?? []) ids.add(id);
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    this.members = { ids, until: now + CACHE_MS };
    return ids;
  }
}
