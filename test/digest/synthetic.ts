import { Types } from 'mongoose';
import type { HealthState, PairHealth } from '../../src/features/health';
import { type DigestFacts, digestFacts } from '../../src/features/digest/facts';
import type { DigestInput, DigestPair } from '../../src/features/digest/reads';

/**
 * A program of `count` pairs as the digest's reads would return it, made in memory for the pure
 * views: every state, long and hostile names (mrkdwn control characters), reasons, staff notes.
 */

export const NOW = new Date('2027-03-15T08:00:00Z');
const DAY = 86_400_000;

/** The state of pair i: 10% at risk, 20% needs attention, 5% new, 10% paused, the rest on track. */
export function stateOf(i: number): HealthState {
  const k = i % 20;
  if (k < 2) return 'at_risk';
  if (k < 6) return 'needs_attention';
  if (k === 6) return 'new';
  if (k < 9) return 'paused';
  return 'on_track';
}

export function syntheticInput(count: number, opts: { longNames?: boolean } = {}): DigestInput {
  const pairs: DigestPair[] = [];
  const names = new Map<string, string>();
  const health = new Map<string, PairHealth>();
  for (let i = 0; i < count; i++) {
    const _id = new Types.ObjectId();
    const pairId = String(_id);
    const mentor = `UMR${String(i).padStart(7, '0')}`;
    const mentee = `UME${String(i).padStart(7, '0')}`;
    const state = stateOf(i);
    pairs.push({
      _id,
      teamId: 'T1',
      status: state === 'paused' ? 'paused' : 'active',
      createdAt: new Date(NOW.getTime() - 200 * DAY),
      cadence: 'weekly',
      mentor: { userId: mentor, organisation: 'ASAE', country: 'United States' },
      mentee: {
        userId: mentee,
        organisation: i % 7 === 0 ? `=HYPERLINK("x") <b> & Co ${i}` : `Association ${i}`,
        country: 'Bangladesh',
      },
      startDate: '2026-09-01',
      endDate: i % 50 === 0 ? '2027-04-01' : '2027-09-30',
      channel: { id: `C${String(i).padStart(8, '0')}`, name: `mentorship-pair-${i}` },
      schedule: { nextCheckinAt: new Date(NOW.getTime() + 2 * DAY), nextKind: 'regular' },
      ...(state === 'paused' ? { pause: { until: new Date(NOW.getTime() + (i % 3) * 5 * DAY), reason: 'exams' } } : {}),
      lastActivityAt: new Date(NOW.getTime() - (i % 30) * DAY),
    } as DigestPair);
    const long = opts.longNames ? 'x'.repeat(200) : '';
    names.set(mentor, `Mentor ${i}${long}`);
    names.set(mentee, i % 11 === 0 ? `<!channel> Mentee ${i} & <@U123>` : `Mentee ${i}${long}`);
    health.set(pairId, {
      pairId,
      state,
      reasons:
        state === 'at_risk'
          ? [
              { code: 'missed_checkins', side: 'both', count: 3 },
              { code: 'no_meeting', days: 35 },
            ]
          : state === 'needs_attention'
            ? [{ code: 'missed_checkins', side: 'mentee', count: 2 }]
            : [],
      lastReplyAt: i % 13 === 0 ? undefined : new Date(NOW.getTime() - (i % 30) * DAY),
    });
  }
  const checkins = pairs.flatMap((p, i) =>
    Array.from({ length: 12 }, (_, w) => ({
      pairId: String(p._id),
      period: 12 - w,
      kind: 'regular' as const,
      dueAt: new Date(NOW.getTime() - (w * 7 + 1) * DAY),
      postedAt: new Date(NOW.getTime() - (w * 7 + 1) * DAY),
      repliedBy: [(i + w) % 3 !== 0 ? p.mentor.userId : '', (i + w) % 4 !== 0 ? p.mentee.userId : ''].filter(Boolean),
    })),
  );
  const replies = pairs.flatMap((p, i) =>
    i % 5 === 0
      ? [
          {
            pairId: String(p._id),
            userId: p.mentee.userId,
            period: 12,
            met: 'yes',
            submittedAt: new Date(NOW.getTime() - DAY),
            goals: [{ goalId: 'g1', status: i % 10 === 0 ? 'achieved' : 'some_progress' }],
            hasStaffNote: i % 15 === 0,
          },
        ]
      : [],
  );
  return { pairs, names, health, checkins, replies, commitments: [] };
}

export function syntheticFacts(count: number, opts: { longNames?: boolean } = {}): DigestFacts {
  return digestFacts('T1', syntheticInput(count, opts), NOW, { timeZone: 'Europe/Brussels', weekKey: '2027-03-15' });
}
