import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { graphqlHttp, waitUntil } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';
import { startFixtureServer, type FixtureServer } from '../scrapers/support/fixture-server.js';

/** A shop whose search results are drawn by JavaScript and paged by a "next" button. */
const SHOP = `<!doctype html><html><body>
<input id="q"><button id="go">Search</button><ul id="results"></ul><button id="next" hidden>Next</button>
<script>
  const all = Array.from({ length: 7 }, (_, i) => 'Boot ' + (i + 1));
  let page = 0, hits = [];
  function draw() {
    document.getElementById('results').innerHTML = hits.slice(page * 3, page * 3 + 3).map((h) => '<li class="name">' + h + '</li>').join('');
    document.getElementById('next').hidden = (page + 1) * 3 >= hits.length;
  }
  document.getElementById('go').onclick = () => { const q = document.getElementById('q').value.toLowerCase(); hits = all.filter((n) => n.toLowerCase().includes(q)); page = 0; draw(); };
  document.getElementById('next').onclick = () => { page++; draw(); };
</script></body></html>`;

const NAVIGATE = `mutation($input: EnqueueJobInput!) { enqueueJob(input: $input) { id state type } }`;
const JOB = `query($id: ID!) { job(id: $id) { state failedReason errorCode resultSource output } }`;

describe('navigation jobs (seed 004): browser steps as data, results stored like other jobs', () => {
  let site: FixtureServer;
  let runtime: Runtime;
  const cleanups: (() => Promise<void>)[] = [];
  before(async () => {
    site = await startFixtureServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(SHOP));
    runtime = await startRuntime({ after: (fn: () => Promise<void>) => void cleanups.push(fn) }, { api: true, workers: true }, testConfig());
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
    await site.close();
  });

  const finished = (id: string) => waitUntil(async () => {
    const job = (await graphqlHttp(runtime.apiUrl!, JOB, { id })).data?.job;
    return job && ['COMPLETED', 'FAILED'].includes(job.state) ? job : undefined;
  }, 90_000, `job ${id}`);

  it('runs fill, click and paginate in Chromium from GraphQL and stores what it extracted', async () => {
    const steps = [
      { action: 'FILL', selector: '#q', value: 'boot' },
      { action: 'CLICK', selector: '#go', waitFor: '.name' },
      { action: 'PAGINATE', selector: '#next', maxPages: 5, fields: [{ name: 'names', selector: '.name' }] },
    ];
    const queued = await graphqlHttp(runtime.apiUrl!, NAVIGATE, { input: { type: 'NAVIGATE', url: `${site.origin}/`, steps } });
    assert.equal(queued.errors, undefined, JSON.stringify(queued.errors));
    assert.equal(queued.data!.enqueueJob.type, 'NAVIGATE');
    const job = await finished(queued.data!.enqueueJob.id);
    assert.equal(job.state, 'COMPLETED', job.failedReason);
    assert.equal(job.resultSource, 'storage');
    const names = job.output.extracted.flatMap((r: { names: string[] }) => r.names);
    assert.deepEqual(names, ['Boot 1', 'Boot 2', 'Boot 3', 'Boot 4', 'Boot 5', 'Boot 6', 'Boot 7']);
    assert.ok(job.output.steps.every((s: { ok: boolean }) => s.ok));
  });

  it('takes navigations over REST and reports a step that times out, naming it', async () => {
    const response = await fetch(`${runtime.apiUrl}/api/v1/navigate`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${site.origin}/`, steps: [{ action: 'click', selector: '#missing', timeoutMs: 500 }] }),
    });
    assert.equal(response.status, 202);
    const { statusUrl } = (await response.json()) as { statusUrl: string };
    const status = await waitUntil(async () => {
      const body = (await (await fetch(`${runtime.apiUrl}${statusUrl}`)).json()) as { state: string; failedReason?: string };
      return ['COMPLETED', 'FAILED'].includes(body.state) ? body : undefined;
    }, 90_000, 'rest navigation');
    assert.equal(status.state, 'FAILED');
    assert.match(status.failedReason!, /step 1 \(click "#missing"\)/);
  });

  it('rejects invalid steps at enqueue, naming the step and field', async () => {
    const bad = await graphqlHttp(runtime.apiUrl!, NAVIGATE, { input: { type: 'NAVIGATE', url: `${site.origin}/`, steps: [{ action: 'CLICK' }] } });
    assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(bad.errors?.[0]?.extensions?.field, 'input.steps.0.selector');
    const none = await graphqlHttp(runtime.apiUrl!, NAVIGATE, { input: { type: 'NAVIGATE', url: `${site.origin}/` } });
    assert.equal(none.errors?.[0]?.extensions?.field, 'input.steps');
    const rest = await fetch(`${runtime.apiUrl}/api/v1/navigate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: `${site.origin}/`, steps: [{ action: 'fly' }] }) });
    assert.equal(rest.status, 400);
    assert.equal(((await rest.json()) as { error: { field: string } }).error.field, 'body.steps.0.action');
  });
});
