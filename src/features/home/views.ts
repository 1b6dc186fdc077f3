import type { HomeView, KnownBlock } from '@slack/types';
import type { Pair } from '../../pairs/model';
import { header, section } from '../../slack/blocks';
import { slackDay } from '../../slack/dates';
import { bold, channelLink, italic, lines, mention, mrkdwn } from '../../slack/mrkdwn';

/** Program dates as Slack date tokens, short: "Dec 1, 2026" in the reader's locale. */
const SHORT = '{date_short_pretty}';

/** The App Home tab: the person's own mentorships, and a staff hint for staff. */
export function homeView(pairs: Pair[], userId: string, isStaff: boolean): HomeView {
  const blocks: KnownBlock[] = [header('Your mentorships')];
  if (pairs.length === 0) {
    blocks.push(
      section(
        mrkdwn`You are not in a mentoring pair yet. Program staff will pair you and invite you to a private channel.`,
      ),
    );
  }
  for (const pair of pairs.slice(0, 40)) {
    const role = pair.mentor.userId === userId ? 'mentor' : 'mentee';
    const partner = role === 'mentor' ? pair.mentee.userId : pair.mentor.userId;
    const where = pair.channel?.id ? channelLink(pair.channel.id) : italic('channel being set up');
    blocks.push(
      section(
        lines(
          mrkdwn`You are the ${bold(role)} with ${mention(partner)} · ${where}`,
          mrkdwn`${pair.goals.length === 1 ? '1 goal' : `${pair.goals.length} goals`} · from ${slackDay(pair.startDate, SHORT)} to ${slackDay(pair.endDate, SHORT)}`,
        ),
      ),
    );
  }
  if (isStaff) {
    blocks.push(
      { type: 'divider' },
      section(mrkdwn`*Staff:* create pairs with \`/mentorship pair\`, see them with \`/mentorship list\`.`),
    );
  }
  return { type: 'home', blocks };
}
