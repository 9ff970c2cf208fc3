/**
 * Runs the benchmark suites and reports: `node dist/bench/run.js [--quick] [--only extract,price]`.
 * Prints a table (suite, metric, value, unit) with the machine it ran on, and
 * writes bench/results/<timestamp>.json and bench/results/latest.json.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { browserSuite } from './browser.bench.js';
import { extractSuite } from './extract.bench.js';
import { pipelineSuite } from './pipeline.bench.js';
import { priceSuite } from './price.bench.js';
import { queueSuite } from './queue.bench.js';
import { storeSuite } from './store.bench.js';
import { Cleanup } from './support/cleanup.js';
import { repoRoot } from './support/paths.js';
import { machineInfo, renderTable, writeReport, type BenchReport } from './support/report.js';
import type { BenchSuite, SuiteContext } from './support/suite.js';

const SUITES: readonly BenchSuite[] = [extractSuite, priceSuite, storeSuite, queueSuite, pipelineSuite, browserSuite];

const USAGE = `Usage: node dist/bench/run.js [--quick] [--only <suite,...>]

  --quick         smaller workloads (under a minute)
  --only <names>  run only these suites: ${SUITES.map((s) => s.name).join(', ')}
`;

interface BenchArgs {
  quick: boolean;
  only: string[] | undefined;
  help: boolean;
}

function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { quick: false, only: undefined, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') args.quick = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      if (!value) throw new Error('--only needs a comma-separated list of suite names');
      args.only = [...(args.only ?? []), ...value.split(',').map((name) => name.trim()).filter(Boolean)];
    } else {
      throw new Error(`Unknown argument "${arg}"`);
    }
  }
  return args;
}

function selectSuites(only: readonly string[] | undefined): BenchSuite[] {
  if (!only) return [...SUITES];
  const unknown = only.filter((name) => !SUITES.some((suite) => suite.name === name));
  if (unknown.length > 0) throw new Error(`Unknown suite ${unknown.join(', ')}; known: ${SUITES.map((s) => s.name).join(', ')}`);
  return SUITES.filter((suite) => only.includes(suite.name));
}

const log = (message: string): void => void process.stderr.write(`${message}\n`);

let active: Cleanup | undefined;
let interrupted = false;

/** Ctrl-C or SIGTERM: undo what the running suite started, then die of the same signal. */
function onSignal(signal: NodeJS.Signals): void {
  interrupted = true;
  log(`\n${signal}: cleaning up`);
  void (active?.run() ?? Promise.resolve()).finally(() => process.kill(process.pid, signal));
}

async function runSuite(suite: BenchSuite, quick: boolean, report: BenchReport): Promise<void> {
  const cleanup = new Cleanup();
  active = cleanup;
  const context: SuiteContext = {
    quick, cleanup, log,
    record: (...rows) => void report.results.push(...rows.map((row) => ({ suite: suite.name, ...row }))),
  };
  const started = performance.now();
  log(`[${suite.name}] ${suite.description}`);
  try {
    await suite.run(context);
  } catch (error) {
    if (interrupted) return;
    report.failures.push({ suite: suite.name, error: error instanceof Error ? error.message : String(error) });
    log(`[${suite.name}] failed: ${error instanceof Error ? error.stack : String(error)}`);
  } finally {
    for (const failure of await cleanup.run()) log(`[${suite.name}] cleanup failed: ${failure}`);
    active = undefined;
  }
  const seconds = (performance.now() - started) / 1000;
  report.suiteSeconds[suite.name] = Math.round(seconds * 10) / 10;
  log(`[${suite.name}] ${seconds.toFixed(1)} s`);
}

async function main(): Promise<void> {
  let args: BenchArgs;
  let suites: BenchSuite[];
  try {
    args = parseBenchArgs(process.argv.slice(2));
    suites = selectSuites(args.only);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const report: BenchReport = {
    startedAt: new Date().toISOString(), finishedAt: '', quick: args.quick, suites: suites.map((s) => s.name),
    machine: machineInfo(), results: [], suiteSeconds: {}, failures: [],
  };
  for (const suite of suites) await runSuite(suite, args.quick, report);
  report.finishedAt = new Date().toISOString();
  process.stdout.write(`\n${renderTable(report)}\n`);
  const file = await writeReport(join(repoRoot(), 'bench', 'results'), report);
  log(`\nresults: ${file}`);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  if (report.failures.length > 0) process.exitCode = 1;
}

await main();
