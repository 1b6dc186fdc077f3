import type { HomeView, KnownBlock } from '@slack/types';
import type { Pair } from '../pairing/model';

/** The App Home tab: the person's own mentorships, and a staff hint for staff. */
export function homeView(pairs: Pair[], userId: string, isStaff: boolean): HomeView {
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: 'Your mentorships' } }];
  if (pairs.length === 0) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: 'You are not in a mentoring pair yet. Program staff will pair you and invite you to a private channel.',
      },
    });
  }
  for (const pair of pairs.slice(0, 40)) {
    const role = pair.mentor.userId === userId ? 'mentor' : 'mentee';
    const partner = role === 'mentor' ? pair.mentee.userId : pair.mentor.userId;
    const where = pair.channel?.id ? `<#${pair.channel.id}>` : '_channel being set up_';
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `You are the *${role}* with <@${partner}> · ${where}\n${pair.goals.length} goal(s) · ${pair.startDate} → ${pair.endDate}`,
      },
    });
  }
  if (isStaff) {
    blocks.push(
      { type: 'divider' },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*Staff:* create pairs with `/mentorship pair`, see them with `/mentorship list`.',
        },
      },
    );
  }
  return { type: 'home', blocks };
}
