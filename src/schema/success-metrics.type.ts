import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The seed\'s success metrics over a window ending now: throughput, queue time, success rate, worker utilization and queue depth stability' })
export class SuccessMetrics {
  @Field(() => Float, { description: 'Length of the window in minutes' })
  windowMinutes!: number;

  @Field(() => Date, { description: 'Start of the window' })
  from!: Date;

  @Field(() => Date, { description: 'End of the window (now)' })
  to!: Date;

  @Field(() => Float, { description: 'Throughput: distinct products stored (new or updated) per minute' })
  productsPerMinute!: number;

  @Field(() => Int, { description: 'Jobs completed in the window, all queues and workers (minute resolution)' })
  jobsCompleted!: number;

  @Field(() => Int, { description: 'Jobs failed for good in the window (retried attempts are not counted)' })
  jobsFailed!: number;

  @Field(() => Float, { nullable: true, description: 'Success rate: jobsCompleted / (jobsCompleted + jobsFailed), 0..1; null when no job finished' })
  successRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean end-to-end queue time (enqueued to finished) in ms of completed jobs the queues still keep; null without samples' })
  queueTimeMeanMs!: number | null;

  @Field(() => Float, { nullable: true, description: '95th percentile end-to-end queue time in ms of those jobs' })
  queueTimeP95Ms!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean time in ms those jobs waited before a worker took them' })
  queueWaitMeanMs!: number | null;

  @Field(() => Int, { description: 'Completed jobs the queue times are computed from (the queues keep the last ones only)' })
  queueTimeSamples!: number;

  @Field(() => Float, { nullable: true, description: 'Worker utilization: running jobs / job slots of the live workers at their last heartbeats, 0..1 (seed target 0.7); null without workers' })
  workerUtilization!: number | null;

  @Field(() => Int, { description: 'Live worker processes' })
  liveWorkers!: number;

  @Field(() => Int, { description: 'Jobs waiting, prioritized, delayed or active now, all queues' })
  queueDepth!: number;

  @Field(() => Float, { description: 'Drain rate: jobs finished per minute over the window' })
  drainRatePerMinute!: number;

  @Field(() => Float, { nullable: true, description: 'Fill rate: jobs arriving per minute (drained plus the depth\'s growth since the oldest depth this API process saw in the window); null until it saw one at least 20 s old' })
  fillRatePerMinute!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Queue depth stability: whether the queues drain at least as fast as they fill (within 5%), or are empty; null while the fill rate is unknown' })
  depthStable!: boolean | null;
}
