import mongoose from 'mongoose';
import { repliesChartPng } from '../src/features/digest/chart';
import { buildDigest, type DigestSettings } from '../src/features/digest/facts';
import { digestCsv } from '../src/features/digest/csv';
import { digestThreadMessages } from '../src/features/digest/thread-views';
import { digestTopMessage } from '../src/features/digest/views';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';

/*
 * The measuring half of `npm run bench:digest`, run in a process of its own (started with
 * --expose-gc) on a database the other half filled: builds the digest `runs` times and prints
 * the figures.
 */

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms`;

/** CPU seconds a process has used so far (Linux /proc), or undefined when it cannot be read. */
function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
    return (Number(fields[11]) + Number(fields[12])) / ticks;
  } catch {
    return undefined;
  }
}

interface Run {
  /** CPU seconds of this process and of the database server. */
  cpu: number;
  dbCpu?: number;
  facts: number;
  views: number;
  chart: number;
  total: number;
  roundTrips: number;
}

export async function measureDigest(opts: {
  teamId: string;
  now: Date;
  settings: DigestSettings;
  runs: number;
  /** The local database server's process, to read its CPU time. */
  dbPid?: number;
}): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  let roundTrips = 0;
  const client = mongoose.connection.getClient();
  let byCommand = new Map<string, number>();
  client.on('commandStarted', (e) => {
    roundTrips += 1;
    byCommand.set(e.commandName, (byCommand.get(e.commandName) ?? 0) + 1);
  });
  // The slowest commands of the last run, for reading where the time goes.
  let slowest: { what: string; ms: number }[] = [];
  const started = new Map<number, string>();
  client.on('commandStarted', (e) => {
    const c = e.command as Record<string, unknown>;
    // A getMore names its collection in `collection`; the others under their own name.
    const collection = e.commandName === 'getMore' ? c.collection : c[e.commandName];
    started.set(e.requestId, `${e.commandName} ${String(collection)}`);
  });
  client.on('commandSucceeded', (e) => {
    slowest.push({ what: started.get(e.requestId) ?? e.commandName, ms: e.duration });
  });
  gc();
  const base = process.memoryUsage();
  const baseMaxRss = process.resourceUsage().maxRSS * 1024;
  // Peak heap, sampled whenever the event loop turns (between the reads and after each step).
  let peakHeap = base.heapUsed;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 1);

  const runs: Run[] = [];
  let shape = { pairs: 0, messages: 0, blocks: 0, csvBytes: 0, pngBytes: 0 };
  let program = '';
  const load = () => os.loadavg()[0].toFixed(1);
  console.log(`load average at the start: ${load()} (${os.cpus().length} cores)`);
  for (let r = 0; r < opts.runs; r++) {
    roundTrips = 0;
    slowest = [];
    byCommand = new Map();
    const cpu0 = process.cpuUsage();
    const db0 = cpuSecondsOf(opts.dbPid);
    const t0 = performance.now();
    const facts = await buildDigest(opts.teamId, opts.now, opts.settings);
    const t1 = performance.now();
    const trips = roundTrips;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    const top = digestTopMessage(facts);
    const thread = digestThreadMessages(facts);
    const csv = digestCsv(facts);
    const t2 = performance.now();
    const png = await repliesChartPng(facts.chart);
    const t3 = performance.now();
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    const cpu = process.cpuUsage(cpu0);
    const db1 = cpuSecondsOf(opts.dbPid);
    runs.push({
      ...{ facts: t1 - t0, views: t2 - t1, chart: t3 - t2, total: t3 - t0, roundTrips: trips },
      cpu: (cpu.user + cpu.system) / 1e6,
      dbCpu: db0 !== undefined && db1 !== undefined ? db1 - db0 : undefined,
    });
    const messages = [top, ...thread];
    const w = facts.replies.at(-1);
    program =
      `health: ${Object.entries(facts.counts)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}; ` +
      `this week's check-ins: ${w?.both} both sides, ${w?.one} one, ${w?.neither} neither, ${w?.open} open`;
    shape = {
      ...{ pairs: facts.pairs.length, messages: messages.length, csvBytes: Buffer.byteLength(csv) },
      blocks: Math.max(...messages.map((m) => m.blocks.length)),
      pngBytes: png.length,
    };
    console.log(
      `run ${r + 1}: ${(t3 - t0).toFixed(0)} ms (facts ${(t1 - t0).toFixed(0)}, views ${(t2 - t1).toFixed(0)}, ` +
        `chart ${(t3 - t2).toFixed(0)}), ${trips} database round trips; CPU: this process ` +
        `${runs[r].cpu.toFixed(1)} s, database ${runs[r].dbCpu?.toFixed(1) ?? '?'} s`,
    );
    gc();
  }
  clearInterval(sampler);
  const byCollection = new Map<string, { ms: number; n: number; finds: number }>();
  for (const c of slowest) {
    const key = c.what.split(' ')[1] ?? c.what;
    const sum = byCollection.get(key) ?? { ms: 0, n: 0, finds: 0 };
    byCollection.set(key, { ms: sum.ms + c.ms, n: sum.n + 1, finds: sum.finds + (c.what.startsWith('find ') ? 1 : 0) });
  }
  const perCollection = [...byCollection].sort((a, b) => b[1].ms - a[1].ms);
  console.log(
    'database time of the last run by collection (summed command latency; reads run in parallel, so they overlap): ' +
      perCollection
        .map(([k, v]) => `${k} ${(v.ms / 1000).toFixed(1)} s (${v.finds} finds, ${v.n} commands)`)
        .join(', '),
  );
  const top = [...slowest].sort((a, b) => b.ms - a.ms).slice(0, 8);
  console.log(
    `slowest database commands of the last run: ${top.map((c) => `${c.what} ${c.ms.toFixed(0)} ms`).join(', ')}`,
  );
  const maxRss = process.resourceUsage().maxRSS * 1024;

  console.log(`round trips of the last run by command: ${[...byCommand].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`\n${program}`);
  console.log(
    `${shape.pairs} pairs in the digest; ${shape.messages} messages (the top one and ${shape.messages - 1} in the thread, ` +
      `at most ${shape.blocks} blocks each); ` +
      `CSV ${(shape.csvBytes / 1024).toFixed(0)} KB; chart PNG ${(shape.pngBytes / 1024).toFixed(0)} KB`,
  );
  console.log(
    `median of ${runs.length}: ${ms(runs.map((r) => r.total))} ` +
      `(facts ${ms(runs.map((r) => r.facts))}, views and CSV ${ms(runs.map((r) => r.views))}, chart ${ms(runs.map((r) => r.chart))}); ` +
      `first run ${runs[0].total.toFixed(0)} ms; database round trips ${median(runs.map((r) => r.roundTrips))}`,
  );
  const dbCpu = runs.map((r) => r.dbCpu).filter((x): x is number => x !== undefined);
  console.log(
    `CPU per build (median): this process ${median(runs.map((r) => r.cpu)).toFixed(1)} s, ` +
      `database server ${dbCpu.length ? `${median(dbCpu).toFixed(1)} s` : 'not measured'}; load average at the end: ${load()}`,
  );
  console.log(
    `memory: peak RSS ${mb(maxRss)} (${mb(baseMaxRss)} before the first build: +${mb(maxRss - baseMaxRss)}); ` +
      `peak heap ${mb(peakHeap)} (${mb(base.heapUsed)} before: +${mb(peakHeap - base.heapUsed)})`,
  );
}
