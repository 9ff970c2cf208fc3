import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { printSchema } from 'graphql';
import { wsClient } from '../support/graphql-client.js';
import { startRuntime } from '../support/runtime.js';
import { buildGraphqlSchema } from '../../src/resolvers/build-schema.js';
import { MemoryEventBus } from '../../src/events/memory-event-bus.js';

/** The first result or error of a subscription. */
function firstResult(client: ReturnType<typeof wsClient>, query: string, variables: Record<string, unknown>): Promise<{ data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  return new Promise((resolve, reject) => {
    const unsubscribe = client.subscribe({ query, variables }, {
      next: (result) => {
        unsubscribe();
        resolve(result as never);
      },
      error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error instanceof Error ? error : new Error(JSON.stringify(error)))),
      complete: () => resolve({}),
    });
  });
}

describe('live event subscriptions: inputs', () => {
  it('refuses an empty filter naming the field, and an unknown campaign as NOT_FOUND', async (t) => {
    const runtime = await startRuntime(t, { api: true, workers: false });
    const client = wsClient(runtime.apiUrl!);
    try {
      const empty = await firstResult(client, 'subscription($id: ID) { jobUpdated(id: $id) { jobId } }', { id: ' ' });
      assert.equal(empty.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(empty));
      assert.equal(empty.errors?.[0]?.extensions?.field, 'id');
      const emptyCampaign = await firstResult(client, 'subscription($c: ID) { jobUpdated(campaignId: $c) { jobId } }', { c: '' });
      assert.equal(emptyCampaign.errors?.[0]?.extensions?.field, 'campaignId', JSON.stringify(emptyCampaign));
      const unknown = await firstResult(client, 'subscription { campaignProgress(id: "no-such-campaign") { percent } }', {});
      assert.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND', JSON.stringify(unknown));
      assert.match(unknown.errors![0]!.message, /no-such-campaign/);
    } finally {
      await client.dispose();
    }
  });

  it('describes the subscription arguments and the new event fields', async () => {
    const sdl = printSchema(await buildGraphqlSchema(new MemoryEventBus()));
    const jobUpdated = /\n  jobUpdated\(([^)]*)\): JobEvent!/.exec(sdl)?.[1] ?? '';
    for (const [description, arg] of [['Only this job', 'id: ID'], ['Only the jobs of this campaign', 'campaignId: ID'], ['Only jobs of this kind', 'type: JobType']]) {
      assert.ok(jobUpdated.includes(`"""${description}"""\n    ${arg}\n`), `${arg} in ${jobUpdated}`);
    }
    for (const field of ['type: JobType', 'campaignId: ID', 'dropped: Int!']) assert.ok(sdl.includes(field), field);
  });
});
