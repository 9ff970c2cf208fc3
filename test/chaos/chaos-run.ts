import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Runtime } from '../../src/bootstrap/runtime.js';
import { loadConfig } from '../../src/config/load-config.js';
import { SILENT_LOGGER } from '../../src/domain/ports/logger.port.js';
import { startDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import { graphqlHttp, wsClient } from '../support/graphql-client.js';
import { siteJobId } from '../../src/domain/services/campaign.service.js';
import { waitFor } from '../../src/bootstrap/child-process.js';
import { ChaosFerret, ChaosRedis, WorkerSlot } from './chaos-cluster.js';
import { FERRETDB_BINARY } from '../support/ferretdb.js';
import { verifyCampaign, type Check, type Verification } from './chaos-verify.js';

export interface ChaosOptions {
  products: number;
  productsPerPage: number;
  workers: number;
  concurrency: number;
  /** Worker SIGKILLs, spread over the campaign. */
  kills: number;
  /** How long the store stays unavailable (SQLite: an exclusive lock held by another connection). */
  outageMs: number;
  timeoutMs: number;
  /** The store under test: SQLite (locked during the outage) or MongoDB via FerretDB (stopped during the outage). */
  store?: 'sqlite' | 'mongo';
  log?: (line: string) => void;
}

export interface ChaosAction {
  atMs: number;
  progress: string;
  action: string;
}

export interface ChaosReport {
  options: ChaosOptions;
  actions: ChaosAction[];
  verification: Verification | undefined;
  counts: { productJobs: number; workerStarts: number; stalledLogged: number; storeRetriesLogged: number; reconcilerLogged: number };
  durationMs: number;
  error?: string;
  ok: boolean;
}

type Step = 'kill' | 'redis' | 'store';

/** The steps, each at a fraction of the products scraped: kills spread out, Redis restart at 30 %, store outage at 55 %. */
export function chaosPlan(kills: number): { at: number; step: Step }[] {
  const plan: { at: number; step: Step }[] = [{ at: 0.3, step: 'redis' }, { at: 0.55, step: 'store' }];
  for (let i = 0; i < kills; i++) plan.push({ at: 0.1 + (0.8 * i) / Math.max(kills, 1), step: 'kill' });
  return plan.sort((a, b) => a.at - b.at);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function workerEnv(redisUrl: string, prefix: string, dataDir: string, concurrency: number, mongoUrl: string | undefined): Record<string, string> {
  return {
    ...(mongoUrl ? { TRAWL_STORE: 'mongo', MONGO_URL: mongoUrl } : {}),
    REDIS_URL: redisUrl, TRAWL_QUEUE_PREFIX: prefix, TRAWL_DATA_DIR: dataDir, TRAWL_ALLOW_PRIVATE_NETWORK: 'true',
    TRAWL_WORKER_CONCURRENCY: String(concurrency), LOG_LEVEL: 'warn', TRAWL_SHUTDOWN_TIMEOUT_MS: '10000',
    TRAWL_LOCK_DURATION_MS: '15000', TRAWL_STALLED_INTERVAL_MS: '5000', TRAWL_MAX_STALLED_COUNT: '5',
    TRAWL_RECONCILE_INTERVAL_MS: '5000', TRAWL_STORE_OUTAGE_RETRY_MS: '3000', TRAWL_CAMPAIGN_RATE_LIMIT_DELAY_MS: '0', TRAWL_RATE_LIMIT_DELAY_MS: '0',
  };
}

/** Holds an exclusive write lock on the SQLite file for `ms`: every writer gets SQLITE_BUSY meanwhile. */
async function lockSqlite(file: string, ms: number): Promise<void> {
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 30000');
    db.exec('BEGIN EXCLUSIVE');
    await sleep(ms);
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}

/**
 * A chaos run: the demo shop, a real redis-server with AOF, an API runtime
 * and worker processes; a campaign over the whole shop while workers are
 * SIGKILLed, Redis is killed and restarted and the store is locked; then the
 * stored result is checked against the catalog.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'trawl-chaos-'));
  const report: ChaosReport = {
    options, actions: [], verification: undefined, durationMs: 0, ok: false,
    counts: { productJobs: 0, workerStarts: 0, stalledLogged: 0, storeRetriesLogged: 0, reconcilerLogged: 0 },
  };
  const cleanups: (() => Promise<unknown>)[] = [];
  let shop: DemoShop | undefined;
  const slots: WorkerSlot[] = [];
  try {
    shop = await startDemoShop({ products: options.products, productsPerPage: options.productsPerPage, flavour: 'woocommerce' });
    cleanups.push(() => shop!.close());
    const redis = await ChaosRedis.start(join(dir, 'redis'));
    cleanups.push(() => redis.close());
    const prefix = 'chaos';
    const dataDir = join(dir, 'data');
    const ferret = options.store === 'mongo' ? await ChaosFerret.start(join(dir, 'ferretdb'), FERRETDB_BINARY) : undefined;
    if (ferret) cleanups.push(() => ferret.stop());
    const mongoUrl = ferret?.url('trawl_chaos');
    const config = loadConfig({}, {
      redisUrl: redis.url, dataDir, queuePrefix: prefix, port: 0, allowPrivateNetwork: true, logLevel: 'silent',
      campaignRateLimitDelayMs: 0, rateLimitDelayMs: 0, reconcileIntervalMs: 0, storeOutageRetryMs: 3000,
      ...(mongoUrl ? { store: 'mongo' as const, mongoUrl } : {}),
    });
    const api = await Runtime.start({ config, roles: { api: true, workers: false }, logger: SILENT_LOGGER });
    cleanups.push(() => api.close());
    const env = workerEnv(redis.url, prefix, dataDir, options.concurrency, mongoUrl);
    for (let i = 0; i < options.workers; i++) slots.push(new WorkerSlot(`worker-${i + 1}`, env));
    for (const slot of slots) slot.start();
    const act = (progress: string, action: string): void => {
      report.actions.push({ atMs: Date.now() - started, progress, action });
      log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${progress} ${action}`);
    };
    const start = await graphqlHttp(api.apiUrl!, 'mutation($u: String!) { startCampaign(input: { seedUrl: $u, rateLimitDelayMs: 0 }) { id } }', { u: shop.url });
    if (start.errors) throw new Error(`startCampaign: ${JSON.stringify(start.errors)}`);
    const id = start.data!.startCampaign.id as string;
    const siteEvents = watchJob(api.apiUrl!, siteJobId(id));
    cleanups.push(() => siteEvents.close());
    act('0%', `campaign ${id} started on ${shop.url} (${options.products} products, ${options.workers} workers x ${options.concurrency})`);
    const plan = chaosPlan(options.kills);
    const deadline = started + options.timeoutMs;
    let status = 'PENDING';
    while (Date.now() < deadline) {
      const campaign = (await api.store.campaigns.getByIds([id]))[0];
      status = campaign?.status ?? 'missing';
      if (['COMPLETED', 'FAILED', 'CANCELLED'].includes(status)) break;
      const tally = await api.store.ledger.tally(id);
      const fraction = tally.productsDiscovered > 0 && status === 'SCRAPING' ? tally.productsScraped / Math.max(tally.productsDiscovered, options.products * 0.5) : 0;
      const progress = `${Math.round(fraction * 100)}% (${tally.productsScraped}/${tally.productsDiscovered})`;
      while (plan.length > 0 && fraction >= plan[0]!.at) {
        const { step } = plan.shift()!;
        await runStep(step, { redis, ferret, slots, dataDir, outageMs: options.outageMs, act: (a) => act(progress, a) });
      }
      await sleep(500);
    }
    act('end', `campaign ${status} after ${((Date.now() - started) / 1000).toFixed(1)}s`);
    for (const step of plan) act('end', `not run (campaign ended first): ${step.step}`);
    report.verification = await verifyCampaign(api.store, shop, id);
    report.verification.checks.push(...(await apiChecks(api.apiUrl!, id, siteEvents)));
    report.verification.ok = report.verification.checks.every((c) => c.ok);
    report.counts.productJobs = (await api.store.jobs.list({ campaignId: id }, { first: 0 })).totalCount;
  } catch (error) {
    report.error = error instanceof Error ? error.stack ?? error.message : String(error);
  } finally {
    await Promise.allSettled(slots.map((s) => s.stop()));
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    const logs = slots.map((s) => s.logs()).join('\n');
    report.counts.workerStarts = slots.reduce((n, s) => n + s.starts, 0);
    report.counts.stalledLogged = (logs.match(/job stalled/g) ?? []).length;
    report.counts.storeRetriesLogged = (logs.match(/store unavailable/g) ?? []).length;
    report.counts.reconcilerLogged = (logs.match(/reconciler re-created/g) ?? []).length;
    if (!report.verification?.ok && !report.error) log(`worker logs (tail):\n${logs.slice(-6000)}`);
    rmSync(dir, { recursive: true, force: true });
  }
  report.durationMs = Date.now() - started;
  report.ok = !report.error && report.verification?.ok === true;
  return report;
}

interface StepContext {
  redis: ChaosRedis;
  ferret: ChaosFerret | undefined;
  slots: WorkerSlot[];
  dataDir: string;
  outageMs: number;
  act: (action: string) => void;
}

async function runStep(step: Step, ctx: StepContext): Promise<void> {
  switch (step) {
    case 'kill': {
      const slot = ctx.slots[Math.floor(Math.random() * ctx.slots.length)]!;
      await slot.kill('SIGKILL');
      ctx.act(`SIGKILL ${slot.name} (its active jobs stall; restarted 1 s later)`);
      await sleep(1000);
      slot.start();
      return;
    }
    case 'redis': {
      await ctx.redis.kill('SIGKILL');
      ctx.act('SIGKILL redis-server (AOF everysec: up to 1 s of writes may be lost)');
      await sleep(2000);
      await ctx.redis.start();
      ctx.act('redis-server restarted on the same port and AOF');
      return;
    }
    case 'store': {
      if (ctx.ferret) {
        await ctx.ferret.stop();
        ctx.act(`store outage: FerretDB (MongoDB) stopped for ${ctx.outageMs / 1000} s`);
        await sleep(ctx.outageMs);
        await ctx.ferret.start();
        ctx.act('store back: FerretDB restarted on the same port and data');
        return;
      }
      ctx.act(`store outage: SQLite exclusively locked by another connection for ${ctx.outageMs / 1000} s`);
      await lockSqlite(join(ctx.dataDir, 'trawl.sqlite'), ctx.outageMs);
      ctx.act('store back: lock released');
      return;
    }
    default:
      throw new Error(`unknown step ${String(step)}`);
  }
}

/** Events of one job over a GraphQL subscription (served by the API's QueueEvents bridge). */
function watchJob(apiUrl: string, jobId: string): { events: string[]; close: () => Promise<void> } {
  const client = wsClient(apiUrl);
  const events: string[] = [];
  const unsubscribe = client.subscribe<{ jobUpdated: { event: string } }>(
    { query: 'subscription($id: ID!) { jobUpdated(id: $id) { event state } }', variables: { id: jobId } },
    { next: (r) => void (r.data ? events.push(r.data.jobUpdated.event) : undefined), error: () => undefined, complete: () => undefined },
  );
  return { events, close: async () => { unsubscribe(); await client.dispose(); } };
}

/** The API came back by itself: it reads the queue again, and its event bridge delivered the root job's completion after the Redis restart. */
async function apiChecks(apiUrl: string, campaignId: string, siteEvents: { events: string[] }): Promise<Check[]> {
  const job = await graphqlHttp(apiUrl, 'query($id: ID!) { job(id: $id) { state } }', { id: siteJobId(campaignId) });
  const state = String(job.data?.job?.state ?? JSON.stringify(job.errors));
  await waitFor(async () => siteEvents.events.includes('COMPLETED') || siteEvents.events.includes('completed'), 10_000, 'the completed event').catch(() => undefined);
  const completed = siteEvents.events.some((e) => e.toLowerCase() === 'completed');
  return [
    { what: 'API reads the queue after the Redis restart', expected: 'COMPLETED', actual: state, ok: state.toUpperCase() === 'COMPLETED' },
    { what: 'API event bridge delivers after the restart', expected: 'completed', actual: completed ? 'completed' : `none (${siteEvents.events.length} events)`, ok: completed },
  ];
}

/** The report as two tables: what the run did, and what it verified. */
export function formatReport(report: ChaosReport): string {
  const lines: string[] = ['', '== chaos run: what it did', ''];
  lines.push('  time     progress              action');
  for (const a of report.actions) lines.push(`  ${(a.atMs / 1000).toFixed(1).padStart(6)}s ${a.progress.padEnd(21)} ${a.action}`);
  const c = report.counts;
  lines.push('', `  product and listing jobs recorded: ${c.productJobs}; worker processes started: ${c.workerStarts}`);
  lines.push(`  logged: ${c.stalledLogged} stalled jobs, ${c.storeRetriesLogged} store-outage retries, ${c.reconcilerLogged} reconciler repairs`);
  lines.push('', '== chaos run: what it verified', '');
  lines.push(`  ${'check'.padEnd(48)} ${'expected'.padStart(10)} ${'actual'.padStart(10)}  result`);
  for (const check of report.verification?.checks ?? []) {
    lines.push(`  ${check.what.padEnd(48)} ${String(check.expected).padStart(10)} ${String(check.actual).padStart(10)}  ${check.ok ? 'ok' : 'FAILED'}`);
  }
  if (report.error) lines.push('', `  error: ${report.error}`);
  lines.push('', `  ${report.ok ? 'PASSED' : 'FAILED'} in ${(report.durationMs / 1000).toFixed(1)} s`, '');
  return lines.join('\n');
}
