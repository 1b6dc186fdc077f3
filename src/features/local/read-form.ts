import { LocalIds } from './ids';
import type { ViewStateValues } from '../../slack/listener-args';
import { hoursFormSchema, type HoursForm } from './schemas';
import { UserFacingError } from '../../slack/errors';
import { text } from './messages';

const B = LocalIds.block;
const A = LocalIds.inputAction;

const selected = (values: ViewStateValues, block: string) => values[block]?.[A]?.selected_option?.value;
const hourOf = (values: ViewStateValues, block: string) => {
  const v = selected(values, block);
  return v === undefined ? undefined : Number(v);
};

/** The hours modal's values as a form; the temporary change all or nothing (a field error otherwise). */
export function readHoursForm(values: ViewStateValues): HoursForm {
  const days = (values[B.days]?.[A]?.selected_options ?? []).map((o) => Number(o.value));
  const tStart = hourOf(values, B.temporaryStart);
  const tEnd = hourOf(values, B.temporaryEnd);
  const until = values[B.temporaryUntil]?.[A]?.selected_date ?? undefined;
  const given = [tStart, tEnd, until].filter((v) => v !== undefined && v !== null);
  if (given.length > 0 && given.length < 3) {
    const missing = tStart === undefined ? B.temporaryStart : tEnd === undefined ? B.temporaryEnd : B.temporaryUntil;
    throw new UserFacingError(text.temporaryIncomplete(), { [missing]: text.temporaryIncomplete() });
  }
  const parsed = hoursFormSchema.safeParse({
    days,
    startHour: hourOf(values, B.start),
    endHour: hourOf(values, B.end),
    temporary: given.length === 3 ? { startHour: tStart, endHour: tEnd, until } : null,
  });
  if (!parsed.success) throw new UserFacingError(text.noDays(), { [B.days]: text.noDays() });
  return parsed.data;
}
