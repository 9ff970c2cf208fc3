import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { buildGraphqlSchema } from '../../src/resolvers/build-schema.js';
import type { ApiServices } from '../../src/resolvers/context.js';
import { MemoryEventBus } from '../../src/events/memory-event-bus.js';
import { ApiServer } from '../../src/server/api-server.js';
import { recordingLogger } from '../support/api-keys.js';
import { graphqlHttp, wsClient } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('Query limits over HTTP and WebSocket', () => {
  let runtime: Runtime;
  const cleanups: (() => Promise<void>)[] = [];
  before(async () => {
    runtime = await startRuntime({ after: (fn: () => Promise<void>) => void cleanups.push(fn) }, { api: true, workers: false }, testConfig({ graphqlMaxDepth: 6, graphqlMaxComplexity: 3000, graphqlMaxTokens: 20_000, maxPageSize: 100 }));
  });
  after(async () => { for (const fn of cleanups.reverse()) await fn(); });

  it('rejects an operation nested deeper than the limit, counting fragments, with a message naming the limit', async () => {
    const deep = await graphqlHttp(runtime.apiUrl!, `query Deep { campaigns { edges { node { products { edges { node { ...P } } } } } } }
      fragment P on Product { categories { parent { name } } }`);
    assert.equal(deep.status, 400);
    assert.equal(deep.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.match(deep.errors![0]!.message, /Operation Deep nests fields 9 deep; the limit is 6 \(TRAWL_GRAPHQL_MAX_DEPTH\)/);
    const shallow = await graphqlHttp(runtime.apiUrl!, '{ campaigns(first: 5) { edges { node { id } } } }');
    assert.equal(shallow.errors, undefined);
  });

  it('rejects an operation whose cost passes the limit: pages multiply, aliases count', async () => {
    const big = await graphqlHttp(runtime.apiUrl!, 'query Big { products(first: 100) { edges { node { id title categories { id name parent { name } } } } } }');
    assert.equal(big.status, 400);
    assert.equal(big.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.match(big.errors![0]!.message, /Operation Big costs \d+; the limit is 3000 \(TRAWL_GRAPHQL_MAX_COMPLEXITY\)/);
    const aliases = Array.from({ length: 3001 }, (_, i) => `a${i}: __typename`).join(' ');
    const bomb = await graphqlHttp(runtime.apiUrl!, `{ ${aliases} }`);
    assert.equal(bomb.status, 400);
    assert.match(bomb.errors![0]!.message, /costs 3001/);
    const small = await graphqlHttp(runtime.apiUrl!, '{ products(first: 10) { edges { node { id title } } } }');
    assert.equal(small.errors, undefined);
  });

  it('caps every page argument at the maximum page size, literal or variable', async () => {
    const literal = await graphqlHttp(runtime.apiUrl!, '{ products(first: 101) { totalCount } }');
    assert.equal(literal.status, 400);
    assert.equal(literal.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(literal.errors![0]!.message, /products: first must be from 0 to 100 \(TRAWL_MAX_PAGE_SIZE\), got 101/);
    const variable = await graphqlHttp(runtime.apiUrl!, 'query($n: Int) { campaigns(first: $n) { totalCount } }', { n: 5000 });
    assert.equal(variable.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const negative = await graphqlHttp(runtime.apiUrl!, '{ products(first: -1) { totalCount } }');
    assert.equal(negative.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const max = await graphqlHttp(runtime.apiUrl!, '{ products(first: 100) { totalCount } }');
    assert.equal(max.errors, undefined);
  });

  it('applies the same limits to operations over WebSocket', async () => {
    const client = wsClient(runtime.apiUrl!);
    try {
      const errors = await new Promise<unknown>((resolve) => {
        client.subscribe({ query: '{ products(first: 101) { totalCount } }' }, { next: resolve, error: resolve, complete: () => resolve('complete') });
      }) as { extensions?: Record<string, unknown> }[];
      assert.equal(errors[0]?.extensions?.code, 'BAD_USER_INPUT');
    } finally {
      await client.dispose();
    }
  });

  it('tags every response with a correlation id, keeping a sane incoming one', async () => {
    const fresh = await graphqlHttp(runtime.apiUrl!, '{ __typename }');
    assert.match(fresh.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    const kept = await graphqlHttp(runtime.apiUrl!, '{ __typename }', {}, { headers: { 'x-request-id': 'client-trace-0001' } });
    assert.equal(kept.headers.get('x-request-id'), 'client-trace-0001');
    const replaced = await graphqlHttp(runtime.apiUrl!, '{ __typename }', {}, { headers: { 'x-request-id': 'bad id with spaces <script>' } });
    assert.notEqual(replaced.headers.get('x-request-id'), 'bad id with spaces <script>');
  });

  it('allows introspection and serves GraphiQL on loopback by default', async () => {
    const introspection = await graphqlHttp(runtime.apiUrl!, '{ __schema { queryType { name } } }');
    assert.deepEqual(introspection.data, { __schema: { queryType: { name: 'Query' } } });
    const page = await fetch(`${runtime.apiUrl}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
  });
});

describe('Switches: introspection and GraphiQL off', () => {
  it('refuses introspection over HTTP and WebSocket and serves no GraphiQL page', async (t) => {
    const runtime = await startRuntime(t, { api: true, workers: false }, testConfig({ graphqlIntrospection: false, graphiql: false }));
    const http = await graphqlHttp(runtime.apiUrl!, '{ __schema { queryType { name } } }');
    assert.equal(http.status, 400);
    assert.equal(http.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.match(http.errors![0]!.message, /introspection/i);
    const client = wsClient(runtime.apiUrl!);
    const ws = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: '{ __type(name: "Query") { name } }' }, { next: resolve, error: resolve, complete: () => resolve('complete') });
    }).finally(() => client.dispose()) as { message: string; extensions?: Record<string, unknown> }[];
    assert.equal(ws[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    const page = await fetch(`${runtime.apiUrl}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    assert.doesNotMatch(page.headers.get('content-type') ?? '', /text\/html/);
    assert.equal((await fetch(`${runtime.apiUrl}/graphiql-assets/graphiql.css`)).status, 404);
  });
});

describe('Unexpected errors', () => {
  it('are masked for clients with a correlation id and logged in full with the same id', async (t) => {
    const logger = recordingLogger();
    const events = new MemoryEventBus();
    const failing = { listProducts: () => { throw new TypeError('secret detail: the connection string was mongodb://admin:pw@db'); } };
    const server = new ApiServer({
      schema: await buildGraphqlSchema(events), services: { catalog: failing, events } as unknown as ApiServices, logger, maxRequestBytes: 1_000_000,
      health: {}, security: { ...testConfig(), host: '127.0.0.1' },
    });
    t.after(async () => { await server.close(); await events.close(); });
    const url = await server.start(0, '127.0.0.1');
    const result = await graphqlHttp(url, '{ products { totalCount } }');
    const error = result.errors?.[0];
    assert.equal(error?.message, 'Internal server error');
    assert.equal(error?.extensions?.code, 'INTERNAL_SERVER_ERROR');
    assert.doesNotMatch(JSON.stringify(result), /secret detail|mongodb/);
    const correlationId = error?.extensions?.correlationId;
    assert.equal(correlationId, result.headers.get('x-request-id'));
    const logged = logger.entries.find((e) => e.level === 'error' && e.context.requestId === correlationId);
    assert.ok(logged, `no error logged with ${String(correlationId)}: ${JSON.stringify(logger.entries)}`);
    assert.match(String((logged.context.err as Error).stack), /TypeError: secret detail/);

    const client = wsClient(url);
    const ws = await new Promise<{ errors?: { message: string; extensions?: Record<string, unknown> }[] }>((resolve, reject) => {
      client.subscribe({ query: '{ products { totalCount } }' }, { next: resolve as never, error: reject, complete: () => {} });
    }).finally(() => client.dispose());
    assert.equal(ws.errors?.[0]?.message, 'Internal server error');
    const wsId = ws.errors?.[0]?.extensions?.correlationId;
    assert.ok(logger.entries.some((e) => e.level === 'error' && e.context.requestId === wsId && /secret detail/.test(String((e.context.err as Error).message))));
  });
});
