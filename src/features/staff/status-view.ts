import type { KnownBlock, View } from '@slack/types';
import { context, header, plain, section } from '../../slack/blocks';
import { slackDay, slackDayOf } from '../../slack/dates';
import { lines, type Mrkdwn } from '../../slack/mrkdwn';
import { goalStatusLabel } from '../../pairs/goal-status';
import { type StaffFeedbackRow, staffFeedbackBlocks } from '../feedback';
import type { Pair } from '../../pairs/model';
import { StaffIds } from './ids';
import { statusText as t } from './status-messages';

export interface PairStatus {
  pair: Pair;
  mentorName: string;
  menteeName: string;
  health?: { label: string; reasons: string[] };
  /** Newest first. */
  checkins: Array<{ period: number; at: Date; replied: string[] }>;
  commitments: Array<{ owner: string; what: string; dueDay: string; overdue: boolean }>;
  /** Staff-only: never shown anywhere but to staff. Newest first. */
  staffNotes: Array<{ period: number; who: string; note: string }>;
  /** Feedback staff may read one by one (shared and staff-only answers; never totals-only ones). Newest first. */
  feedback?: StaffFeedbackRow[];
}

/** Staff notes shown, one section each (a note is at most 1,500 characters). */
const MAX_NOTES = 10;

function stateLine(s: PairStatus): Mrkdwn {
  const { pair } = s;
  if (pair.status === 'ended' && pair.ended?.at)
    return t.ended(slackDayOf(pair.ended.at), pair.ended.reason ?? 'other', pair.ended.note ?? '');
  if (pair.status === 'paused' && pair.pause?.until)
    return t.paused(
      pair.pause.untilDay ? slackDay(pair.pause.untilDay) : slackDayOf(pair.pause.until),
      pair.pause.by,
      pair.pause.reason ?? '',
    );
  return t.notPaused();
}

/**
 * The pair's status for staff, as blocks (about 10, within a message's 50 and a modal's 100):
 * who, health and why, the program, goals, last check-ins, commitments, then the staff-only notes.
 */
export function pairStatusBlocks(s: PairStatus): KnownBlock[] {
  const { pair } = s;
  const health = s.health ? t.health(s.health.label, s.health.reasons) : t.healthUnknown();
  const goals = pair.goals.map((g, i) => t.goal(i + 1, g.title, goalStatusLabel(g)));
  const checkins = s.checkins.length
    ? s.checkins.map((c) => t.checkin(c.period, slackDayOf(c.at), c.replied))
    : [t.noCheckins()];
  const commitments = s.commitments.length
    ? s.commitments.map((c) => t.commitment(c.owner, c.what, slackDay(c.dueDay), c.overdue))
    : [t.noCommitments()];
  const notes = s.staffNotes.slice(0, MAX_NOTES);
  return [
    header(t.title(s.mentorName, s.menteeName)),
    section(
      lines(
        t.person('mentor', s.mentorName, pair.mentor.organisation, pair.mentor.country),
        t.person('mentee', s.menteeName, pair.mentee.organisation, pair.mentee.country),
        t.program(pair.channel?.id ?? undefined, pair.cadence, slackDay(pair.startDate), slackDay(pair.endDate)),
        health,
        stateLine(s),
      ),
    ),
    section(lines(t.goalsHeading(), ...goals)),
    section(lines(t.checkinsHeading(), ...checkins)),
    section(lines(t.commitmentsHeading(), ...commitments)),
    section(notes.length ? t.notesHeading() : t.noNotes()),
    ...notes.map((n) => section(t.note(n.period, n.who, n.note))),
    ...(s.staffNotes.length > MAX_NOTES ? [context(t.moreNotes(s.staffNotes.length - MAX_NOTES))] : []),
    ...(s.feedback ? staffFeedbackBlocks(s.feedback) : []),
  ];
}

/** The ephemeral answer to `/mentorship status`. */
export function pairStatusMessage(s: PairStatus): { text: string; blocks: KnownBlock[] } {
  return { text: t.title(s.mentorName, s.menteeName), blocks: pairStatusBlocks(s) };
}

/** The same status in a modal (from the **Pair status** button). */
export function pairStatusModal(s: PairStatus): View {
  return {
    type: 'modal',
    callback_id: StaffIds.statusModal,
    title: plain(t.modalTitle()),
    close: plain(t.close()),
    blocks: pairStatusBlocks(s),
  };
}
