import type { KnownBlock } from '@slack/types';
import { context, header, section } from '../../slack/blocks';
import { slackDay } from '../../slack/dates';
import { lines, type Mrkdwn, truncate } from '../../slack/mrkdwn';
import { HEALTH_ORDER, type DigestFacts, type DigestPairRow, type ReplyWeek } from './facts';
import { digestText as t, pairName } from './messages';

/**
 * The digest's top-level message: about a dozen short lines a manager reads in a minute. The
 * details (each pair) are in the thread (thread-views.ts). Pure: facts in, Block Kit out.
 */

export const DIGEST_LIMITS = {
  /** Past this many pairs the thread lists only the exceptions and the full table goes as a CSV file. */
  tableAbove: 50,
  /** Slack's most blocks in one message. */
  blocksPerMessage: 50,
  /** A rate for a group of people is shown only when at least this many of them answered. */
  minPeopleForRate: 5,
  /** Pair names shown in one line of the top message (newly at risk, recovered). */
  namesInLine: 3,
  nameMax: 60,
} as const;

/** True when the digest's thread lists only the exceptions and the CSV holds the full table. */
export const hasTable = (facts: Pick<DigestFacts, 'pairs'>) => facts.pairs.length > DIGEST_LIMITS.tableAbove;

/** A pair's two names, each cut so that one long profile name cannot crowd out a line. */
export function nameOf(row: Pick<DigestPairRow, 'mentorName' | 'menteeName'>): Mrkdwn {
  const cut = (s: string) => (s.length > DIGEST_LIMITS.nameMax ? `${s.slice(0, DIGEST_LIMITS.nameMax - 1)}…` : s);
  return pairName(cut(row.mentorName), cut(row.menteeName));
}

/** The share of check-ins both sides answered in one week; hidden when fewer than 5 people answered. */
export function bothRate(w: ReplyWeek): string {
  // Check-ins still open are left out: they may yet be answered.
  const settled = w.both + w.one + w.neither;
  if (settled === 0) return t.trendNone();
  if (w.people < DIGEST_LIMITS.minPeopleForRate) return t.trendHidden();
  return t.percent(Math.round((100 * w.both) / settled));
}

function healthLine(f: DigestFacts): Mrkdwn {
  const shown = HEALTH_ORDER.filter((s) => s !== 'ended' && (f.counts[s] > 0 || (f.previous?.counts[s] ?? 0) > 0));
  const parts = shown.map((s) =>
    t.stateCount(s, f.counts[s], f.previous ? f.counts[s] - f.previous.counts[s] : undefined),
  );
  return t.healthLine(parts, f.previous ? slackDay(f.previous.week) : undefined);
}

function someNames(f: DigestFacts, ids: string[]): Mrkdwn {
  const byId = new Map(f.pairs.map((p) => [p.pairId, p]));
  const rows = ids.map((id) => byId.get(id)).filter((r): r is DigestPairRow => r !== undefined);
  const shown = rows.slice(0, DIGEST_LIMITS.namesInLine).map(nameOf);
  return t.someNames(shown, rows.length - shown.length);
}

/** The lines of the top message, in reading order. */
export function digestSummaryLines(f: DigestFacts): Mrkdwn[] {
  const weekOf = slackDay(f.week);
  if (f.pairs.length === 0) return [t.title(weekOf, 0), t.noPairs()];
  const thisWeek = f.replies.at(-1)!;
  const out = [
    t.title(weekOf, f.pairs.length),
    healthLine(f),
    t.repliesLine(thisWeek.both, thisWeek.one, thisWeek.neither, thisWeek.open),
    t.trendLine(f.replies.map(bothRate)),
    t.meetingsLine(f.meetings.pairs, f.pairs.length, f.meetings.reports),
    t.commitmentsLine(f.commitments.due, f.commitments.done, f.commitments.overdue),
    t.goalsLine(f.goals.moved, f.goals.achieved),
    f.previous ? t.changesLine(someNames(f, f.newlyAtRisk), someNames(f, f.recovered)) : t.changesFirst(),
    t.comingLine(f.endingSoon.length, f.backFromPause.length),
  ];
  if (f.staffNotes.notes > 0) out.push(t.notesLine(f.staffNotes.notes, f.staffNotes.pairs));
  return out;
}

/** The top-level message of the digest (a preview adds a line saying only you can see it). */
export function digestTopMessage(
  f: DigestFacts,
  opts: { preview?: { channelConfigured: boolean } } = {},
): { text: string; blocks: KnownBlock[] } {
  const summary = digestSummaryLines(f);
  const footer: Mrkdwn[] = [];
  if (f.pairs.length > 0) footer.push(t.detailsBelow(hasTable(f)));
  if (f.replies.some((w) => bothRate(w) === t.trendHidden())) footer.push(t.trendNote());
  const blocks: KnownBlock[] = [
    ...(opts.preview ? [context(opts.preview.channelConfigured ? t.previewNote() : t.previewNoChannel())] : []),
    header(t.header()),
    section(lines(...summary)),
    ...(footer.length ? [context(...footer)] : []),
  ];
  return { text: truncate(lines(t.notification(slackDay(f.week)), ...summary.slice(1, 3)), 3000).text, blocks };
}
