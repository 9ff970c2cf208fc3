import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { graphqlHttp } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';
import { READ_KEY, TEST_API_KEYS, WRITE_KEY } from '../support/api-keys.js';

const SITE = 'http://127.0.0.1:9/';
const QUEUES = `{ queues { name isPaused waiting active completed failed delayed prioritized paused waitingChildren processedPerMinute failedPerMinute at } }`;
const ENQUEUE = `mutation($input: [EnqueueJobInput!]!) { enqueueJobs(input: $input) { id type state queue priority } }`;

type Stats = { name: string; isPaused: boolean; waiting: number; prioritized: number; paused: number; delayed: number };

describe('queue administration over GraphQL (no workers: jobs stay queued)', () => {
  let runtime: Runtime;
  const cleanups: (() => Promise<void>)[] = [];
  const gql = <T = any>(query: string, variables: Record<string, unknown> = {}, apiKey = WRITE_KEY) => graphqlHttp<T>(runtime.apiUrl!, query, variables, { apiKey });
  const scraping = async (): Promise<Stats> => ((await gql<{ queues: Stats[] }>(QUEUES, {}, READ_KEY)).data!.queues.find((q) => q.name === 'scraping'))!;

  before(async () => {
    runtime = await startRuntime({ after: (fn: () => Promise<void>) => void cleanups.push(fn) }, { api: true, workers: false }, testConfig({ apiKeys: TEST_API_KEYS }));
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  it('queues jobs of all five types in one batch, in input order, and counts them per queue', async () => {
    const result = await gql<{ enqueueJobs: { id: string; type: string; queue: string }[] }>(ENQUEUE, { input: [
      { type: 'PRODUCT', url: `${SITE}products/a` },
      { type: 'CATEGORY_SEARCH', url: `${SITE}collections/boots`, maxPages: 2 },
      { type: 'SEARCH', url: SITE, query: 'boots' },
      { type: 'NAVIGATE', url: SITE, steps: [{ action: 'WAIT', ms: 10 }] },
      { type: 'FULL_SITE', url: SITE },
      { type: 'PRODUCT', url: `${SITE}products/b`, priority: 'URGENT' },
    ] });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const jobs = result.data!.enqueueJobs;
    assert.deepEqual(jobs.map((j) => j.type), ['PRODUCT', 'CATEGORY_SEARCH', 'SEARCH', 'NAVIGATE', 'FULL_SITE', 'PRODUCT']);
    assert.equal(jobs[5]!.queue, 'scraping-urgent');
    const stats = (await gql<{ queues: (Stats & { name: string })[] }>(QUEUES, {}, READ_KEY)).data!.queues;
    const byName = Object.fromEntries(stats.map((s) => [s.name, s]));
    assert.equal(byName.scraping!.waiting + byName.scraping!.prioritized, 5);
    assert.equal(byName['scraping-urgent']!.waiting + byName['scraping-urgent']!.prioritized, 1);
  });

  it('refuses a batch with one bad entry, naming it, and queues nothing', async () => {
    const before = await scraping();
    const result = await gql(ENQUEUE, { input: [{ type: 'PRODUCT', url: `${SITE}products/c` }, { type: 'PRODUCT', url: 'ftp://x/y' }] });
    assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(result.errors?.[0]?.extensions?.field, 'input[1].url');
    const afterStats = await scraping();
    assert.equal(afterStats.waiting + afterStats.prioritized, before.waiting + before.prioritized);
  });

  it('cancels a queued job: removed from Redis, recorded CANCELLED, and a second cancel is a CONFLICT', async () => {
    const [job] = (await gql<{ enqueueJobs: { id: string }[] }>(ENQUEUE, { input: [{ type: 'PRODUCT', url: `${SITE}products/cancel-me` }] })).data!.enqueueJobs;
    const cancel = `mutation($id: ID!) { cancelJob(id: $id) { id outcome previousState job { id state errorCode } } }`;
    const result = await gql<{ cancelJob: { outcome: string; previousState: string; job: { state: string; errorCode: string } } }>(cancel, { id: job!.id });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.equal(result.data!.cancelJob.outcome, 'CANCELLED');
    assert.equal(result.data!.cancelJob.previousState, 'PRIORITIZED');
    assert.equal(result.data!.cancelJob.job.errorCode, 'CANCELLED');
    assert.equal(result.data!.cancelJob.job.state, 'CANCELLED');
    assert.equal((await runtime.store.jobs.get(job!.id))!.status, 'CANCELLED');
    const again = await gql(cancel, { id: job!.id });
    assert.equal(again.errors?.[0]?.extensions?.code, 'CONFLICT');
    const unknown = await gql(cancel, { id: 'no-such-job' });
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  it('removes a queued job from Redis and records it as cancelled; an unknown id is NOT_FOUND', async () => {
    const [job] = (await gql<{ enqueueJobs: { id: string }[] }>(ENQUEUE, { input: [{ type: 'PRODUCT', url: `${SITE}products/remove-me` }] })).data!.enqueueJobs;
    const remove = `mutation($id: ID!) { removeJob(id: $id) { id previousState } }`;
    const result = await gql<{ removeJob: { previousState: string } }>(remove, { id: job!.id });
    assert.equal(result.data?.removeJob.previousState, 'PRIORITIZED', JSON.stringify(result.errors));
    assert.equal(await runtime.jobs.get(job!.id).then((v) => v?.errorCode), 'CANCELLED');
    assert.equal((await gql(remove, { id: job!.id })).errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  it('promotes a delayed job to waiting, and refuses to promote one that is not delayed', async () => {
    const data = runtime.jobs.buildJobData({ type: 'product', url: `${SITE}products/later` });
    const connection = new Redis(runtime.redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue('scraping', { connection, prefix: runtime.config.queuePrefix });
    try {
      await queue.add('product', data, { jobId: data.jobId, delay: 3_600_000 });
      const promote = `mutation($id: ID!) { promoteJob(id: $id) { id state } }`;
      const result = await gql<{ promoteJob: { state: string } }>(promote, { id: data.jobId });
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      assert.equal(await queue.getJobState(data.jobId), 'waiting');
      assert.equal((await gql(promote, { id: data.jobId })).errors?.[0]?.extensions?.code, 'CONFLICT');
    } finally {
      await queue.close();
      connection.disconnect();
    }
  });

  it('pauses and resumes a queue; a paused queue reports its held jobs', async () => {
    const pause = await gql<{ pauseQueue: Stats }>(`mutation { pauseQueue(queue: SCRAPING) { name isPaused waiting prioritized paused } }`);
    assert.equal(pause.errors, undefined, JSON.stringify(pause.errors));
    assert.equal(pause.data!.pauseQueue.isPaused, true);
    assert.equal(pause.data!.pauseQueue.paused, pause.data!.pauseQueue.waiting + pause.data!.pauseQueue.prioritized);
    const resume = await gql<{ resumeQueue: Stats }>(`mutation { resumeQueue(queue: SCRAPING) { isPaused paused } }`);
    assert.deepEqual(resume.data!.resumeQueue, { isPaused: false, paused: 0 });
  });

  it('cleans queued jobs (recorded as cancelled, their campaign cancelled) and validates its arguments by name', async () => {
    const bad = await gql(`mutation { cleanQueue(queue: SCRAPING, state: PRIORITIZED, olderThanMs: -1, limit: 10) { removed } }`);
    assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(bad.errors?.[0]?.extensions?.field, 'olderThanMs');
    const clean = await gql<{ cleanQueue: { removed: number; jobIds: string[] } }>(`mutation { cleanQueue(queue: SCRAPING, state: PRIORITIZED, olderThanMs: 0, limit: 100) { queue state removed jobIds } }`);
    assert.equal(clean.errors, undefined, JSON.stringify(clean.errors));
    assert.ok(clean.data!.cleanQueue.removed >= 4, `removed ${clean.data!.cleanQueue.removed}`);
    assert.equal((await scraping()).prioritized, 0);
    for (const id of clean.data!.cleanQueue.jobIds) assert.equal((await runtime.store.jobs.get(id))?.status, 'CANCELLED', id);
    const campaigns = await runtime.store.campaigns.list({}, { first: 10 });
    assert.deepEqual(campaigns.items.map((c) => c.status), ['CANCELLED']);
  });

  it('lets a read key see the queues but not change them', async () => {
    const read = await gql(QUEUES, {}, READ_KEY);
    assert.equal(read.errors, undefined);
    const pause = await gql(`mutation { pauseQueue(queue: SCRAPING) { isPaused } }`, {}, READ_KEY);
    assert.equal(pause.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal((await scraping()).isPaused, false);
  });
});
