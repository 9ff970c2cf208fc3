/**
 * Runs the benchmark suites and reports: `node dist/bench/run.js [--quick] [--only campaign,queue] [--products 10000] ...`.
 * Prints a table (suite, metric, value, unit) with the machine it ran on, and
 * writes bench/results/<timestamp>.json and bench/results/latest.json.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { browserSuite } from './browser.bench.js';
import { campaignSuite } from './campaign.bench.js';
import { extractSuite } from './extract.bench.js';
import { pipelineSuite } from './pipeline.bench.js';
import { priceSuite } from './price.bench.js';
import { queueSuite } from './queue.bench.js';
import { storeSuite } from './store.bench.js';
import { Cleanup } from './support/cleanup.js';
import { repoRoot } from './support/paths.js';
import { machineInfo, renderTable, writeReport, type BenchReport } from './support/report.js';
import { DEFAULT_BENCH_OPTIONS, type BenchOptions, type BenchSuite, type SuiteContext } from './support/suite.js';
import { CAMPAIGN_DEFAULTS } from './campaign/campaign-options.js';

/** The campaign suite first: it is the headline (issue #8's end-to-end figures). */
const SUITES: readonly BenchSuite[] = [campaignSuite, extractSuite, priceSuite, storeSuite, queueSuite, pipelineSuite, browserSuite];

const USAGE = `Usage: node dist/bench/run.js [--quick] [--only <suite,...>] [campaign options]

  --quick              smaller workloads (campaign: ${CAMPAIGN_DEFAULTS.quickProducts} products unless --products)
  --only <names>       run only these suites: ${SUITES.map((s) => s.name).join(', ')}

Campaign suite (demo shop -> API process + worker processes -> store, end to end):
  --products <n>       demo shop size (default ${CAMPAIGN_DEFAULTS.products}; 100000 for the memory run)
  --workers <n>        \`trawl worker\` processes (default ${CAMPAIGN_DEFAULTS.workers})
  --concurrency <n>    jobs in flight per worker process (default ${CAMPAIGN_DEFAULTS.concurrency})
  --store <kind>       sqlite (default) or mongo (MONGO_URL, else FerretDB from ~/.cache/trawl/bin)
  --worker-heap-mb <n> each worker's V8 old-space ceiling, as the deployment recipes set it
                       (default ${CAMPAIGN_DEFAULTS.workerHeapMb}; 0: V8's default, which grows with the machine's memory)

Prints a table (stdout) and writes bench/results/<timestamp>.json and bench/results/latest.json.
`;

interface BenchArgs {
  quick: boolean;
  only: string[] | undefined;
  help: boolean;
  options: BenchOptions;
}

/** `--name value` or `--name=value`; advances past the value. */
function valueOf(argv: readonly string[], at: { i: number }, name: string): string {
  const arg = argv[at.i]!;
  const value = arg === `--${name}` ? argv[++at.i] : arg.slice(`--${name}=`.length);
  if (!value) throw new Error(`--${name} needs a value`);
  return value;
}

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

const NUMBER_OPTIONS = ['products', 'workers', 'concurrency'] as const;

function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { quick: false, only: undefined, help: false, options: { ...DEFAULT_BENCH_OPTIONS } };
  const named = (arg: string, name: string): boolean => arg === `--${name}` || arg.startsWith(`--${name}=`);
  for (const at = { i: 0 }; at.i < argv.length; at.i++) {
    const arg = argv[at.i]!;
    const numeric = NUMBER_OPTIONS.find((name) => named(arg, name));
    if (arg === '--quick') args.quick = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (named(arg, 'only')) {
      args.only = [...(args.only ?? []), ...valueOf(argv, at, 'only').split(',').map((name) => name.trim()).filter(Boolean)];
    } else if (numeric) {
      args.options[numeric] = positiveInt(valueOf(argv, at, numeric), numeric);
    } else if (named(arg, 'worker-heap-mb')) {
      const value = valueOf(argv, at, 'worker-heap-mb');
      args.options.workerHeapMb = value === '0' ? 0 : positiveInt(value, 'worker-heap-mb');
    } else if (named(arg, 'store')) {
      const store = valueOf(argv, at, 'store');
      if (store !== 'sqlite' && store !== 'mongo') throw new Error(`--store must be sqlite or mongo, got "${store}"`);
      args.options.store = store;
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

async function runSuite(suite: BenchSuite, args: BenchArgs, report: BenchReport): Promise<void> {
  const cleanup = new Cleanup();
  active = cleanup;
  const context: SuiteContext = {
    quick: args.quick, options: args.options, cleanup, log,
    record: (...rows) => void report.results.push(...rows.map((row) => ({ suite: suite.name, ...row }))),
    extra: (key, value) => void ((report.extras[suite.name] ??= {})[key] = value),
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
    machine: machineInfo(), results: [], extras: {}, suiteSeconds: {}, failures: [],
  };
  for (const suite of suites) await runSuite(suite, args, report);
  report.finishedAt = new Date().toISOString();
  process.stdout.write(`\n${renderTable(report)}\n`);
  const file = await writeReport(join(repoRoot(), 'bench', 'results'), report);
  log(`\nresults: ${file}`);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  if (report.failures.length > 0) process.exitCode = 1;
}

await main();
