import { z } from 'zod';
import { addDays, isIsoDay } from '../../lib/time';
import { fromCommandText } from '../../slack/mrkdwn';
import { text } from './messages';

/** The longest time away one command sets, in days (leave, a long journey). */
export const MAX_AWAY_DAYS = 180;
export const MAX_AWAY_REASON_LENGTH = 200;

export interface AwayRequest {
  /** The first and the last local day away (both included, "YYYY-MM-DD"). */
  from: string;
  until: string;
  reason: string;
}

/**
 * The dates of `/mentorship away <dates> [reason]`, read against `today` (the away person's
 * calendar day): `2026-12-20..2027-01-05`, a single day `2026-12-24`, `until 2027-01-05` (from
 * today) or a length from today, `2w` or `10d` (as for `/mentorship pause`). Whatever follows is
 * the reason.
 */
export function awayArgsSchema(today: string) {
  return z
    .string()
    .trim()
    .transform((rest, ctx): AwayRequest => {
      const fail = (message: string) => {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      };
      const words = rest.split(/\s+/).filter(Boolean);
      const first = (words[0] ?? '').toLowerCase();
      let from = today;
      let until: string;
      let reasonWords: string[];
      const range = /^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$/.exec(first);
      const length = /^(\d{1,4})([dw])$/.exec(first);
      if (range) {
        if (!isIsoDay(range[1]) || (range[2] !== undefined && !isIsoDay(range[2]))) return fail(text.notADay());
        from = range[1];
        until = range[2] ?? range[1];
        reasonWords = words.slice(1);
      } else if (first === 'until') {
        const day = words[1] ?? '';
        if (!isIsoDay(day)) return fail(text.notADay());
        until = day;
        reasonWords = words.slice(2);
      } else if (length) {
        const days = Number(length[1]) * (length[2] === 'w' ? 7 : 1);
        if (days < 1) return fail(text.tooLong(MAX_AWAY_DAYS));
        until = addDays(today, days - 1);
        reasonWords = words.slice(1);
      } else {
        return fail(text.datesMissing());
      }
      if (from < today) return fail(text.startInPast());
      if (until < from) return fail(text.endBeforeStart());
      if (until > addDays(from, MAX_AWAY_DAYS - 1)) return fail(text.tooLong(MAX_AWAY_DAYS));
      // Stored as the person read it; escaped again, once, wherever it is shown.
      const reason = fromCommandText(reasonWords.join(' '));
      if (reason.length > MAX_AWAY_REASON_LENGTH) return fail(text.reasonTooLong(MAX_AWAY_REASON_LENGTH));
      return { from, until, reason };
    });
}
