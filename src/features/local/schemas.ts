import { z } from 'zod';

/** The `/mentorship hours` form as read from the modal (hours as numbers, the change all or nothing). */
export const hoursFormSchema = z.object({
  days: z.array(z.number().int().min(1).max(7)),
  startHour: z.number().int().min(0).max(23),
  endHour: z.number().int().min(1).max(24),
  temporary: z
    .object({
      startHour: z.number().int().min(0).max(23),
      endHour: z.number().int().min(1).max(24),
      until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    })
    .nullable(),
});

export type HoursForm = z.infer<typeof hoursFormSchema>;
