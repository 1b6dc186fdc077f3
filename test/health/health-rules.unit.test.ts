import {
  HEALTH_LABELS,
  type CheckinFact,
  type HealthFacts,
  healthOf,
  healthReasonText,
} from '../../src/features/health';

const DAY = 86_400_000;
const now = new Date('2027-03-15T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
const MENTOR = 'UMENTOR';
const MENTEE = 'UMENTEE';
const BOTH = [MENTOR, MENTEE];

/** Weekly check-ins, the newest posted `newestDaysAgo` days ago; `replies[i]` answered check-in i+1. */
function weekly(replies: string[][], newestDaysAgo = 1, period = 7): CheckinFact[] {
  return replies.map((repliedBy, i) => {
    const at = daysAgo(newestDaysAgo + (replies.length - 1 - i) * period);
    return { period: i + 1, dueAt: at, postedAt: at, repliedBy };
  });
}

/** A healthy weekly pair, 60 days old: both answer, a meeting two days ago, a reply yesterday. */
function facts(over: Partial<HealthFacts> = {}): HealthFacts {
  return {
    pairId: 'p1',
    status: 'active',
    createdAt: daysAgo(60),
    cadence: 'weekly',
    mentorId: MENTOR,
    menteeId: MENTEE,
    startDate: '2027-01-10',
    endDate: '2027-09-30',
    lastActivityAt: daysAgo(1),
    checkins: weekly([BOTH, BOTH, BOTH, BOTH, BOTH]),
    lastReply: { at: daysAgo(1), userId: MENTEE },
    lastMeetingAt: daysAgo(2),
    openOverdue: [],
    ...over,
  };
}

const texts = (f: HealthFacts) => healthOf(f, now).reasons.map(healthReasonText);

describe('pair health: on track, paused, ended', () => {
  test('a pair that answers and meets is on track, with its last reply, meeting and end day', () => {
    expect(healthOf(facts(), now)).toEqual({
      pairId: 'p1',
      state: 'on_track',
      reasons: [],
      lastReplyAt: daysAgo(1),
      lastReplyBy: 'mentee',
      lastMeetingAt: daysAgo(2),
      endsOn: '2027-09-30',
    });
  });

  test('paused overrides everything, with until when and why', () => {
    const h = healthOf(
      facts({
        status: 'paused',
        pause: { since: daysAgo(40), until: new Date('2027-04-01T00:00:00Z'), reason: 'parental leave' },
        lastActivityAt: daysAgo(40),
        lastMeetingAt: daysAgo(45),
        checkins: weekly([[], [], [], []], 41),
      }),
      now,
    );
    expect(h).toMatchObject({
      state: 'paused',
      reasons: [],
      pausedUntil: new Date('2027-04-01T00:00:00Z'),
      pauseReason: 'parental leave',
    });
  });

  test('ended overrides everything', () => {
    const h = healthOf(facts({ status: 'ended', lastActivityAt: daysAgo(90), checkins: weekly([[], [], []]) }), now);
    expect(h.state).toBe('ended');
    expect(h.reasons).toEqual([]);
  });

  test('labels read as staff say them', () => {
    expect(Object.values(HEALTH_LABELS)).toEqual(['New', 'On track', 'Needs attention', 'At risk', 'Paused', 'Ended']);
  });
});

describe('pair health: new', () => {
  const silentNew = (createdDaysAgo: number) =>
    facts({
      createdAt: daysAgo(createdDaysAgo),
      startDate: undefined,
      lastActivityAt: daysAgo(createdDaysAgo - 1),
      lastReply: undefined,
      lastMeetingAt: undefined,
      checkins: weekly([[], [], []], createdDaysAgo - 15),
    });

  test('created 20 days ago it is new even with two missed check-ins; at 21 days those count', () => {
    expect(healthOf(silentNew(20), now)).toMatchObject({ state: 'new', reasons: [] });
    expect(healthOf(silentNew(21), now).state).toBe('needs_attention');
    expect(texts(silentNew(21))).toContain('no reply from either side for 2 check-ins');
  });

  test('an old pair is new until its second check-in is posted', () => {
    const old = { createdAt: daysAgo(50), lastActivityAt: daysAgo(3), lastMeetingAt: undefined };
    expect(healthOf(facts({ ...old, checkins: weekly([[]], 3) }), now).state).toBe('new');
    expect(healthOf(facts({ ...old, checkins: [] }), now).state).toBe('new');
    expect(healthOf(facts({ ...old, checkins: weekly([[], []], 3) }), now).state).not.toBe('new');
  });

  test('a pair still being set up is new', () => {
    expect(healthOf(facts({ status: 'setting_up' }), now).state).toBe('new');
  });
});

describe('pair health: check-ins', () => {
  test('one missed check-in (neither replied) needs attention', () => {
    const f = facts({ checkins: weekly([BOTH, BOTH, BOTH, [], BOTH], 1) });
    expect(healthOf(f, now).state).toBe('on_track'); // answered since, in the open check-in
    const missed = facts({ checkins: weekly([BOTH, BOTH, BOTH, BOTH, []], 8) });
    expect(healthOf(missed, now).state).toBe('needs_attention');
    expect(texts(missed)).toEqual(['no reply from either side for 1 check-in']);
  });

  test('the open check-in is not missed: only once the next is posted or a period has passed', () => {
    const posted = (n: number) => facts({ checkins: weekly([BOTH, BOTH, BOTH, BOTH, []], n) });
    expect(healthOf(posted(6), now).state).toBe('on_track');
    expect(healthOf(posted(7), now).state).toBe('needs_attention');
    // The next one posted: the previous one is over, even within its week.
    const next = facts({ checkins: weekly([BOTH, BOTH, BOTH, [], []], 0.5, 3) });
    expect(texts(next)).toEqual(['no reply from either side for 1 check-in']);
  });

  test('three missed check-ins in a row put the pair at risk; two need attention', () => {
    const two = facts({ checkins: weekly([BOTH, BOTH, BOTH, [], [], []], 1) });
    expect(healthOf(two, now).state).toBe('needs_attention');
    const three = facts({ checkins: weekly([BOTH, BOTH, [], [], [], []], 1) });
    expect(healthOf(three, now).state).toBe('at_risk');
    expect(texts(three)[0]).toBe('no reply from either side for 3 check-ins');
  });

  test('the same side silent twice in a row needs attention, and the reason names that side', () => {
    const once = facts({ checkins: weekly([BOTH, BOTH, BOTH, BOTH, [MENTOR]], 8) });
    expect(healthOf(once, now).state).toBe('on_track');
    const mentee = facts({ checkins: weekly([BOTH, BOTH, BOTH, [MENTOR], [MENTOR]], 8) });
    expect(healthOf(mentee, now).state).toBe('needs_attention');
    expect(texts(mentee)).toEqual(['no reply from the mentee for 2 check-ins']);
    const mentor = facts({ checkins: weekly([BOTH, BOTH, [MENTEE], [MENTEE], [MENTEE]], 8) });
    expect(texts(mentor)).toEqual(['no reply from the mentor for 3 check-ins']);
    // Three in a row from one side: at risk, as the at-risk alert to staff counts it.
    expect(healthOf(mentor, now).state).toBe('at_risk');
    // The open check-in answered by the mentor only: the mentee's silence goes on.
    const open = facts({ checkins: weekly([BOTH, BOTH, BOTH, [MENTOR], [MENTOR], [MENTOR]], 1) });
    expect(texts(open)).toEqual(['no reply from the mentee for 2 check-ins']);
  });

  test('a side silent longer than the missed check-ins is named as well', () => {
    const f = facts({ checkins: weekly([BOTH, [MENTOR], [MENTOR], [MENTOR], []], 8) });
    // Four from the mentee puts the pair at risk: that reason comes first.
    expect(texts(f)).toEqual(['no reply from the mentee for 4 check-ins', 'no reply from either side for 1 check-in']);
    expect(healthOf(f, now).state).toBe('at_risk');
  });
});

describe('pair health: paused weeks never count', () => {
  // Check-in 4 was posted, the pair paused before answering it, and came back 5 weeks later.
  const back = (kind: 'welcome_back' | 'regular') => {
    const checkins = weekly([BOTH, BOTH, BOTH, []], 45);
    checkins.push({ period: 5, kind, dueAt: daysAgo(3), postedAt: daysAgo(3), repliedBy: [] });
    return facts({ checkins, lastActivityAt: daysAgo(3), lastMeetingAt: daysAgo(46) });
  };

  test('the check-in a pause interrupted is no miss, and the meeting clock restarts on return', () => {
    expect(healthOf(back('welcome_back'), now)).toMatchObject({ state: 'on_track', reasons: [] });
  });

  test('without the pause the same history is a miss and 46 days without a meeting', () => {
    expect(texts(back('regular'))).toEqual([
      'no meeting reported for 46 days',
      'no reply from either side for 1 check-in',
    ]);
  });

  test('a reply to the interrupted check-in still ends a silence', () => {
    const checkins = weekly([BOTH, [MENTOR], [MENTOR], [MENTEE]], 45);
    checkins.push({ period: 5, kind: 'welcome_back', dueAt: daysAgo(10), postedAt: daysAgo(10), repliedBy: [MENTOR] });
    checkins.push({ period: 6, dueAt: daysAgo(3), postedAt: daysAgo(3), repliedBy: BOTH });
    expect(healthOf(facts({ checkins }), now).state).toBe('on_track');
  });
});

describe('pair health: days without a reply or a meeting', () => {
  test('21 days without a reply from either side is at risk; 20 is not', () => {
    expect(healthOf(facts({ lastActivityAt: daysAgo(20) }), now).state).toBe('on_track');
    const silent = facts({ lastActivityAt: daysAgo(21) });
    expect(healthOf(silent, now).state).toBe('at_risk');
    expect(texts(silent)).toEqual(['no reply from either side for 21 days']);
  });

  test('no meeting for 14 days needs attention, 30 puts the pair at risk', () => {
    const meeting = (d: number) => facts({ lastMeetingAt: daysAgo(d) });
    expect(healthOf(meeting(13), now).state).toBe('on_track');
    expect(healthOf(meeting(14), now).state).toBe('needs_attention');
    expect(texts(meeting(14))).toEqual(['no meeting reported for 14 days']);
    expect(healthOf(meeting(29), now).state).toBe('needs_attention');
    expect(healthOf(meeting(30), now).state).toBe('at_risk');
    expect(texts(meeting(30))).toEqual(['no meeting reported for 30 days']);
  });

  test('pairs meeting every two weeks need attention after 21 days without a meeting, not 14', () => {
    const meeting = (d: number) => facts({ cadence: 'biweekly', lastMeetingAt: daysAgo(d) });
    expect(healthOf(meeting(20), now).state).toBe('on_track');
    expect(texts(meeting(21))).toEqual(['no meeting reported for 21 days']);
    expect(healthOf(meeting(30), now).state).toBe('at_risk');
  });

  test('days away never count as silence or as days without a meeting: a month of leave keeps the pair on track', () => {
    // now is 2027-03-15; the mentee was away 2027-02-13 to 2027-03-12 (28 days), and nothing was
    // heard or met for 31 days: 3 days counted on each rule.
    const away = [{ from: '2027-02-13', until: '2027-03-12' }];
    const onLeave = facts({ lastActivityAt: daysAgo(31), lastMeetingAt: daysAgo(31), away });
    expect(healthOf(onLeave, now).state).toBe('on_track');
    // Without the time away the same pair is at risk on both rules.
    expect(texts({ ...onLeave, away: [] })).toEqual([
      'no reply from either side for 31 days',
      'no meeting reported for 31 days',
    ]);
    // Back for two weeks and still nothing: the days since the return count.
    const back = facts({ lastActivityAt: daysAgo(45), lastMeetingAt: daysAgo(45), away });
    expect(texts(back)).toEqual(['no meeting reported for 17 days']);
  });

  test('no meeting ever reported counts from the start of the program', () => {
    const never = facts({ lastMeetingAt: undefined, createdAt: daysAgo(40), startDate: '2027-02-27' });
    expect(texts(never)).toEqual(['no meeting reported for 16 days']);
  });
});

describe('pair health: commitments', () => {
  const overdue = (cadence: 'weekly' | 'biweekly', daysLate: number, owners = [MENTEE]) =>
    facts({
      cadence,
      checkins: weekly([BOTH, BOTH, BOTH], 1, cadence === 'weekly' ? 7 : 14),
      openOverdue: owners.map((ownerId) => ({
        ownerId,
        dueDay: new Date(now.getTime() - daysLate * DAY).toISOString().slice(0, 10),
      })),
    });

  test('overdue for more than one check-in period (a week when weekly) needs attention', () => {
    expect(healthOf(overdue('weekly', 7), now).state).toBe('on_track');
    expect(healthOf(overdue('weekly', 8), now).state).toBe('needs_attention');
    expect(texts(overdue('weekly', 8))).toEqual(['1 commitment overdue for more than a check-in period (the mentee)']);
  });

  test('two weeks when biweekly, and both sides named when both are late', () => {
    expect(healthOf(overdue('biweekly', 14), now).state).toBe('on_track');
    expect(texts(overdue('biweekly', 15, [MENTOR, MENTEE]))).toEqual([
      '2 commitments overdue for more than a check-in period (mentor and mentee)',
    ]);
  });
});

test('an at-risk pair lists its at-risk reasons first', () => {
  const f = facts({
    checkins: weekly([BOTH, [], [], []], 8),
    lastActivityAt: daysAgo(24),
    lastMeetingAt: daysAgo(20),
    openOverdue: [{ ownerId: MENTOR, dueDay: '2027-02-01' }],
  });
  expect(healthOf(f, now).state).toBe('at_risk');
  expect(texts(f)).toEqual([
    'no reply from either side for 3 check-ins',
    'no reply from either side for 24 days',
    'no meeting reported for 20 days',
    '1 commitment overdue for more than a check-in period (the mentor)',
  ]);
});
