import '@/domain/zod-setup';
import '@/i18n/all-langs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { buildSeriesIndex, type ObservationTable } from '@/domain/observation-table';
import { computeProgress } from '@/domain/progress/compute';
import { PROGRESS_METHODS, type ProgressMethod } from '@/domain/progress/types';
import type { Registry } from '@/domain/registry';
import { ingestFile } from '@/ingest/ingest-file';
import { generateBenchCsv } from './bench-data';
import { loadRegistryFromDirs } from './load-registry';
import { PACKAGE_ROOT } from './package-root';

/**
 * `npm run bench` (node --expose-gc): the quality bar "a 1,000,000-row long CSV is decoded, parsed,
 * validated and indexed faster than PapaParse alone parses it with header + dynamicTyping".
 * Each measurement runs 3 times in a fresh pass (garbage collected before each), ours and PapaParse
 * alternating; medians are reported. Generating the file and decoding it for PapaParse are not timed.
 * Then the whole process: the CLI bundle (`node .cli/main.js validate <the file>`, a child process, wall
 * clock: Node's startup, module loading, registry, reading, ingest and report) against reading + decoding
 * + PapaParse in-process, measured as above.
 * Options: --rows N (default 1,000,000), --runs N (default 3).
 */

const OUT_DIR = join(PACKAGE_ROOT, '.bench');
const CLI_ENTRY = join(PACKAGE_ROOT, '.cli', 'main.js');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i === -1 ? undefined : Number(process.argv[i + 1]);
  return v !== undefined && Number.isInteger(v) && v > 0 ? v : fallback;
}

function collect(): void {
  if (typeof globalThis.gc === 'function') {
    globalThis.gc();
    globalThis.gc();
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
}

/** Bytes of a string held by V8: one byte per character when all are Latin-1, else two; plus the header. */
function stringBytes(s: string): number {
  let wide = false;
  for (let i = 0; i < s.length; i++)
    if (s.charCodeAt(i) > 0xff) {
      wide = true;
      break;
    }
  return 16 + s.length * (wide ? 2 : 1);
}

/** Memory of the table: its typed arrays plus its dictionaries (strings and array slots). */
export function tableBytes(t: ObservationTable): { typedArrays: number; dictionaries: number } {
  const arrays = [t.city, t.cityCode, t.indicator, t.year, t.value, t.period, t.unit, t.series, t.disaggregation, t.source, t.note, t.line];
  const typedArrays = arrays.reduce((n, a) => n + a.byteLength, 0);
  let dictionaries = 0;
  for (const d of Object.values(t.dict)) for (const s of d) dictionaries += 8 + stringBytes(s);
  return { typedArrays, dictionaries };
}

/** Progress for every series of the table, each method `runs` times (median), default method first. */
function measureProgress(t: ObservationTable, registry: Registry, runs: number) {
  return PROGRESS_METHODS.map((method: ProgressMethod) => {
    const times: number[] = [];
    let series = 0;
    let headlines = 0;
    // A new table first, not counted in the median (reported as coldMs): it pays for making the series'
    // structure, kept per table, which the app pays once per dataset, and the first method for compiling
    // the engine, once per session. Then t's own structure is made, untimed, and the runs are timed.
    collect();
    const c0 = performance.now();
    computeProgress({ ...t }, registry, { method });
    const coldMs = performance.now() - c0;
    computeProgress(t, registry, { method });
    for (let r = 0; r < runs; r++) {
      collect();
      const t0 = performance.now();
      const report = computeProgress(t, registry, { method });
      times.push(performance.now() - t0);
      series = report.series.length;
      headlines = report.indicators.length;
    }
    return { method, medianMs: median(times), runsMs: times, coldMs, series, headlines };
  });
}

type WholeProcess = {
  cliMedianMs: number;
  cliRunsMs: number[];
  exitCode: number | null;
  summary: string;
  papaFromFileMedianMs: number;
  papaFromFileRunsMs: number[];
  ratio: number;
};

/**
 * `node .cli/main.js validate <file>` as a child process (wall clock from spawn to exit, report read from
 * its stdout) against reading the file, decoding it and PapaParse in this process; alternating, medians.
 */
function measureWholeProcess(file: string, runs: number): WholeProcess {
  const cli: number[] = [];
  const papa: number[] = [];
  let exitCode: number | null = null;
  let summary = '';
  for (let r = 0; r < runs; r++) {
    collect();
    let t0 = performance.now();
    const child = spawnSync(process.execPath, [CLI_ENTRY, 'validate', file], { encoding: 'utf8', maxBuffer: 256 * MB });
    cli.push(performance.now() - t0);
    exitCode = child.status;
    summary = child.stdout.trimEnd().split('\n').at(-1) ?? '';
    if (child.status !== 0) process.stderr.write(`bench: the CLI exited with ${String(child.status)}\n${child.stderr}`);

    collect();
    t0 = performance.now();
    const text = new TextDecoder().decode(readFileSync(file));
    Papa.parse<Record<string, unknown>>(text, { header: true, dynamicTyping: true });
    papa.push(performance.now() - t0);
  }
  const cliMedianMs = median(cli);
  const papaFromFileMedianMs = median(papa);
  return { cliMedianMs, cliRunsMs: cli, exitCode, summary, papaFromFileMedianMs, papaFromFileRunsMs: papa, ratio: cliMedianMs / papaFromFileMedianMs };
}

const MB = 1024 * 1024;
const fmtMs = (ms: number) => `${ms.toFixed(0)} ms`;
const fmtMB = (b: number) => `${(b / MB).toFixed(1)} MB`;
const fmtRate = (r: number) => `${Math.round(r).toLocaleString('en-US')} rows/s`;

function main(): void {
  if (typeof globalThis.gc !== 'function') process.stderr.write('bench: run with --expose-gc (npm run bench) for clean measurements\n');
  const rows = arg('rows', 1_000_000);
  const runs = arg('runs', 3);
  const { registry, problems } = loadRegistryFromDirs();
  if (problems.length > 0) process.stderr.write(`bench: ${problems.length} registry problem(s); running with ${registry.indicators.length} indicators\n`);
  if (registry.indicators.length === 0) {
    process.stderr.write('bench: the registry is empty (indicators/*.json)\n');
    process.exitCode = 1;
    return;
  }

  let t0 = performance.now();
  const bytes = generateBenchCsv(registry, rows);
  const generateMs = performance.now() - t0;
  const text = new TextDecoder().decode(bytes);
  process.stdout.write(`bench: ${rows.toLocaleString('en-US')} rows, ${fmtMB(bytes.length)}, ${registry.indicators.length} indicators (generated in ${fmtMs(generateMs)}, not counted)\n`);

  // Runs alternate (ours, PapaParse, ours, PapaParse…) so both see the same machine load; the first
  // of ours runs before PapaParse has ever run, so the process's peak RSS at that point is ours.
  const ours: number[] = [];
  const papa: number[] = [];
  let papaRows = 0;
  let retainedHeap = 0;
  let afterIngest = { heapAndBuffers: 0, rss: 0 };
  let maxRssAfterOurs = 0;
  let table: { typedArrays: number; dictionaries: number } = { typedArrays: 0, dictionaries: 0 };
  let summary = { observations: 0, series: 0, issues: 0, rowsRejected: 0, errors: 0 };
  for (let r = 0; r < runs; r++) {
    // (a) ours: decode + parse + normalise + validate + index
    collect();
    const before = process.memoryUsage();
    t0 = performance.now();
    const result = ingestFile({ name: 'bench.csv', bytes }, registry);
    const index = buildSeriesIndex(result.table);
    ours.push(performance.now() - t0);
    if (r === 0) {
      // Typed arrays live outside the JS heap: count heapUsed + arrayBuffers. First run only: V8 frees
      // a previous run's buffers lazily, which would skew later deltas.
      const after = process.memoryUsage();
      afterIngest = { heapAndBuffers: after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers, rss: after.rss };
      maxRssAfterOurs = process.resourceUsage().maxRSS * 1024;
      collect();
      const kept = process.memoryUsage();
      retainedHeap = kept.heapUsed + kept.arrayBuffers - before.heapUsed - before.arrayBuffers;
      table = tableBytes(result.table);
      summary = {
        observations: result.table.length,
        series: index.size,
        issues: result.issues.length,
        rowsRejected: result.rowsRejected,
        errors: result.issues.filter((i) => i.severity === 'error').length,
      };
      if (result.issues.length > 0)
        process.stdout.write(`bench: note — ingest reported ${result.issues.length} issue(s): ${[...new Set(result.issues.map((i) => i.code))].join(', ')}\n`);
    }

    // (b) PapaParse alone on the decoded text
    collect();
    t0 = performance.now();
    const parsed = Papa.parse<Record<string, unknown>>(text, { header: true, dynamicTyping: true });
    papa.push(performance.now() - t0);
    papaRows = parsed.data.length;
  }
  collect();
  const maxRssAfterPapa = process.resourceUsage().maxRSS * 1024;

  // The whole CLI process on the same file, written to disk (not timed).
  const csvFile = join(OUT_DIR, 'bench.csv');
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(csvFile, bytes);
  const whole = existsSync(CLI_ENTRY) ? measureWholeProcess(csvFile, runs) : null;
  if (whole === null) process.stderr.write(`bench: ${CLI_ENTRY} is missing (npm run build:cli); whole-process ratio skipped\n`);
  // Progress (grouping + every series + headlines) on a table ingested once more, outside the timings above.
  const progress = measureProgress(ingestFile({ name: 'bench.csv', bytes }, registry).table, registry, runs);
  const progressDefault = progress[0];

  const oursMs = median(ours);
  const papaMs = median(papa);
  const ratio = oursMs / papaMs;
  const tableTotal = table.typedArrays + table.dictionaries;
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    rows,
    bytes: bytes.length,
    indicators: registry.indicators.length,
    runs,
    ours: { medianMs: oursMs, runsMs: ours, rowsPerSecond: (rows / oursMs) * 1000, ...summary },
    papaparse: { medianMs: papaMs, runsMs: papa, rowsPerSecond: (rows / papaMs) * 1000, rows: papaRows },
    ratio,
    ratioGoal: 0.5,
    wholeProcess: whole === null ? null : { command: 'node .cli/main.js validate .bench/bench.csv', ...whole, ratioGoal: 0.6 },
    memory: {
      tableTypedArraysBytes: table.typedArrays,
      tableDictionariesBytes: table.dictionaries,
      tableBytes: tableTotal,
      tableGoalBytes: 100 * MB,
      retainedHeapAndBuffersBytes: retainedHeap,
      heapAndBuffersGrowthBeforeGcBytes: afterIngest.heapAndBuffers,
      rssRightAfterOursBytes: afterIngest.rss,
      maxRssAfterOursBytes: maxRssAfterOurs,
      maxRssAfterPapaBytes: maxRssAfterPapa,
    },
    progress: { goalMs: 200, methods: progress },
  };

  const lines: Array<[string, string, string]> = [
    ['measure', 'value', 'goal'],
    ['ours: decode+parse+validate+index (median)', fmtMs(oursMs), ''],
    ['ours: throughput', fmtRate(results.ours.rowsPerSecond), ''],
    ['PapaParse header+dynamicTyping (median)', fmtMs(papaMs), ''],
    ['PapaParse: throughput', fmtRate(results.papaparse.rowsPerSecond), ''],
    ['ratio ours / PapaParse', ratio.toFixed(2), `≤ 0.50 ${ratio <= 0.5 ? '✓' : '✗'}`],
    ...(whole === null
      ? []
      : ([
          ['CLI process: node .cli/main.js validate (median, wall)', fmtMs(whole.cliMedianMs), ''],
          ['PapaParse: read + decode + parse (median)', fmtMs(whole.papaFromFileMedianMs), ''],
          ['ratio CLI process / PapaParse from file', whole.ratio.toFixed(2), `≤ 0.60 ${whole.ratio <= 0.6 ? '✓' : '✗'}`],
        ] satisfies Array<[string, string, string]>)),
    ['observations / series', `${summary.observations.toLocaleString('en-US')} / ${summary.series.toLocaleString('en-US')}`, ''],
    ['table: typed arrays + dictionaries', `${fmtMB(table.typedArrays)} + ${fmtMB(table.dictionaries)} = ${fmtMB(tableTotal)}`, `< 100 MB ${tableTotal < 100 * MB ? '✓' : '✗'}`],
    ['heap + buffers kept by result + index (after GC)', fmtMB(retainedHeap), ''],
    ['heap + buffers growth during ours (before GC)', fmtMB(afterIngest.heapAndBuffers), ''],
    ['RSS right after ours', fmtMB(afterIngest.rss), ''],
    ['peak RSS so far (process maxRSS, after ours)', fmtMB(maxRssAfterOurs), ''],
    ['peak RSS at the end (PapaParse included)', fmtMB(maxRssAfterPapa), ''],
    [`progress, all series, ${progressDefault?.method ?? '?'} (default; median)`, fmtMs(progressDefault?.medianMs ?? NaN), `< 200 ms ${(progressDefault?.medianMs ?? Infinity) < 200 ? '✓' : '✗'}`],
    ...progress.slice(1).map((p): [string, string, string] => [`progress, all series, ${p.method} (median)`, fmtMs(p.medianMs), '']),
    ['progress: a new table (structure made; engine compiled on the first)', progress.map((p) => `${p.method} ${fmtMs(p.coldMs)}`).join(', '), ''],
    ['progress: series / city × indicator headlines', `${(progressDefault?.series ?? 0).toLocaleString('en-US')} / ${(progressDefault?.headlines ?? 0).toLocaleString('en-US')}`, ''],
    ['runs (ours)', ours.map(fmtMs).join(', '), ''],
    ['runs (PapaParse)', papa.map(fmtMs).join(', '), ''],
    ...(whole === null
      ? []
      : ([
          ['runs (CLI process)', whole.cliRunsMs.map(fmtMs).join(', '), ''],
          ['runs (PapaParse from file)', whole.papaFromFileRunsMs.map(fmtMs).join(', '), ''],
        ] satisfies Array<[string, string, string]>)),
  ];
  const w0 = Math.max(...lines.map((l) => l[0].length));
  const w1 = Math.max(...lines.map((l) => l[1].length));
  for (const [i, [a, b, c]] of lines.entries()) {
    process.stdout.write(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}\n`);
    if (i === 0) process.stdout.write(`${'-'.repeat(w0)}  ${'-'.repeat(w1)}  ${'-'.repeat(10)}\n`);
  }
  if (whole !== null) process.stdout.write(`bench: the CLI exited with ${String(whole.exitCode)}: ${whole.summary}\n`);
  writeFileSync(join(OUT_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`bench: results written to ${join(OUT_DIR, 'results.json')}\n`);
}

main();
