import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { isTrawlError, type ErrorCode } from '../../src/domain/errors.js';
import { DEFAULT_SCRAPE_SETTINGS, type JobData } from '../../src/domain/job-data.js';
import type { EnqueueRequest } from '../../src/domain/services/job.service.js';
import { parseJobData } from '../../src/queue/job-data.schema.js';
import { startRuntime, testConfig } from '../support/runtime.js';

/** A row: a payload, the code it must fail with, and the field the message must name. */
type Row = [label: string, payload: unknown, code: ErrorCode, field: RegExp];

const VALID: JobData = {
  v: 1, type: 'product', jobId: 'j1', targetUrl: 'https://shop.example/p/1', createdAt: '2026-01-01T00:00:00.000Z', priority: 'NORMAL',
  settings: DEFAULT_SCRAPE_SETTINGS, siteIntelligenceId: 'shop.example',
};
const LONG_URL = `https://shop.example/${'a'.repeat(10_000)}`;

/** JSON as it arrives from Redis or an HTTP body: `__proto__` and `constructor` are plain own keys there. */
const fromJson = (text: string): unknown => JSON.parse(text) as unknown;
const withSettings = (json: string): unknown => fromJson(JSON.stringify(VALID).replace('"settings":{', `"settings":{${json},`));

/** Payloads read from the queue: the zod schema refuses each as a POISON_JOB naming the field. */
const QUEUE_ROWS: Row[] = [
  ['a number for the URL', { ...VALID, targetUrl: 42 }, 'POISON_JOB', /targetUrl/],
  ['an unknown job type', { ...VALID, type: 'mine_bitcoin' }, 'POISON_JOB', /type/],
  ['an unknown priority', { ...VALID, priority: 'SUPER_URGENT' }, 'POISON_JOB', /priority/],
  ['an unknown render mode', { ...VALID, settings: { ...VALID.settings, renderJs: 'SOMETIMES' } }, 'POISON_JOB', /settings\.renderJs/],
  ['a javascript: URL', { ...VALID, targetUrl: 'javascript:alert(1)' }, 'POISON_JOB', /targetUrl/],
  ['a data: URL', { ...VALID, targetUrl: 'data:text/html,<script>alert(1)</script>' }, 'POISON_JOB', /targetUrl/],
  ['a file: URL', { ...VALID, targetUrl: 'file:///etc/passwd' }, 'POISON_JOB', /targetUrl/],
  ['a 10k-character URL', { ...VALID, targetUrl: LONG_URL }, 'POISON_JOB', /targetUrl/],
  ['a huge page cap', { ...VALID, settings: { ...VALID.settings, maxPages: 1e12 } }, 'POISON_JOB', /settings\.maxPages/],
  ['a negative timeout', { ...VALID, settings: { ...VALID.settings, timeoutMs: -5 } }, 'POISON_JOB', /settings\.timeoutMs/],
  ['an infinite delay', { ...VALID, settings: { ...VALID.settings, rateLimitDelayMs: Number.POSITIVE_INFINITY } }, 'POISON_JOB', /settings\.rateLimitDelayMs/],
  ['a string for a boolean', { ...VALID, settings: { ...VALID.settings, extractImages: 'yes' } }, 'POISON_JOB', /settings\.extractImages/],
  ['settings as a list', { ...VALID, settings: [] }, 'POISON_JOB', /settings/],
  ['a huge category page cap', { ...VALID, type: 'category_search', maxCategoryPages: 1e9 }, 'POISON_JOB', /maxCategoryPages/],
  ['a navigation job without steps', { ...VALID, type: 'navigation', steps: [] }, 'POISON_JOB', /steps/],
  ['an array instead of an object', [VALID], 'POISON_JOB', /version/],
];

/** Requests at the domain entry point (any edge: GraphQL, REST, CLI): refused before anything is stored or queued. */
const REQUEST_ROWS: Row[] = [
  ['a number for the URL', { type: 'product', url: 42 }, 'INVALID_URL', /input\.url must be a string/],
  ['an unknown job type', { type: 'mine_bitcoin', url: 'https://shop.example/p' }, 'INVALID_INPUT', /input\.type/],
  ['an unknown priority', { type: 'product', url: 'https://shop.example/p', priority: 'SUPER_URGENT' }, 'INVALID_INPUT', /input\.priority/],
  ['an unknown render mode', { type: 'product', url: 'https://shop.example/p', settings: { renderJs: 'SOMETIMES' } }, 'INVALID_INPUT', /input\.settings\.renderJs/],
  ['a javascript: URL', { type: 'product', url: 'javascript:alert(1)' }, 'INVALID_URL', /input\.url/],
  ['a data: URL', { type: 'product', url: 'data:text/html,<b>x</b>' }, 'INVALID_URL', /input\.url/],
  ['a gopher URL', { type: 'product', url: 'gopher://shop.example/1' }, 'INVALID_URL', /input\.url/],
  ['a 10k-character URL', { type: 'product', url: LONG_URL }, 'INVALID_URL', /input\.url is longer than 2048/],
  ['a loopback target', { type: 'product', url: 'http://127.0.0.1:6379/' }, 'PRIVATE_NETWORK_TARGET', /input\.url/],
  ['a decimal-written loopback target', { type: 'product', url: 'http://2130706433/' }, 'PRIVATE_NETWORK_TARGET', /input\.url/],
  ['the cloud metadata service', { type: 'product', url: 'http://169.254.169.254/latest/meta-data/' }, 'PRIVATE_NETWORK_TARGET', /input\.url/],
  ['a private category parent', { type: 'product', url: 'https://shop.example/p', category: { name: 'x', path: '/c', parent: 'http://10.0.0.1/' } }, 'PRIVATE_NETWORK_TARGET', /input\.category\.parent/],
  ['a huge page cap', { type: 'category_search', url: 'https://shop.example/c', maxPages: 1e12 }, 'INVALID_INPUT', /input\.maxPages/],
  ['a huge settings page cap', { type: 'product', url: 'https://shop.example/p', settings: { maxPages: 1e12 } }, 'INVALID_INPUT', /input\.settings\.maxPages/],
  ['a negative timeout', { type: 'product', url: 'https://shop.example/p', settings: { timeoutMs: -1 } }, 'INVALID_INPUT', /input\.settings\.timeoutMs/],
  ['a string timeout', { type: 'product', url: 'https://shop.example/p', settings: { timeoutMs: '1000' } }, 'INVALID_INPUT', /input\.settings\.timeoutMs/],
  ['a null delay', { type: 'product', url: 'https://shop.example/p', settings: { rateLimitDelayMs: null } }, 'INVALID_INPUT', /input\.settings\.rateLimitDelayMs/],
  ['an unknown setting', { type: 'product', url: 'https://shop.example/p', settings: { cookies: 'session=1' } }, 'INVALID_INPUT', /input\.settings\.cookies is not a setting/],
  ['a __proto__ setting', fromJson('{"type":"product","url":"https://shop.example/p","settings":{"__proto__":{"timeoutMs":1}}}'), 'INVALID_INPUT', /input\.settings\.__proto__/],
  ['a constructor setting', fromJson('{"type":"product","url":"https://shop.example/p","settings":{"constructor":{"prototype":{"x":1}}}}'), 'INVALID_INPUT', /input\.settings\.constructor/],
  ['settings as a string', { type: 'product', url: 'https://shop.example/p', settings: 'fast' }, 'INVALID_INPUT', /input\.settings must be an object/],
  ['a number for the query', { type: 'search', url: 'https://shop.example/', query: 42 }, 'INVALID_INPUT', /input\.query/],
  ['a number for the campaign', { type: 'product', url: 'https://shop.example/p', campaignId: 7 }, 'INVALID_INPUT', /input\.campaignId/],
  ['a category without a path', { type: 'product', url: 'https://shop.example/p', category: { name: 'Boots' } }, 'INVALID_INPUT', /input\.category/],
  ['a __proto__ category field', fromJson('{"type":"product","url":"https://shop.example/p","category":{"name":"a","path":"/c","__proto__":{}}}'), 'INVALID_INPUT', /input\.category\.__proto__/],
  ['a request that is a list', [], 'INVALID_INPUT', /input must be an object/],
];

function assertRefused(run: () => unknown, code: ErrorCode, field: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(isTrawlError(error), `expected a TrawlError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.equal(error.retryable, false);
    assert.match(error.message, field);
    return true;
  });
}

describe('hostile job payloads read from the queue', () => {
  for (const [label, payload, code, field] of QUEUE_ROWS) {
    it(`refuses ${label} as ${code} naming ${field.source}`, () => assertRefused(() => parseJobData(payload), code, field));
  }

  it('drops __proto__ and keeps constructor as plain data without touching any prototype', () => {
    const parsed = parseJobData(fromJson(JSON.stringify(VALID).replace('"type"', '"__proto__":{"polluted":true},"stepResult":{"__proto__":{"polluted":true}},"type"')));
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
    assert.equal((parsed as { polluted?: unknown }).polluted, undefined);
    assert.equal((parsed.stepResult as { polluted?: unknown } | undefined)?.polluted, undefined);
    assert.equal(({} as { polluted?: unknown }).polluted, undefined);
    const steps = fromJson('[{"action":"goto","url":"https://shop.example/","constructor":{"prototype":{"polluted":true}},"__proto__":{"timeoutMs":1}}]');
    const navigation = parseJobData({ ...VALID, type: 'navigation', steps });
    assert.ok(navigation.type === 'navigation');
    assert.equal(Object.getPrototypeOf(navigation.steps[0]), Object.prototype);
    assert.equal(navigation.steps[0]!.timeoutMs, undefined);
  });
});

describe('hostile enqueue requests at the domain entry point', () => {
  let runtime: Runtime;
  const cleanups: (() => Promise<void>)[] = [];
  before(async () => {
    runtime = await startRuntime({ after: (fn: () => Promise<void>) => void cleanups.push(fn) }, { api: true, workers: false }, testConfig({ allowPrivateNetwork: false }));
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  for (const [label, request, code, field] of REQUEST_ROWS) {
    it(`refuses ${label} as ${code} naming ${field.source}`, () => assertRefused(() => runtime.jobs.buildJobData(request as EnqueueRequest), code, field));
  }

  it('stores and queues nothing when one request of a batch is hostile', async () => {
    const batch = [{ type: 'product', url: 'https://shop.example/p/ok' }, { type: 'product', url: 'https://shop.example/p', settings: { timeoutMs: -1 } }] as EnqueueRequest[];
    await assert.rejects(runtime.jobs.enqueueMany(batch), { code: 'INVALID_INPUT' });
    const stored = await runtime.store.jobs.list({}, { first: 10 });
    assert.equal(stored.items.length, 0);
  });

  it('accepts the same request with sane settings', () => {
    const data = runtime.jobs.buildJobData({ type: 'product', url: 'https://shop.example/p', settings: { timeoutMs: 5_000, renderJs: 'NEVER' } });
    assert.equal(data.settings.timeoutMs, 5_000);
    assert.equal(parseJobData(JSON.parse(JSON.stringify(data))).jobId, data.jobId);
  });
});
