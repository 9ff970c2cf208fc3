import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { MemoryEventBus } from '../events/memory-event-bus.js';
import { buildGraphqlSchema } from './build-schema.js';

/** The schema's SDL, types and fields sorted, so the published artifact only changes when the API does. */
export function schemaSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** The SDL of trawl's GraphQL API as the code defines it (what `npm run schema` writes to schema.graphql). */
export async function trawlSchemaSdl(): Promise<string> {
  const events = new MemoryEventBus();
  try {
    return schemaSdl(await buildGraphqlSchema(events));
  } finally {
    await events.close();
  }
}
