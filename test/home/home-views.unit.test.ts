import type { KnownBlock } from '@slack/types';
import { HomeIds } from '../../src/features/home/ids';
import { homeButtons } from '../../src/features/home/sources';
import type { HomePairCard, ParticipantHome, StaffHome, StaffPairRow } from '../../src/features/home/types';
import { HOME_MAX_BLOCKS, homeView } from '../../src/features/home/views';
import { CheckinIds } from '../../src/features/checkins/ids';
import { StaffIds } from '../../src/features/staff';
import { checkView } from '../support/block-kit-limits';

const hex = (n: number) => n.toString(16).padStart(24, '0');
const AT = new Date('2026-12-08T14:00:00Z');

function card(n: number, over: Partial<HomePairCard> = {}): HomePairCard {
  return {
    pairId: hex(n),
    role: 'mentor',
    partnerId: `U0PART${String(n).padStart(4, '0')}`,
    channelId: `C0PAIR${String(n).padStart(4, '0')}`,
    status: 'active',
    startDate: '2026-12-01',
    endDate: '2027-05-31',
    partnerTime: {
      localTime: '16:05',
      tz: 'Africa/Tunis',
      hours: { startHour: 8, endHour: 17, days: [1, 2, 3, 4, 5] },
    },
    nextCheckinAt: AT,
    goals: [
      { goalId: hex(1000 + n), title: `Halve the fee ${n}`, statusLabel: 'in progress', live: true },
      { goalId: hex(2000 + n), title: 'Train the loan officers', statusLabel: 'achieved', live: false },
    ],
    commitments: [{ ownerId: 'U0ME000001', what: `Send the audit ${n}`, dueDay: '2026-12-15' }],
    moreCommitments: 0,
    outcomes: [{ story: 'The central bank halved its fee', figure: '50%' }],
    openCheckin: { checkinId: hex(3000 + n), period: 2 },
    ...over,
  };
}

const json = (v: unknown) => JSON.stringify(v);
const elementsOf = (blocks: KnownBlock[]) =>
  blocks.flatMap((b) => [
    ...((b as { elements?: Array<{ action_id?: string; value?: string }> }).elements ?? []),
    ...((b as { accessory?: { action_id?: string; value?: string } }).accessory
      ? [(b as { accessory: { action_id?: string; value?: string } }).accessory]
      : []),
  ]);

/** A participant's own clock: Dhaka, a Sunday–Thursday week. */
const OWN_TIME = { localTime: '16:00', tz: 'Asia/Dhaka', hours: { startHour: 9, endHour: 18, days: [7, 1, 2, 3, 4] } };

function staffHome(pairs: number, atRisk: number, ending: number): StaffHome {
  const row = (i: number, state: StaffPairRow['state']): StaffPairRow => ({
    pairId: hex(i),
    mentorId: `U0MR${String(i).padStart(6, '0')}`,
    menteeId: `U0ME${String(i).padStart(6, '0')}`,
    channelId: `C0P${String(i).padStart(7, '0')}`,
    state,
    reason: 'no reply from the mentee for 3 check-ins',
    endDate: '2026-12-20',
  });
  const attention = Array.from({ length: atRisk }, (_, i) => row(i, i % 2 ? 'needs_attention' : 'at_risk'));
  return {
    counts: {
      new: 0,
      on_track: pairs - atRisk,
      at_risk: Math.ceil(atRisk / 2),
      needs_attention: Math.floor(atRisk / 2),
      paused: 0,
      ended: 0,
    },
    total: pairs,
    attention,
    endingSoon: Array.from({ length: ending }, (_, i) => row(5000 + i, 'on_track')),
    feedbackDue: 7,
  };
}

describe('a participant', () => {
  test('in two pairs sees both, each with the partner, their local time, the next check-in, goals, next steps and buttons', () => {
    const home: ParticipantHome = {
      userId: 'U0ME000001',
      cards: [card(1), card(2, { role: 'mentee', feedbackDue: { point: 'one_month', label: 'one month in' } })],
    };
    const view = homeView({ participant: home, buttons: homeButtons });
    expect(checkView(view)).toBeNull();
    const s = json(view);
    expect(s).toContain('You are the *mentor* with <@U0PART0001> · <#C0PAIR0001>');
    expect(s).toContain('You are the *mentee* with <@U0PART0002> · <#C0PAIR0002>');
    expect(s).toContain('*16:05* in Africa/Tunis · works 08:00–17:00, Mon–Fri');
    expect(s).toContain(`<!date^${AT.getTime() / 1000}^{date_short_pretty} at {time}|`);
    expect(s).toContain('Halve the fee 2');
    expect(s).toContain('_in progress_');
    expect(s).toContain('Send the audit 1');
    expect(s).toContain('The central bank halved its fee (50%)');
    expect(s).toContain('Check-in #2 is waiting for your answer');
    expect(s).toContain('*Feedback due* (one month in)');
    const elements = elementsOf(view.blocks as KnownBlock[]);
    const replies = elements.filter((e) => e.action_id === CheckinIds.replyButton).map((e) => e.value);
    expect(replies).toEqual([hex(3001), hex(3002)]);
    expect(elements.filter((e) => e.action_id === HomeIds.pauseButton).map((e) => e.value)).toEqual([hex(1), hex(2)]);
    // Only live goals get an "Update" button.
    const goalButtons = elements.filter((e) => String(e.value ?? '').includes(hex(2001)));
    expect(goalButtons).toEqual([]);
    expect(elements.some((e) => String(e.value ?? '').includes(hex(1001)))).toBe(true);
  });

  test('a paused pair shows until when and a Resume button, no next check-in and no Pause', () => {
    const paused = card(1, { status: 'paused', pause: { untilDay: '2027-01-05' }, nextCheckinAt: undefined });
    const view = homeView({ participant: { userId: 'U0ME000001', cards: [paused] }, buttons: homeButtons });
    expect(checkView(view)).toBeNull();
    const s = json(view);
    expect(s).toMatch(/Paused until \*<!date\^\d+\^\{date_long\}\|Tuesday 5 January 2027>\*/);
    expect(s).toContain('_paused_');
    expect(s).not.toContain('Next check-in');
    const ids = elementsOf(view.blocks as KnownBlock[]).map((e) => e.action_id);
    expect(ids).toContain(HomeIds.resumeButton);
    expect(ids).not.toContain(HomeIds.pauseButton);
  });

  test('an ended pair comes last, in one short line, without buttons', () => {
    const ended = card(9, { status: 'ended', openCheckin: undefined, nextCheckinAt: undefined });
    const view = homeView({ participant: { userId: 'U0ME000001', cards: [ended, card(1)] }, buttons: homeButtons });
    expect(checkView(view)).toBeNull();
    const last = json(view.blocks.at(-1));
    expect(last).toContain('*Ended*');
    expect(last).toContain('Mentor with <@U0PART0009>');
    expect(json(view)).not.toContain(HomeIds.pairActions(hex(9)));
    expect(json(view.blocks.slice(0, 3))).toContain('<@U0PART0001>');
  });

  test('typed text is shown as text: no broadcast, mention or link from a goal, a next step, an outcome', () => {
    const evil = card(1, {
      partnerOrganisation: '<!channel> Fin & Co <@U0BOSS0001>',
      partnerCountry: 'Bangladesh <https://evil.example>',
      goals: [{ goalId: hex(7), title: '<!channel> Halve & <@U0BOSS0001>', statusLabel: 'not started', live: true }],
      commitments: [{ ownerId: 'U0ME000001', what: '<https://evil.example|click> <!here>', dueDay: '2026-12-15' }],
      outcomes: [{ story: 'Org <b> & co <!everyone>', figure: '<#C0SECRET1>' }],
    });
    const s = json(homeView({ participant: { userId: 'U0ME000001', cards: [evil] }, buttons: homeButtons }));
    for (const live of [
      '<!channel>',
      '<@U0BOSS0001>',
      '<https://evil',
      '<!here>',
      '<!everyone>',
      '<#C0SECRET1>',
      '<b>',
    ])
      expect(s).not.toContain(live);
    expect(s).toContain('&lt;!channel&gt; Halve &amp; &lt;@U0BOSS0001&gt;');
    expect(s).toContain('&lt;https://evil.example|click&gt;');
    expect(s).toContain(
      ':office: &lt;!channel&gt; Fin &amp; Co &lt;@U0BOSS0001&gt;, Bangladesh &lt;https://evil.example&gt;',
    );
  });

  test('someone in no pair is told they are not paired yet', () => {
    const view = homeView({ participant: { userId: 'U0NOBODY01', cards: [] }, buttons: homeButtons });
    expect(json(view)).toContain('You are not in a mentoring pair yet');
    expect(json(view)).not.toContain('Program at a glance');
  });

  test('forty pairs with five goals each fit in 100 blocks, the rest summarised in one line', () => {
    const goals = Array.from({ length: 5 }, (_, i) => ({
      goalId: hex(900 + i),
      title: `${i} ${'g'.repeat(140)}`,
      statusLabel: 'in progress',
      live: true,
    }));
    const cards = Array.from({ length: 40 }, (_, i) => card(i + 1, { goals }));
    const view = homeView({ participant: { userId: 'U0ME000001', ownTime: OWN_TIME, cards }, buttons: homeButtons });
    expect(view.blocks.length).toBeLessThanOrEqual(HOME_MAX_BLOCKS);
    expect(checkView(view)).toBeNull();
    expect(json(view)).toMatch(/…and \d+ more mentorships/);
    // The person's own hours come first, with the button that opens the hours form.
    expect(json(view.blocks[1])).toContain(
      'Your time: *16:00* in Asia/Dhaka · you work 09:00–18:00, Mon, Tue, Wed, Thu, Sun',
    );
    expect(elementsOf([view.blocks[1]] as KnownBlock[]).map((e) => e.action_id)).toEqual([HomeIds.changeHoursButton]);
  });
});

describe('a staff member', () => {
  test('sees pairs by health, feedback due, pairs ending soon, the digest button and a Pair status button per pair to look at', () => {
    const view = homeView({
      participant: { userId: 'U0STAFF001', cards: [] },
      staff: staffHome(12, 3, 2),
      buttons: homeButtons,
    });
    expect(checkView(view)).toBeNull();
    const s = json(view);
    expect(s).toContain('Program at a glance');
    expect(s).toContain('*12 live pairs*: At risk: 2 · Needs attention: 1 · On track: 9');
    expect(s).toContain('Feedback due: *7 requests* not answered yet');
    expect(s).toContain('Ending within 30 days');
    expect(s).toContain('…and 9 more pairs on track or new');
    const elements = elementsOf(view.blocks as KnownBlock[]);
    expect(elements.filter((e) => e.action_id === StaffIds.statusButton).map((e) => e.value)).toEqual([
      hex(0),
      hex(1),
      hex(2),
    ]);
    expect(elements.some((e) => e.action_id === HomeIds.digestPreviewButton)).toBe(true);
    expect(s).not.toContain('You are not in a mentoring pair yet');
  });

  test('with 2,000 pairs, 600 of them to look at and 300 ending, the tab stays within 100 blocks', () => {
    const view = homeView({
      participant: { userId: 'U0STAFF001', cards: [] },
      staff: staffHome(2000, 600, 300),
      buttons: homeButtons,
    });
    expect(view.blocks.length).toBeLessThanOrEqual(HOME_MAX_BLOCKS);
    expect(checkView(view)).toBeNull();
    const s = json(view);
    expect(s).toMatch(/…and 570 more pairs needing attention or at risk — `\/mentorship list`/);
    expect(s).toContain('…and 1400 more pairs on track or new');
    expect(s).toContain('…and 285 more pairs ending soon');
  });

  test('a staff member in twenty pairs sees both their own and the program, within 100 blocks', () => {
    const cards = Array.from({ length: 20 }, (_, i) => card(i + 1));
    const view = homeView({
      participant: { userId: 'U0STAFF001', ownTime: OWN_TIME, cards },
      staff: staffHome(2000, 600, 300),
      buttons: homeButtons,
    });
    expect(view.blocks.length).toBeLessThanOrEqual(HOME_MAX_BLOCKS);
    expect(checkView(view)).toBeNull();
    const s = json(view);
    expect(s).toContain('Your mentorships');
    expect(s).toContain('Program at a glance');
    expect(s).toContain('<@U0PART0001>');
  });
});
