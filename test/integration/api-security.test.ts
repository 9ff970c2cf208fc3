import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Client } from 'graphql-ws';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { READ_KEY, TEST_API_KEYS as KEYS, WRITE_KEY } from '../support/api-keys.js';
import { graphqlHttp, wsClient } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';
const ENQUEUE = 'mutation($url: String!) { enqueueJob(input: { type: PRODUCT, url: $url }) { id } }';

/** Runs one operation over a fresh WebSocket and settles with its data, its errors or the socket's close code. */
function overWebSocket(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[]; closeCode?: number }> {
  return new Promise((resolve) => {
    let data: unknown;
    client.subscribe({ query, variables }, {
      next: (result) => { data = result.data; if (result.errors) resolve({ errors: result.errors as never }); },
      error: (error) => {
        if (Array.isArray(error)) resolve({ errors: error });
        else resolve({ closeCode: (error as { code?: number }).code ?? -1 });
      },
      complete: () => resolve({ data }),
    });
  }).finally(() => client.dispose()) as never;
}

describe('API keys on loopback: HTTP (GraphQL and REST) and WebSocket', () => {
  let runtime: Runtime;
  const cleanups: (() => Promise<void>)[] = [];
  before(async () => {
    runtime = await startRuntime({ after: (fn: () => Promise<void>) => void cleanups.push(fn) }, { api: true, workers: false }, testConfig({ apiKeys: KEYS }));
  });
  after(async () => { for (const fn of cleanups.reverse()) await fn(); });
  const rest = (path: string, init: RequestInit & { key?: string } = {}) => fetch(`${runtime.apiUrl}/api/v1${path}`, {
    ...init, headers: { 'content-type': 'application/json', ...(init.key ? { 'x-api-key': init.key } : {}), ...(init.headers as Record<string, string> | undefined) },
  });

  it('refuses GraphQL over HTTP without a key or with an unknown one, as UNAUTHENTICATED', async () => {
    const missing = await graphqlHttp(runtime.apiUrl!, '{ __typename }');
    assert.equal(missing.status, 401);
    assert.equal(missing.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    assert.match(missing.headers.get('www-authenticate') ?? '', /^Bearer/);
    const wrong = await graphqlHttp(runtime.apiUrl!, '{ __typename }', {}, { apiKey: `${READ_KEY}x` });
    assert.equal(wrong.status, 401);
    assert.match(wrong.errors![0]!.message, /not valid/);
    const notBearer = await graphqlHttp(runtime.apiUrl!, '{ __typename }', {}, { headers: { authorization: `Basic ${READ_KEY}` } });
    assert.equal(notBearer.status, 401);
  });

  it('answers a read key\'s query, from the Authorization header or x-api-key', async () => {
    const bearer = await graphqlHttp(runtime.apiUrl!, '{ __typename }', {}, { apiKey: READ_KEY });
    assert.equal(bearer.status, 200);
    assert.deepEqual(bearer.data, { __typename: 'Query' });
    const header = await graphqlHttp(runtime.apiUrl!, '{ __typename }', {}, { headers: { 'x-api-key': READ_KEY } });
    assert.deepEqual(header.data, { __typename: 'Query' });
  });

  it('refuses a mutation from a read key with FORBIDDEN and runs it for a write key', async () => {
    const refused = await graphqlHttp(runtime.apiUrl!, ENQUEUE, { url: 'https://shop.example/p/1' }, { apiKey: READ_KEY });
    assert.equal(refused.status, 403);
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.match(refused.errors![0]!.message, /dashboard has the read role; a mutation needs write/);
    const allowed = await graphqlHttp<{ enqueueJob: { id: string } }>(runtime.apiUrl!, ENQUEUE, { url: 'https://shop.example/p/1' }, { apiKey: WRITE_KEY });
    assert.equal(allowed.errors, undefined);
    assert.ok(allowed.data?.enqueueJob.id);
  });

  it('needs read for REST GETs and write for POSTs', async () => {
    assert.equal((await rest('/jobs/nope')).status, 401);
    const unknown = await rest('/jobs/nope', { key: READ_KEY });
    assert.equal(unknown.status, 404);
    const body = JSON.stringify({ type: 'PRODUCT', url: 'https://shop.example/p/2' });
    const refused = await rest('/jobs', { method: 'POST', body, key: READ_KEY });
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'FORBIDDEN');
    const queued = await rest('/jobs', { method: 'POST', body, key: WRITE_KEY });
    assert.equal(queued.status, 202);
    const status = await rest(new URL(queued.headers.get('location')!, 'http://x').pathname.replace('/api/v1', ''), { key: READ_KEY });
    assert.equal(status.status, 200);
  });

  it('keeps health open and, on loopback, metrics too', async () => {
    assert.equal((await fetch(`${runtime.apiUrl}/health/live`)).status, 200);
    assert.equal((await fetch(`${runtime.apiUrl}/metrics`)).status, 200);
  });

  it('closes a WebSocket whose connection_init carries no key with 4401, and an unknown key with 4403', async () => {
    assert.equal((await overWebSocket(wsClient(runtime.apiUrl!), '{ __typename }')).closeCode, 4401);
    assert.equal((await overWebSocket(wsClient(runtime.apiUrl!, { apiKey: 'not-a-key-at-all-0000' }), '{ __typename }')).closeCode, 4403);
    assert.equal((await overWebSocket(wsClient(runtime.apiUrl!, { connectionParams: { apiKey: `${WRITE_KEY}0` } }), '{ __typename }')).closeCode, 4403);
  });

  it('accepts a WebSocket with a good key in connection_init, and still refuses a read key\'s mutation', async () => {
    assert.deepEqual((await overWebSocket(wsClient(runtime.apiUrl!, { apiKey: READ_KEY }), '{ __typename }')).data, { __typename: 'Query' });
    assert.deepEqual((await overWebSocket(wsClient(runtime.apiUrl!, { connectionParams: { apiKey: READ_KEY } }), '{ __typename }')).data, { __typename: 'Query' });
    assert.deepEqual((await overWebSocket(wsClient(runtime.apiUrl!, { connectionParams: { 'x-api-key': READ_KEY } }), '{ __typename }')).data, { __typename: 'Query' });
    const refused = await overWebSocket(wsClient(runtime.apiUrl!, { apiKey: READ_KEY }), ENQUEUE, { url: 'https://shop.example/p/3' });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal(refused.errors?.[0]?.extensions?.http, undefined);
    const allowed = await overWebSocket(wsClient(runtime.apiUrl!, { apiKey: WRITE_KEY }), ENQUEUE, { url: 'https://shop.example/p/3' });
    assert.ok((allowed.data as { enqueueJob: { id: string } }).enqueueJob.id);
  });
});

describe('Rate limits per API key', () => {
  let runtime: Runtime;
  const cleanups: (() => Promise<void>)[] = [];
  before(async () => {
    runtime = await startRuntime({ after: (fn: () => Promise<void>) => void cleanups.push(fn) }, { api: true, workers: false }, testConfig({ apiKeys: KEYS, apiRateLimitPerMinute: 3 }));
  });
  after(async () => { for (const fn of cleanups.reverse()) await fn(); });

  it('answers RATE_LIMITED with Retry-After once a key spent its burst, without slowing other keys', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof graphqlHttp>> | undefined;
    for (let i = 0; i < 4; i += 1) {
      last = await graphqlHttp(runtime.apiUrl!, '{ __typename }', {}, { apiKey: READ_KEY });
      statuses.push(last.status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    assert.equal(last?.errors?.[0]?.extensions?.code, 'RATE_LIMITED');
    assert.ok(Number(last?.headers.get('retry-after')) >= 1);
    const rest = await fetch(`${runtime.apiUrl}/api/v1/jobs/nope`, { headers: { 'x-api-key': READ_KEY } });
    assert.equal(rest.status, 429);
    assert.equal(((await rest.json()) as { error: { code: string } }).error.code, 'RATE_LIMITED');
    assert.equal((await graphqlHttp(runtime.apiUrl!, '{ __typename }', {}, { apiKey: WRITE_KEY })).status, 200);
  });

  it('limits operations over WebSocket from the same key\'s bucket', async () => {
    const codes: unknown[] = [];
    for (let i = 0; i < 6 && !codes.includes('RATE_LIMITED'); i += 1) {
      const result = await overWebSocket(wsClient(runtime.apiUrl!, { apiKey: WRITE_KEY }), '{ __typename }');
      codes.push(result.errors?.[0]?.extensions?.code ?? 'ok');
    }
    assert.ok(codes.includes('RATE_LIMITED'), `got ${codes.join(', ')}`);
  });
});

describe('Binding beyond loopback', () => {
  it('refuses to start without API keys, naming HOST and the ways out', async () => {
    await assert.rejects(
      startRuntime({ after: () => {} }, { api: true, workers: false }, testConfig({ host: '0.0.0.0' })),
      (error: Error) => error.name === 'ConfigError' && /HOST=0\.0\.0\.0 is not a loopback address and TRAWL_API_KEYS is empty/.test(error.message),
    );
  });

  it('asks for a read key on /metrics and turns introspection off by default', async (t) => {
    const runtime = await startRuntime(t, { api: true, workers: false }, testConfig({ host: '0.0.0.0', apiKeys: KEYS }));
    const url = runtime.apiUrl!.replace('0.0.0.0', '127.0.0.1');
    assert.equal((await fetch(`${url}/metrics`)).status, 401);
    assert.equal((await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${READ_KEY}` } })).status, 200);
    assert.equal((await fetch(`${url}/health/ready`)).status, 200);
    const introspection = await graphqlHttp(url, '{ __schema { queryType { name } } }', {}, { apiKey: READ_KEY });
    assert.equal(introspection.status, 400);
    assert.equal(introspection.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.match(introspection.errors![0]!.message, /introspection/i);
  });
});
