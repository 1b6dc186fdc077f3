import mongoose from 'mongoose';

export interface CommandSeen {
  commandName: string;
  command: Record<string, unknown>;
}

/**
 * Database round trips (commands sent to the server, through MongoDB command monitoring) while
 * `work` runs: the queries, and the getMores that page through a large result, counted apart.
 * Commands `ignore` returns true for are not counted.
 */
export async function roundTripsOf(
  work: () => Promise<unknown>,
  ignore: (e: CommandSeen) => boolean = () => false,
): Promise<{ queries: number; getMores: number; total: number }> {
  const seen = { queries: 0, getMores: 0, total: 0 };
  const client = mongoose.connection.getClient();
  const count = (e: CommandSeen) => {
    if (ignore(e)) return;
    if (e.commandName === 'getMore') seen.getMores++;
    else seen.queries++;
    seen.total++;
  };
  client.on('commandStarted', count);
  try {
    await work();
  } finally {
    client.off('commandStarted', count);
  }
  return seen;
}
