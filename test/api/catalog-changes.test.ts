import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { collect, graphqlHttp, waitUntil, wsClient } from '../support/graphql-client.js';
import { startRuntime } from '../support/runtime.js';

const ENQUEUE = 'mutation($url: String!) { enqueueJob(input: { type: PRODUCT, url: $url, priority: HIGH }) { id } }';
const JOB = 'query($id: ID!) { job(id: $id) { state result { productId } } }';
const CHANGED = `subscription($domain: String) { productChanged(domain: $domain) {
  productId domain title price { before { amount currency } after { amount currency } } availability { before after } } }`;

/** A one-product shop whose price and stock the test changes between scrapes. */
function productPage(state: { price: string; stock: string }): string {
  const data = { '@context': 'https://schema.org', '@type': 'Product', name: 'Trail Lantern', sku: 'LAN-1', image: 'https://cdn.example/lantern.png',
    offers: { '@type': 'Offer', price: state.price, priceCurrency: 'EUR', availability: `https://schema.org/${state.stock}` } };
  return `<!doctype html><html lang="en"><head><title>Trail Lantern</title><script type="application/ld+json">${JSON.stringify(data)}</script></head>
    <body><h1>Trail Lantern</h1><p>${state.price} EUR</p></body></html>`;
}

describe('productChanged: price and availability diffs, live over graphql-ws', () => {
  const cleanups: (() => Promise<void>)[] = [];
  const state = { price: '30.00', stock: 'InStock' };
  let shop: Server;
  let shopUrl: string;
  let runtime: Runtime;

  before(async () => {
    shop = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(productPage(state));
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}/products/lantern`;
    runtime = await startRuntime({ after: (fn: () => Promise<void>) => void cleanups.push(fn) }, { api: true, workers: true });
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
    await new Promise((resolve) => shop.close(resolve));
  });

  async function scrape(): Promise<string> {
    const enqueued = await graphqlHttp(runtime.apiUrl!, ENQUEUE, { url: shopUrl });
    assert.equal(enqueued.errors, undefined, JSON.stringify(enqueued.errors));
    const id = enqueued.data.enqueueJob.id as string;
    const job = await waitUntil(async () => {
      const result = await graphqlHttp(runtime.apiUrl!, JOB, { id });
      const current = result.data?.job;
      if (current?.state === 'FAILED') throw new Error(`job ${id} failed`);
      return current?.state === 'COMPLETED' ? current : undefined;
    }, 60_000, `job ${id} to complete`);
    return job.result.productId as string;
  }

  it('announces the price and availability change of a re-scraped product, and keeps both states in its history', async () => {
    const productId = await scrape();
    const listed = await graphqlHttp(runtime.apiUrl!, 'query($id: ID!) { node(id: $id) { ... on Product { domain } } }', { id: productId });
    const domain = listed.data.node.domain as string;
    const client = wsClient(runtime.apiUrl!);
    cleanups.push(() => client.dispose() as Promise<void>);
    const stream = collect<{ productChanged: any }>(client, CHANGED, { domain }, () => true, 60_000);
    // Give the subscription a moment to reach the server; then the price drops and the lantern sells out.
    await new Promise((resolve) => setTimeout(resolve, 300));
    state.price = '24.50';
    state.stock = 'OutOfStock';
    assert.equal(await scrape(), productId);
    const [event] = await stream.done;
    assert.deepEqual(event!.productChanged, {
      productId, domain, title: 'Trail Lantern',
      price: { before: { amount: '30.00', currency: 'EUR' }, after: { amount: '24.50', currency: 'EUR' } },
      availability: { before: 'IN_STOCK', after: 'OUT_OF_STOCK' },
    });
    const history = await graphqlHttp(runtime.apiUrl!, 'query($id: ID!) { node(id: $id) { ... on Product { history { price { amount } availability } } } }', { id: productId });
    assert.deepEqual(history.data.node.history, [{ price: { amount: '24.50' }, availability: 'OUT_OF_STOCK' }, { price: { amount: '30.00' }, availability: 'IN_STOCK' }]);
  });

  it('refuses a productChanged subscription with neither a domain nor a campaign, naming the field', async () => {
    const client = wsClient(runtime.apiUrl!);
    cleanups.push(() => client.dispose() as Promise<void>);
    await assert.rejects(collect(client, 'subscription { productChanged { productId } }', {}, () => true, 20_000).done, /domain/);
  });
});
