import { nextAllowedDmTime, previousWorkingDay, zonedTimeToInstant, type Person } from '../../lib/working-time';

/** Reminder hour, local to the owner, on the working day before the commitment is due. */
const REMINDER_HOUR = 10;

/** When to remind the owner of a commitment due on `dueDay`: 10:00 their time, the working day before. */
export function reminderTime(dueDay: string, owner: Person): Date {
  const day = previousWorkingDay(dueDay, owner);
  return nextAllowedDmTime(zonedTimeToInstant(day, REMINDER_HOUR, 0, owner.tz), owner);
}
