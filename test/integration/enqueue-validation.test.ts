import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { graphqlHttp } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';

const ENQUEUE = `mutation Enqueue($input: EnqueueJobInput!) { enqueueJob(input: $input) { id } }`;

describe('enqueueJob rejects bad input with a clear error and queues nothing', () => {
  let api: Runtime;
  const cleanups: (() => Promise<void>)[] = [];
  before(async () => {
    api = await startRuntime({ after: (fn: () => Promise<void>) => void cleanups.push(fn) }, { api: true, workers: false }, testConfig({ allowPrivateNetwork: false }));
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  async function execute(input: Record<string, unknown>) {
    const response = await api.apiServer!.apollo.executeOperation({ query: ENQUEUE, variables: { input } }, { contextValue: api.apiServer!.context() });
    assert.equal(response.body.kind, 'single');
    return response.body.kind === 'single' ? response.body.singleResult : undefined!;
  }

  for (const [label, url, pattern] of [
    ['a relative URL', '/products/x', /input\.url "\/products\/x" is not an absolute URL/],
    ['a malformed URL', 'http://exa mple.com/x', /input\.url .* is not an absolute URL/],
    ['an ftp URL', 'ftp://example.com/file', /input\.url "ftp:\/\/example\.com\/file" is not http\(s\)/],
    ['a javascript: URL', 'javascript:alert(1)', /is not http\(s\)/],
    ['a URL with credentials', 'https://user:pw@example.com/p', /must not carry credentials/],
    ['an empty URL', '   ', /input\.url is empty/],
  ] as const) {
    it(`rejects ${label} as BAD_USER_INPUT naming input.url`, async () => {
      const result = await execute({ type: 'PRODUCT', url });
      assert.equal(result.data?.enqueueJob ?? null, null);
      const error = result.errors?.[0];
      assert.equal(error?.extensions?.code, 'BAD_USER_INPUT');
      assert.equal(error?.extensions?.field, 'input.url');
      assert.match(error!.message, pattern);
    });
  }

  it('rejects a loopback or private-network target unless the deployment allows it', async () => {
    for (const url of ['http://127.0.0.1:8080/p', 'http://localhost/p', 'http://10.1.2.3/p', 'http://[::1]/p', 'http://169.254.169.254/latest/meta-data']) {
      const result = await execute({ type: 'PRODUCT', url });
      assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', url);
      assert.equal(result.errors?.[0]?.extensions?.trawlCode, 'PRIVATE_NETWORK_TARGET', url);
    }
  });

  it('rejects a bad category path naming input.category.path', async () => {
    const result = await execute({ type: 'PRODUCT', url: 'https://shop.example/p/1', category: { path: 'ftp://x/y', name: 'Boots' } });
    assert.equal(result.errors?.[0]?.extensions?.field, 'input.category.path');
  });

  it('rejects an unknown job type and an unknown priority in the schema, over HTTP', async () => {
    const type = await graphqlHttp(api.apiUrl!, ENQUEUE, { input: { type: 'LAUNCH_MISSILES', url: 'https://shop.example/p' } });
    assert.equal(type.status, 400);
    assert.equal(type.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(type.errors![0]!.message, /LAUNCH_MISSILES/);
    const priority = await graphqlHttp(api.apiUrl!, ENQUEUE, { input: { type: 'PRODUCT', url: 'https://shop.example/p', priority: 'YESTERDAY' } });
    assert.equal(priority.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(priority.errors![0]!.message, /YESTERDAY/);
    const inline = await graphqlHttp(api.apiUrl!, `mutation { enqueueJob(input: { type: SOMETHING, url: "https://shop.example/p" }) { id } }`);
    assert.equal(inline.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('answers an oversized request with 413 and a JSON error', async () => {
    const response = await fetch(`${api.apiUrl}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ job(id: "${'x'.repeat(2 * 1024 * 1024)}") { id } }` }),
    });
    assert.equal(response.status, 413);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    assert.equal(body.errors[0]!.extensions.code, 'PAYLOAD_TOO_LARGE');
  });

  it('rejects a page size out of range naming the argument', async () => {
    const result = await graphqlHttp(api.apiUrl!, '{ products(first: 100000) { totalCount } }');
    assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(result.errors?.[0]?.extensions?.field, 'first');
  });

  it('answers a job id it does not know with null, not an error', async () => {
    const result = await graphqlHttp(api.apiUrl!, '{ job(id: "nope") { id } }');
    assert.equal(result.errors, undefined);
    assert.equal(result.data?.job, null);
  });
});
