import { Arg, Ctx, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { QueueStats as DomainQueueStats } from '../domain/ports/job-queue.port.js';
import { CleanableStateEnum, CleanQueueResult, QueueNameEnum, QueueStats } from '../schema/queue.type.js';
import type { GraphQLContext } from './context.js';

@Resolver(() => QueueStats)
export class QueueResolver {
  @Query(() => [QueueStats], { description: 'Every queue with its job counts per state, pause flag and throughput' })
  async queues(@Ctx() { services }: GraphQLContext): Promise<QueueStats[]> {
    return (await services.queueAdmin.queues()).map(toQueueStats);
  }

  @Mutation(() => QueueStats, { description: 'Pauses a queue: workers finish their running jobs and take no new ones from it' })
  async pauseQueue(@Arg('queue', () => QueueNameEnum, { description: 'The queue to pause' }) queue: QueueNameEnum, @Ctx() { services }: GraphQLContext): Promise<QueueStats> {
    return toQueueStats(await services.queueAdmin.pause(queue));
  }

  @Mutation(() => QueueStats, { description: 'Resumes a paused queue' })
  async resumeQueue(@Arg('queue', () => QueueNameEnum, { description: 'The queue to resume' }) queue: QueueNameEnum, @Ctx() { services }: GraphQLContext): Promise<QueueStats> {
    return toQueueStats(await services.queueAdmin.resume(queue));
  }

  @Mutation(() => CleanQueueResult, { description: 'Removes old jobs of one state from a queue; waiting, prioritized and delayed ones are recorded as CANCELLED' })
  async cleanQueue(
    @Arg('queue', () => QueueNameEnum, { description: 'The queue to clean' }) queue: QueueNameEnum,
    @Arg('state', () => CleanableStateEnum, { description: 'Which jobs to remove' }) state: CleanableStateEnum,
    @Arg('olderThanMs', () => Int, { defaultValue: 0, description: 'Only jobs older than this many milliseconds (0: any age)' }) olderThanMs: number,
    @Arg('limit', () => Int, { defaultValue: 100, description: 'Most jobs removed by this call (1 to TRAWL_MAX_PAGE_SIZE)' }) limit: number,
    @Ctx() { services }: GraphQLContext,
  ): Promise<CleanQueueResult> {
    const result = await services.queueAdmin.clean(queue, state, olderThanMs, limit);
    return { queue: result.queue as QueueNameEnum, state: result.state as CleanableStateEnum, removed: result.jobIds.length, jobIds: result.jobIds };
  }

  @Subscription(() => [QueueStats], {
    description: 'Every queue\'s counts and throughput, every intervalMs (clamped to 500 ms .. 60 s); subscribers at one interval share one poll',
    subscribe: ({ args, context }) => (context as GraphQLContext).services.queueAdmin.watchQueues(args.intervalMs as number | null),
  })
  queueStats(
    @Arg('intervalMs', () => Int, { nullable: true, description: 'Milliseconds between two snapshots (default 1000, clamped to 500 .. 60000)' }) _intervalMs: number | null,
    @Root() stats: DomainQueueStats[],
  ): QueueStats[] {
    return stats.map(toQueueStats);
  }
}

function toQueueStats(stats: DomainQueueStats): QueueStats {
  const { counts } = stats;
  return {
    name: stats.name, isPaused: stats.isPaused, ...counts, paused: stats.isPaused ? counts.waiting + counts.prioritized : 0,
    processedPerMinute: stats.processedPerMinute, failedPerMinute: stats.failedPerMinute, at: stats.at,
  };
}
