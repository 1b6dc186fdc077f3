import type { JobContext } from '../../jobs/context';

/** Ends the pauses whose time is up and schedules their "welcome back" check-in. */
export async function resumeDuePauses(_ctx: JobContext): Promise<number> {
  return 0; // PLACEHOLDER: being written (pause feature)
}
