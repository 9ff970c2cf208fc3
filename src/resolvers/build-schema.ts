import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import type { EventBus } from '../domain/ports/event-bus.port.js';
import { CampaignResolver } from './campaign.resolver.js';
import { CategoryLinkResolver, CategoryResolver } from './category.resolver.js';
import { SiteResolver } from './site.resolver.js';
import { JobResolver } from './job.resolver.js';
import { ProductResolver } from './product.resolver.js';
import { DeadLetterResolver } from './dead-letter.resolver.js';

/**
 * Builds the executable GraphQL schema from the resolvers. The event bus backs
 * type-graphql's `pubSub`, so `@Subscription({ topics })` and the resolvers'
 * own `subscribe` functions share one source of live events.
 */
export async function buildGraphqlSchema(events: EventBus): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [JobResolver, ProductResolver, CategoryResolver, CategoryLinkResolver, CampaignResolver, SiteResolver, DeadLetterResolver],
    validate: false,
    emitSchemaFile: false,
    pubSub: {
      publish: (topic: string, payload: unknown) => events.publish(topic, payload),
      subscribe: (topic: string, dynamicId?: unknown) =>
        events.subscribe(dynamicId === undefined ? topic : `${topic}:${String(dynamicId)}`),
    },
  });
}
