import { Arg, Ctx, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { WorkerInfo } from '../domain/ports/worker-registry.port.js';
import { WorkerType } from '../schema/worker.type.js';
import type { GraphQLContext } from './context.js';

@Resolver(() => WorkerType)
export class WorkerResolver {
  @Query(() => [WorkerType], { description: 'The live worker processes (those whose heartbeat has not expired), oldest first' })
  async workers(@Ctx() { services }: GraphQLContext): Promise<WorkerType[]> {
    return services.queueAdmin.workers();
  }

  @Subscription(() => [WorkerType], {
    description: 'The live workers every intervalMs (clamped to 500 ms .. 60 s); subscribers at one interval share one poll',
    subscribe: ({ args, context }) => (context as GraphQLContext).services.queueAdmin.watchWorkers(args.intervalMs as number | null),
  })
  workerStatus(
    @Arg('intervalMs', () => Int, { nullable: true, description: 'Milliseconds between two snapshots (default 2000, clamped to 500 .. 60000)' }) _intervalMs: number | null,
    @Root() workers: WorkerInfo[],
  ): WorkerType[] {
    return workers;
  }
}
