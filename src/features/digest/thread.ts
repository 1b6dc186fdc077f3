import { feedbackDigestFacts } from '../feedback';
import type { DigestFacts } from './facts';
import { digestThreadMessages, type ThreadMessage } from './thread-views';

/**
 * The digest's thread, as posted each week and as previewed: the pairs' messages, then the
 * feedback part (counts and program-wide totals only, never one person's answer).
 */
export async function digestThread(facts: DigestFacts, teamId: string, now: Date): Promise<ThreadMessage[]> {
  const feedback = await feedbackDigestFacts(teamId, now);
  return [...digestThreadMessages(facts), ...(feedback ? [feedback] : [])];
}
