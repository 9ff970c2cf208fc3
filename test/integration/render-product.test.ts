import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { graphqlHttp, waitUntil } from '../support/graphql-client.js';
import { startRuntime, testConfig } from '../support/runtime.js';
import { startFixtureServer, type FixtureServer } from '../scrapers/support/fixture-server.js';

/** A product page that is an empty app shell until its script draws the product. */
const SHELL = (name: string) => `<!doctype html><html><head><title>Shop</title><script src="/app.js" defer></script></head>
<body><div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript></body></html>`;
const APP = `const name = decodeURIComponent(location.pathname.split('/').pop());
setTimeout(() => {
  document.getElementById('root').innerHTML = '<h1>' + name + '</h1><span class="price">$49.00</span>';
  const ld = document.createElement('script'); ld.type = 'application/ld+json';
  ld.textContent = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Product', name, sku: 'SKU-' + name,
    offers: { '@type': 'Offer', price: '49.00', priceCurrency: 'USD', availability: 'https://schema.org/InStock' } });
  document.head.appendChild(ld);
}, 50);`;

const ENQUEUE = `mutation($input: EnqueueJobInput!) { enqueueJob(input: $input) { id } }`;
const JOB = `query($id: ID!) { job(id: $id) { state errorCode failedReason result { title price { amount currency } } } }`;

describe('rendering product pages that need JavaScript (renderJs AUTO, learned per site)', () => {
  let site: FixtureServer;
  let runtime: Runtime;
  const cleanups: (() => Promise<void>)[] = [];
  before(async () => {
    site = await startFixtureServer((req, res) => {
      if (req.url === '/app.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(APP);
      res.writeHead(200, { 'content-type': 'text/html' }).end(SHELL(req.url ?? ''));
    });
    runtime = await startRuntime({ after: (fn: () => Promise<void>) => void cleanups.push(fn) }, { api: true, workers: true }, testConfig());
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
    await site.close();
  });

  const run = async (path: string, renderJs?: string) => {
    const queued = await graphqlHttp(runtime.apiUrl!, ENQUEUE, { input: { type: 'PRODUCT', url: `${site.origin}${path}`, ...(renderJs ? { renderJs } : {}) } });
    assert.equal(queued.errors, undefined, JSON.stringify(queued.errors));
    return waitUntil(async () => {
      const job = (await graphqlHttp(runtime.apiUrl!, JOB, { id: queued.data!.enqueueJob.id })).data?.job;
      return job && ['COMPLETED', 'FAILED'].includes(job.state) ? job : undefined;
    }, 90_000, path);
  };

  it('fails a shell as NOT_A_PRODUCT when rendering is off, and renders it when AUTO sees an app shell', async () => {
    const never = await run('/products/Never%20Boot', 'NEVER');
    assert.equal(never.errorCode, 'NOT_A_PRODUCT');
    const auto = await run('/products/Trail%20Boot');
    assert.equal(auto.state, 'COMPLETED', auto.failedReason);
    assert.equal(auto.result.title, 'Trail Boot');
    assert.equal(Number(auto.result.price.amount), 49);
    const decision = await runtime.store.sites.getRenderDecision(new URL(site.origin).host);
    assert.equal(decision?.mode, 'BROWSER');
  });

  it('renders straight away on a site known to need it, without fetching the static page first', async () => {
    const before = site.requests.filter((r) => r.url === '/products/Second%20Boot').length;
    const job = await run('/products/Second%20Boot');
    assert.equal(job.result.title, 'Second Boot');
    assert.equal(site.requests.filter((r) => r.url === '/products/Second%20Boot').length - before, 1, 'one request: the browser\'s');
  });
});
