import { Ctx, Query, Resolver } from 'type-graphql';
import { HealthType } from '../schema/health.type.js';
import type { GraphQLContext } from './context.js';

@Resolver(() => HealthType)
export class HealthResolver {
  @Query(() => HealthType, { description: 'Readiness of this API process: Redis, store, queue, live workers and progress of waiting jobs, each with ok, reason and latency' })
  async health(@Ctx() { services }: GraphQLContext): Promise<HealthType> {
    return services.health.ready();
  }
}
