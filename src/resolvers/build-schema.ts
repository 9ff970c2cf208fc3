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
import { QueueResolver } from './queue.resolver.js';
import { WorkerResolver } from './worker.resolver.js';
import { JobAdminResolver } from './job-admin.resolver.js';
import { ScheduleResolver } from './schedule.resolver.js';
import { NodeResolver } from './node.resolver.js';
import { JobSearchResolver } from './job-search.resolver.js';
import { ProductChangeResolver } from './product-change.resolver.js';
import { HealthResolver } from './health.resolver.js';
import { PolitenessResolver } from './politeness.resolver.js';
import { SuccessMetricsResolver } from './success-metrics.resolver.js';

/**
 * Builds the executable GraphQL schema from the resolvers. The event bus backs
 * type-graphql's `pubSub`, so `@Subscription({ topics })` and the resolvers'
 * own `subscribe` functions share one source of live events; with the Redis
 * bus, events published by workers or another API instance reach them too.
 */
export async function buildGraphqlSchema(events: EventBus): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [JobResolver, ProductResolver, CategoryResolver, CategoryLinkResolver, CampaignResolver, SiteResolver, DeadLetterResolver, ScheduleResolver, QueueResolver, WorkerResolver, JobAdminResolver, NodeResolver, JobSearchResolver, ProductChangeResolver, PolitenessResolver, HealthResolver, SuccessMetricsResolver],
    validate: false,
    emitSchemaFile: false,
    pubSub: {
      publish: (topic: string, payload: unknown) => events.publish(topic, payload),
      subscribe: (topic: string, dynamicId?: unknown) =>
        events.subscribe(dynamicId === undefined ? topic : `${topic}:${String(dynamicId)}`),
    },
  });
}
