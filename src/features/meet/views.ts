import type { KnownBlock } from '@slack/types';
import { t, tm } from '../../i18n';
import { context, message, mrkdwnText, plain, section } from '../../slack/blocks';
import { slackDateTime } from '../../slack/dates';
import { channelLink, type Mrkdwn, mrkdwn } from '../../slack/mrkdwn';
import { MeetIds } from './ids';
import { pickValue } from './schemas';
import { agreedSlot, type StoredProposal } from './service';
import type { Side } from './slots';

/*
 * What meeting times look like (pure builders, in the language in scope: the pair's for its
 * channel, the reader's for a DM or an ephemeral answer). Times are Slack date tokens only: each
 * reader sees them in their own time zone.
 */

/** A meeting time as a date token: "Tuesday, December 8th, 9:00 AM" in the reader's zone. */
export const when = (at: Date): Mrkdwn => slackDateTime(at, '{date_long_pretty}, {time}');

const otherSide = (side: Side): Side => (side === 'mentor' ? 'mentee' : 'mentor');

/** The lines above the times: inside both people's hours, or who is asked to stretch. */
function intro(p: StoredProposal, names: Record<Side, string>): Mrkdwn[] {
  if (p.mode === 'overlap') return [tm('meet.proposal.overlap')];
  const who =
    p.stretch === 'mentor' || p.stretch === 'mentee'
      ? tm('meet.proposal.stretchOne', { name: names[p.stretch], other: names[otherSide(p.stretch)] })
      : tm('meet.proposal.stretchBoth');
  return [tm('meet.proposal.stretch'), who];
}

/** Who picked a slot so far, under it. */
function pickedBy(p: StoredProposal, key: string, names: Record<Side, string>): Mrkdwn | undefined {
  const sides = (['mentor', 'mentee'] as const).filter((side) => p.picks?.[side] === key);
  if (sides.length === 2) return tm('meet.proposal.pickedByBoth');
  return sides.length === 1 ? tm('meet.proposal.pickedBy', { name: names[sides[0]] }) : undefined;
}

/**
 * The proposal in the pair's channel: the times, each with its "Pick" button and who picked it;
 * once agreed, the agreed time alone, without buttons.
 */
export function proposalMessage(
  pairId: string,
  p: StoredProposal,
  names: Record<Side, string>,
): { text: string; blocks: KnownBlock[] } {
  const agreed = agreedSlot(p);
  if (agreed) return agreedMessage(agreed.at);
  const lines = intro(p, names);
  const blocks: KnownBlock[] = lines.map((line) => section(line));
  p.slots.forEach((slot, i) => {
    blocks.push({
      type: 'section',
      block_id: MeetIds.slotBlock(i + 1),
      text: mrkdwnText(mrkdwn`*${i + 1}.* ${when(slot.at)}`),
      accessory: {
        type: 'button',
        action_id: MeetIds.pickButton,
        text: plain(t('meet.proposal.pick')),
        value: pickValue(pairId, p.id, slot.key),
      },
    });
    const picked = pickedBy(p, slot.key, names);
    if (picked) blocks.push(context(picked));
  });
  blocks.push(context(tm('meet.proposal.howToPick')));
  return message(lines[0], blocks);
}

/** The agreed meeting, in the channel. */
export function agreedMessage(at: Date): { text: string; blocks: KnownBlock[] } {
  return message(tm('meet.agreed', { when: when(at) }));
}

/** The reminder DM an hour before. */
export function reminderMessage(r: { partner: Mrkdwn; at: Date; channelId: string }) {
  return message(tm('meet.reminder', { partner: r.partner, when: when(r.at), channel: channelLink(r.channelId) }));
}
