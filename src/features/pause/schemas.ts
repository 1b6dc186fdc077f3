import { z } from 'zod';
import { addDays, isIsoDay } from '../../lib/time';
import { fromCommandText } from '../../slack/mrkdwn';
import { DEFAULT_PAUSE_DAYS, MAX_PAUSE_DAYS, MAX_REASON_LENGTH } from './limits';
import { text } from './messages';

export interface PauseRequest {
  /** The mentee-local day on which the pause ends (at 00:00 in the mentee's time zone). */
  untilDay: string;
  reason: string;
}

/**
 * `/mentorship pause [2w|10d|until YYYY-MM-DD] [reason]`, read against `today` (the mentee's
 * calendar day): a duration of 1 to 90 days (default two weeks), or an end day in the future and
 * at most 90 days away; whatever follows is the reason.
 */
export function pauseArgsSchema(today: string) {
  const latest = addDays(today, MAX_PAUSE_DAYS);
  return z
    .string()
    .trim()
    .transform((rest, ctx): PauseRequest => {
      const words = rest.split(/\s+/).filter(Boolean);
      const first = (words[0] ?? '').toLowerCase();
      let untilDay = addDays(today, DEFAULT_PAUSE_DAYS);
      let reasonWords = words;
      const duration = /^(\d{1,4})([dw])$/.exec(first);
      if (duration) {
        const days = Number(duration[1]) * (duration[2] === 'w' ? 7 : 1);
        if (days < 1 || days > MAX_PAUSE_DAYS) {
          ctx.addIssue({ code: 'custom', message: text.lengthOutOfRange(MAX_PAUSE_DAYS) });
          return z.NEVER;
        }
        untilDay = addDays(today, days);
        reasonWords = words.slice(1);
      } else if (first === 'until') {
        const day = words[1] ?? '';
        if (!isIsoDay(day)) {
          ctx.addIssue({ code: 'custom', message: text.badEndDate() });
          return z.NEVER;
        }
        if (day <= today) {
          ctx.addIssue({ code: 'custom', message: text.endDateInPast() });
          return z.NEVER;
        }
        if (day > latest) {
          ctx.addIssue({ code: 'custom', message: text.endDateTooLate(MAX_PAUSE_DAYS, latest) });
          return z.NEVER;
        }
        untilDay = day;
        reasonWords = words.slice(2);
      } else if (/^[-+]?\d/.test(first)) {
        // "3 months", "-2w", "2027-01-15" without "until": a length we do not understand.
        ctx.addIssue({ code: 'custom', message: text.lengthNotUnderstood() });
        return z.NEVER;
      }
      // Stored as the person read it; escaped again, once, wherever it is shown.
      const reason = fromCommandText(reasonWords.join(' '));
      if (reason.length > MAX_REASON_LENGTH) {
        ctx.addIssue({ code: 'custom', message: text.reasonTooLong(MAX_REASON_LENGTH) });
        return z.NEVER;
      }
      return { untilDay, reason };
    });
}

/** The value of a nudge's pause-offer button: "<pairId>:1w", "<pairId>:2w" or "<pairId>:4w". */
export const pauseOfferValueSchema = z
  .string()
  .regex(/^[a-f0-9]{24}:[124]w$/)
  .transform((value) => {
    const [pairId, length] = value.split(':');
    return { pairId, days: Number(length[0]) * 7 };
  });
