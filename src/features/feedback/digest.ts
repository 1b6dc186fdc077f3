import type { KnownBlock } from '@slack/types';
import { section } from '../../slack/blocks';
import { lines } from '../../slack/mrkdwn';
import { staffText } from './messages';
import { FeedbackResponseModel, type FeedbackResponse } from './model';
import { feedbackDueCountOfTeam } from './requests';
import { totalsOf } from './staff-reads';
import { totalsLines } from './views';

/**
 * The weekly digest's feedback part: how many forms were given and are still open, and the
 * program-wide totals of the answers counted only in totals (a figure only from 5 answers on).
 * Never one person's answer.
 */
export async function feedbackDigestFacts(
  teamId: string,
  now: Date,
): Promise<{ text: string; blocks: KnownBlock[] } | undefined> {
  const responses = await FeedbackResponseModel.find({ teamId }).lean<FeedbackResponse[]>();
  const due = await feedbackDueCountOfTeam(teamId, now);
  if (responses.length === 0 && due === 0) return undefined;
  const body = lines(
    staffText.digestLine(responses.length, due),
    staffText.totalsHeading(),
    ...totalsLines(totalsOf(responses)),
  );
  return { text: body.text.slice(0, 3000), blocks: [section(body)] };
}
