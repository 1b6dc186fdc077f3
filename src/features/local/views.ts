import type { KnownBlock, PlainTextOption, View } from '@slack/types';
import { context, message, plain, section } from '../../slack/blocks';
import { slackDay } from '../../slack/dates';
import { lines, type Mrkdwn } from '../../slack/mrkdwn';
import type { ProgramDayOff } from '../../pairs/days-off-model';
import { LocalIds } from './ids';
import { text } from './messages';
import type { HoursOverview } from './service';

const B = LocalIds.block;
const A = LocalIds.inputAction;

/** What `/mentorship hours` answers: the person's days, hours, country, a temporary change and next days off. */
export function hoursMessage(o: HoursOverview): { text: string; blocks: KnownBlock[] } {
  const parts: Mrkdwn[] = [text.hoursSummary(o.days, o.startHour, o.endHour, o.countryName)];
  if (o.temporary)
    parts.push(text.temporarySummary(o.temporary.startHour, o.temporary.endHour, slackDay(o.temporary.until)));
  const upcoming =
    o.upcoming.length > 0
      ? lines(text.upcomingHeading(), ...o.upcoming.map((u) => text.upcomingDay(slackDay(u.day), u.name, u.estimated)))
      : text.noUpcoming();
  const summary = lines(...parts);
  return message(summary, [section(summary), section(upcoming), context(text.howToChange())]);
}

/** The staff list of program days off. */
export function daysOffMessage(entries: ProgramDayOff[]): { text: string; blocks: KnownBlock[] } {
  if (entries.length === 0) return message(text.noDaysOff());
  const all = lines(
    text.daysOffHeading(),
    ...entries.map((e) => text.daysOffLine(slackDay(e.day), e.country, e.kind as 'off' | 'working', e.name ?? '')),
  );
  return message(all);
}

const hourOption = (h: number): PlainTextOption => ({ text: plain(text.hourLabel(h)), value: String(h) });
const START_HOURS = Array.from({ length: 24 }, (_, h) => h);
const END_HOURS = Array.from({ length: 24 }, (_, h) => h + 1);
/** Monday first, as most calendars show the week. */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

function hourSelect(blockId: string, label: string, hours: number[], initial: number | undefined, optional: boolean) {
  return {
    type: 'input',
    block_id: blockId,
    optional,
    label: plain(label),
    element: {
      type: 'static_select',
      action_id: A,
      options: hours.map(hourOption),
      ...(initial !== undefined ? { initial_option: hourOption(initial) } : {}),
    },
  } as KnownBlock;
}

/** The `/mentorship hours` modal, filled with the person's current settings. */
export function hoursModal(o: HoursOverview): View {
  const dayOption = (d: number): PlainTextOption => ({ text: plain(text.weekday(d)), value: String(d) });
  return {
    type: 'modal',
    callback_id: LocalIds.hoursModal,
    title: plain(text.modalTitle()),
    submit: plain(text.modalSave()),
    close: plain(text.modalCancel()),
    blocks: [
      {
        type: 'input',
        block_id: B.days,
        label: plain(text.daysLabel()),
        element: {
          type: 'checkboxes',
          action_id: A,
          options: WEEKDAYS.map(dayOption),
          ...(o.days.length > 0 ? { initial_options: WEEKDAYS.filter((d) => o.days.includes(d)).map(dayOption) } : {}),
        },
      } as KnownBlock,
      hourSelect(B.start, text.startLabel(), START_HOURS, o.startHour, false),
      hourSelect(B.end, text.endLabel(), END_HOURS, o.endHour, false),
      section(text.temporaryHeading()),
      hourSelect(B.temporaryStart, text.temporaryStartLabel(), START_HOURS, o.temporary?.startHour, true),
      hourSelect(B.temporaryEnd, text.temporaryEndLabel(), END_HOURS, o.temporary?.endHour, true),
      {
        type: 'input',
        block_id: B.temporaryUntil,
        optional: true,
        label: plain(text.temporaryUntilLabel()),
        element: {
          type: 'datepicker',
          action_id: A,
          ...(o.temporary ? { initial_date: o.temporary.until } : {}),
        },
      } as KnownBlock,
    ],
  };
}
