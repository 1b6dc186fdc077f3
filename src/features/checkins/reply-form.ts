import { CheckinIds } from './ids';
import type { ViewStateValues } from '../../slack/listener-args';
import { MAX_COMMITMENTS_PER_REPLY, type ReplyCandidate } from './reply-schemas';

const B = CheckinIds.block;

/**
 * Reads the reply modal's state as raw strings (validation is `validateReply`'s job).
 * `goalCount` comes from the pair, not from the form: a status missing from the form is an error.
 */
export function readReplyForm(values: ViewStateValues, goalCount: number): ReplyCandidate {
  const read = (blockId: string): string => {
    const state = values?.[blockId]?.[CheckinIds.inputAction];
    const raw = state?.value ?? state?.selected_date ?? state?.selected_option?.value ?? '';
    return typeof raw === 'string' ? raw : '';
  };
  const goals = Array.from({ length: goalCount }, (_, i) => ({
    status: read(B.goalStatus(i + 1)),
    note: read(B.goalNote(i + 1)),
  }));
  const nextSteps = Array.from({ length: MAX_COMMITMENTS_PER_REPLY }, (_, i) => {
    const row = i + 1;
    return {
      row,
      what: read(B.commitmentWhat(row)),
      ownerId: read(B.commitmentWho(row)),
      dueDay: read(B.commitmentBy(row)),
    };
  });
  return {
    met: read(B.met),
    goals,
    worked: read(B.worked),
    didNotWork: read(B.didNotWork),
    adaptation: read(B.adaptation),
    nextSteps,
    blockers: read(B.blockers),
    staffNote: read(B.staffNote),
  };
}

/** What the modal carries between Slack calls: the check-in, the next-step rows shown, where it was opened. */
export interface ReplyMetadata {
  checkinId: string;
  /** Next-step rows shown (1 to MAX_COMMITMENTS_PER_REPLY). */
  rows: number;
  /** The DM channel when the form was opened from a DM (a nudge), so the thank-you goes there. */
  dmChannel?: string;
}

/** The modal's private_metadata: which check-in it answers. */
export function replyMetadata(checkinId: string, rows = 1, dmChannel?: string): string {
  return JSON.stringify({ checkinId, rows, ...(dmChannel ? { dmChannel } : {}) });
}

export function readReplyMetadata(raw: string | undefined): ReplyMetadata | undefined {
  try {
    const parsed = JSON.parse(raw ?? '') as { checkinId?: unknown; rows?: unknown; dmChannel?: unknown };
    if (typeof parsed?.checkinId !== 'string') return undefined;
    const rows = typeof parsed.rows === 'number' ? parsed.rows : MAX_COMMITMENTS_PER_REPLY;
    return {
      checkinId: parsed.checkinId,
      rows: Math.min(Math.max(1, Math.floor(rows)), MAX_COMMITMENTS_PER_REPLY),
      ...(typeof parsed.dmChannel === 'string' ? { dmChannel: parsed.dmChannel } : {}),
    };
  } catch {
    return undefined;
  }
}

export function parseReplyMetadata(raw: string | undefined): string | undefined {
  return readReplyMetadata(raw)?.checkinId;
}
