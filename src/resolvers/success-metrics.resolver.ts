import { Arg, Ctx, Float, Query, Resolver } from 'type-graphql';
import { SuccessMetrics } from '../schema/success-metrics.type.js';
import type { GraphQLContext } from './context.js';

@Resolver(() => SuccessMetrics)
export class SuccessMetricsResolver {
  @Query(() => SuccessMetrics, { description: 'The seed\'s success metrics (throughput, queue time, success rate, worker utilization, queue depth stability) over the last windowMinutes' })
  async successMetrics(
    @Arg('windowMinutes', () => Float, { defaultValue: 5, description: 'Length of the window in minutes (above 0, at most 1440)' }) windowMinutes: number,
    @Ctx() { services }: GraphQLContext,
  ): Promise<SuccessMetrics> {
    return services.successMetrics.compute(windowMinutes);
  }
}
