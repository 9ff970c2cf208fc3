import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { graphql, type GraphQLSchema } from 'graphql';
import type { Store } from '../../src/domain/ports/storage.port.js';
import { CatalogService } from '../../src/domain/services/catalog.service.js';
import { MemoryEventBus } from '../../src/events/memory-event-bus.js';
import { buildGraphqlSchema } from '../../src/resolvers/build-schema.js';
import { createLoaders } from '../../src/resolvers/loaders.js';
import type { ApiServices, GraphQLContext } from '../../src/resolvers/context.js';
import { SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { categoryInput, productWrite } from '../support/fixtures.js';
import { tempDir } from '../support/env.js';

/** Wraps each repository of a store so every call is counted by `repository.method`. */
function countingStore(store: Store, calls: Map<string, number>): Store {
  const wrap = <T extends object>(name: string, target: T): T => new Proxy(target, {
    get(object, property) {
      const value = Reflect.get(object, property) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const key = `${name}.${String(property)}`;
        calls.set(key, (calls.get(key) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(object, args);
      };
    },
  });
  return new Proxy(store, {
    get(object, property) {
      const value = Reflect.get(object, property) as unknown;
      return typeof value === 'object' && value !== null ? wrap(String(property), value) : value;
    },
  });
}

describe('catalog DataLoaders', () => {
  let store: Store;
  let schema: GraphQLSchema;
  const events = new MemoryEventBus();

  before(async () => {
    store = SqliteStore.open({ file: join(tempDir(), 'trawl.sqlite') });
    const campaigns = [];
    for (let c = 0; c < 3; c++) campaigns.push(await store.campaigns.create({ seedUrl: `https://c${c}.example/`, site: `c${c}.example`, options: { priority: 'NORMAL', rateLimitDelayMs: 0, renderJs: 'NEVER' } }));
    for (let i = 0; i < 100; i++) {
      const write = productWrite(`p${i}`, categoryInput(`cat${i % 7}`), { campaignId: campaigns[i % 3]!.id });
      await store.recordProductScrape(write);
      if (i % 2 === 0) await store.recordProductScrape(productWrite(`p${i}`, categoryInput(`extra${i % 5}`)));
    }
    schema = await buildGraphqlSchema(events);
  });
  after(async () => {
    await events.close();
    await store.close();
  });

  it('resolves categories and campaign of 100 products with a small constant number of storage calls', async () => {
    const calls = new Map<string, number>();
    const catalog = new CatalogService(countingStore(store, calls));
    const contextValue: GraphQLContext = {
      services: { catalog, events } as unknown as ApiServices, loaders: createLoaders(catalog), principal: { name: 'test', role: 'read' }, requestId: 'loaders',
    };
    const result = await graphql({
      schema, contextValue,
      source: '{ products(first: 100) { edges { node { categories { name } campaign { id } history { availability } } } } }',
    });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const edges = (result.data as any).products.edges as { node: { categories: { name: string }[]; campaign: { id: string } | null } }[];
    assert.equal(edges.length, 100);
    assert.ok(edges.every((e) => e.node.categories.length >= 1 && e.node.campaign));
    assert.ok(edges.some((e) => e.node.categories.length === 2));
    const total = [...calls.values()].reduce((a, b) => a + b, 0);
    assert.deepEqual(Object.fromEntries(calls), {
      'products.list': 1, 'products.categoryIdsOf': 1, 'categories.getByIds': 1, 'campaigns.getByIds': 1, 'products.historyOf': 1,
    });
    assert.equal(total, 5);
  });
});
