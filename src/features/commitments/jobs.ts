import type { JobContext } from '../../jobs/context';
import type { OutboxHandler } from '../../jobs/outbox';

/** Queues the reminders of commitments due for one (the working day before they are due). */
export async function enqueueDueReminders(_ctx: JobContext): Promise<number> {
  return 0; // PLACEHOLDER: being written (commitments feature)
}

export const commitmentReminderHandler: OutboxHandler = {
  async render() {
    return { op: 'skip', reason: 'PLACEHOLDER' };
  },
};
