import { listSeparator } from '../../slack/lists';
import type { Button, KnownBlock } from '@slack/types';
import { header, plain, section } from '../../slack/blocks';
import { lines, type Mrkdwn } from '../../slack/mrkdwn';
import { HomeIds } from './ids';
import { text } from './messages';
import type { HomeButtonBuilders, HomePairCard, ParticipantHome } from './types';

/** Shown per pair at most; the rest are counted in one line. */
export const PARTICIPANT_LIMITS = { goals: 5, commitments: 5, outcomes: 3, endedShown: 5 } as const;

const isEnded = (c: HomePairCard) => c.status === 'ended';

function pauseLine(card: HomePairCard): Mrkdwn {
  if (card.pause?.untilDay) return text.pausedUntil(text.pausedUntilDay(card.pause.untilDay));
  if (card.pause?.until) return text.pausedUntil(text.pausedUntilAt(card.pause.until));
  return text.pausedIndefinitely();
}

/** The pair's facts: who, where, the partner's clock, the next check-in, what waits for the person. */
function summary(card: HomePairCard): Mrkdwn {
  const paused = card.status === 'paused';
  const parts: Mrkdwn[] = [text.pairLine(card.role, card.partnerId, card.channelId, paused)];
  const where = [card.partnerOrganisation, card.partnerCountry].filter((s): s is string => Boolean(s));
  if (where.length) parts.push(text.partnerOrganisation(where.join(listSeparator())));
  parts.push(card.partnerTime ? text.partnerTime(card.partnerTime) : text.partnerTimeUnknown());
  if (paused) parts.push(pauseLine(card));
  else if (card.nextCheckinAt) parts.push(text.nextCheckin(card.nextCheckinAt));
  else if (card.status === 'active') parts.push(text.noNextCheckin());
  parts.push(text.programDates(card.startDate, card.endDate));
  if (card.openCheckin) parts.push(text.checkinWaiting(card.openCheckin.period));
  if (card.feedbackDue) parts.push(text.feedbackDue(card.feedbackDue.label));
  return lines(...parts);
}

function goalLines(card: HomePairCard): Mrkdwn {
  if (card.goals.length === 0) return text.noGoals();
  const shown = card.goals.slice(0, PARTICIPANT_LIMITS.goals);
  const more = card.goals.length - shown.length;
  return lines(
    text.goalsTitle(),
    ...shown.map((g) => text.goal(g.title, g.statusLabel)),
    ...(more > 0 ? [text.moreGoals(more)] : []),
  );
}

/** Open next steps and outcomes, or nothing. */
function detailLines(card: HomePairCard): Mrkdwn | undefined {
  const parts: Mrkdwn[] = [];
  if (card.commitments.length) {
    const shown = card.commitments.slice(0, PARTICIPANT_LIMITS.commitments);
    const more = card.moreCommitments + card.commitments.length - shown.length;
    parts.push(text.commitmentsTitle(), ...shown.map((c) => text.commitment(c.ownerId, c.what, c.dueDay)));
    if (more > 0) parts.push(text.moreCommitments(more));
  }
  if (card.outcomes.length) {
    const shown = card.outcomes.slice(0, PARTICIPANT_LIMITS.outcomes);
    parts.push(text.outcomesTitle(), ...shown.map((o) => text.outcome(o.story, o.figure)));
    if (card.outcomes.length > shown.length) parts.push(text.moreOutcomes(card.outcomes.length - shown.length));
  }
  return parts.length ? lines(...parts) : undefined;
}

function homeButton(actionId: string, label: string, value: string): Button {
  return { type: 'button', action_id: actionId, text: plain(label), value };
}

/** The person's own clock and hours, with **Change my hours** (the `/mentorship hours` form). */
function ownTimeBlock(home: ParticipantHome): KnownBlock | undefined {
  if (!home.ownTime) return undefined;
  const block = section(text.ownTime(home.ownTime));
  block.accessory = homeButton(HomeIds.changeHoursButton, text.changeHoursButton(), 'hours');
  return block;
}

/** The pair's buttons: reply to the open check-in, add a goal, give feedback, pause or resume. */
function actionsOf(card: HomePairCard, buttons: HomeButtonBuilders): KnownBlock | undefined {
  const elements: Button[] = [];
  if (card.openCheckin) elements.push(buttons.reply(card.openCheckin.checkinId, text.replyButton()));
  if (buttons.giveFeedback) elements.push(buttons.giveFeedback(card.pairId, card.feedbackDue?.point));
  if (buttons.addGoal && card.status !== 'ended') elements.push(buttons.addGoal(card.pairId));
  if (card.status === 'active') elements.push(homeButton(HomeIds.pauseButton, text.pauseButton(), card.pairId));
  if (card.status === 'paused') elements.push(homeButton(HomeIds.resumeButton, text.resumeButton(), card.pairId));
  // Slack refuses two elements with one action_id in a block: keep the first of each.
  const seen = new Set<string>();
  const unique = elements.filter((e) => !e.action_id || (!seen.has(e.action_id) && seen.add(e.action_id)));
  return unique.length ? { type: 'actions', block_id: HomeIds.pairActions(card.pairId), elements: unique } : undefined;
}

/** A live pair with a section per goal (each with its "Update" button). */
function fullCard(card: HomePairCard, buttons: HomeButtonBuilders): KnownBlock[] {
  const blocks: KnownBlock[] = [section(summary(card))];
  const live = card.goals.filter((g) => g.live).slice(0, PARTICIPANT_LIMITS.goals);
  if (buttons.updateGoal && live.length) {
    blocks.push(section(text.goalsTitle()));
    for (const g of card.goals.slice(0, PARTICIPANT_LIMITS.goals)) {
      const block = section(text.goal(g.title, g.statusLabel));
      if (g.live) block.accessory = buttons.updateGoal(card.pairId, g.goalId);
      blocks.push(block);
    }
    if (card.goals.length > PARTICIPANT_LIMITS.goals)
      blocks.push(section(text.moreGoals(card.goals.length - PARTICIPANT_LIMITS.goals)));
  } else blocks.push(section(goalLines(card)));
  const details = detailLines(card);
  if (details) blocks.push(section(details));
  const actions = actionsOf(card, buttons);
  if (actions) blocks.push(actions);
  blocks.push({ type: 'divider' });
  return blocks;
}

/** A live pair in three blocks: its facts with goals and details, its buttons, a divider. */
function compactCard(card: HomePairCard, buttons: HomeButtonBuilders): KnownBlock[] {
  const details = detailLines(card);
  const blocks: KnownBlock[] = [section(lines(summary(card), goalLines(card), ...(details ? [details] : [])))];
  const actions = actionsOf(card, buttons);
  if (actions) blocks.push(actions);
  blocks.push({ type: 'divider' });
  return blocks;
}

function endedBlock(ended: HomePairCard[]): KnownBlock {
  const shown = ended.slice(0, PARTICIPANT_LIMITS.endedShown);
  return section(
    lines(
      text.endedTitle(),
      ...shown.map((c) => text.endedPair(c.role, c.partnerId, c.startDate, c.endDate)),
      ...(ended.length > shown.length ? [text.morePairs(ended.length - shown.length)] : []),
    ),
  );
}

/**
 * A participant's part of the Home tab within `budget` blocks: live pairs first (each in full
 * while they all fit, else each in three blocks, else as many as fit and one line for the rest),
 * ended pairs last in one short section.
 */
export function participantBlocks(home: ParticipantHome, buttons: HomeButtonBuilders, budget: number): KnownBlock[] {
  const blocks: KnownBlock[] = [header(text.participantTitle())];
  if (home.cards.length === 0) return [...blocks, section(text.notPaired())];
  const own = ownTimeBlock(home);
  if (own) blocks.push(own);
  const live = home.cards.filter((c) => !isEnded(c));
  const ended = home.cards.filter(isEnded);
  const reserve = blocks.length + (ended.length ? 1 : 0); // the header and own hours, the ended pairs
  const room = budget - reserve;
  const full = live.map((c) => fullCard(c, buttons));
  let cards = full;
  if (full.flat().length > room) cards = live.map((c) => compactCard(c, buttons));
  let used = 0;
  let shown = 0;
  for (const card of cards) {
    // Keep one block for the "and N more" line when a pair does not fit.
    const left = room - used - (shown < cards.length - 1 ? 1 : 0);
    if (card.length > left) break;
    blocks.push(...card);
    used += card.length;
    shown++;
  }
  if (shown < live.length) blocks.push(section(text.morePairs(live.length - shown)));
  if (ended.length) blocks.push(endedBlock(ended));
  return blocks;
}
