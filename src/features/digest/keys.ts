/** The digest's outbox keys: the top message per team and week, and each thread message under it. */
export const digestKey = (teamId: string, week: string) => `digest:${teamId}:${week}`;
export const partKey = (topKey: string, n: number) => `${topKey}:part:${n}`;
