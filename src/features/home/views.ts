import type { HomeView, KnownBlock } from '@slack/types';
import { participantBlocks } from './participant-view';
import { staffBlocks } from './staff-view';
import type { HomeButtonBuilders, ParticipantHome, StaffHome } from './types';

/** Slack's most blocks in a Home tab. */
export const HOME_MAX_BLOCKS = 100;
/** What a staff member's program part may take when they are in pairs too. */
const STAFF_SHARE = 50;

export interface HomeInput {
  participant: ParticipantHome;
  /** Present for staff only. */
  staff?: StaffHome;
  buttons: HomeButtonBuilders;
}

/**
 * The App Home tab: the person's own mentorships, then (for staff) the program at a glance.
 * A staff member in no pair sees only the program. Never more than Slack's 100 blocks.
 */
export function homeView(input: HomeInput): HomeView {
  const { participant, staff, buttons } = input;
  const inPairs = participant.cards.length > 0;
  let blocks: KnownBlock[];
  if (!staff) blocks = participantBlocks(participant, buttons, HOME_MAX_BLOCKS);
  else if (!inPairs) blocks = staffBlocks(staff, HOME_MAX_BLOCKS);
  else {
    const program = staffBlocks(staff, STAFF_SHARE);
    const own = participantBlocks(participant, buttons, HOME_MAX_BLOCKS - program.length - 1);
    blocks = [...own, { type: 'divider' }, ...program];
  }
  return { type: 'home', blocks: blocks.slice(0, HOME_MAX_BLOCKS) };
}
