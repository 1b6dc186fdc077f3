import { z } from 'zod';

/** A "Pick" button's value: "<pairId>:<proposalId>:<slotKey>" (see ids.ts); anything else is refused. */
export const pickValueSchema = z
  .string()
  .regex(/^[0-9a-f]{24}:[0-9a-f]{8}:\d{8}T\d{4}Z$/)
  .transform((value) => {
    const [pairId, proposalId, slotKey] = value.split(':');
    return { pairId, proposalId, slotKey };
  });

export const pickValue = (pairId: string, proposalId: string, slotKey: string) => `${pairId}:${proposalId}:${slotKey}`;
