import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { JobStateEnum } from './enums.js';
import { Job } from './job.type.js';

export enum QueueNameEnum {
  SCRAPING = 'scraping',
  SCRAPING_URGENT = 'scraping-urgent',
}
registerEnumType(QueueNameEnum, {
  name: 'QueueName',
  description: 'A trawl queue: scraping (regular work, by priority) or scraping-urgent (URGENT jobs, served first)',
  valuesConfig: {
    SCRAPING: { description: 'The regular queue: HIGH, NORMAL and LOW jobs by priority' },
    SCRAPING_URGENT: { description: 'The urgent queue: URGENT jobs, served before the regular queue' },
  },
});

export enum CleanableStateEnum {
  COMPLETED = 'completed',
  FAILED = 'failed',
  DELAYED = 'delayed',
  WAITING = 'waiting',
  PRIORITIZED = 'prioritized',
}
registerEnumType(CleanableStateEnum, {
  name: 'CleanableJobState',
  description: 'A state cleanQueue can empty; jobs removed before they ran are recorded as CANCELLED',
  valuesConfig: {
    COMPLETED: { description: 'Finished jobs kept in the queue history' },
    FAILED: { description: 'Jobs that failed for good, kept in the queue history' },
    DELAYED: { description: 'Jobs waiting for a retry backoff or a hold-back to pass' },
    WAITING: { description: 'Jobs waiting for a worker' },
    PRIORITIZED: { description: 'Jobs with a priority waiting for a worker' },
  },
});

export enum CancelOutcomeEnum {
  CANCELLED = 'CANCELLED',
  ABORT_REQUESTED = 'ABORT_REQUESTED',
}
registerEnumType(CancelOutcomeEnum, {
  name: 'CancelOutcome',
  description: 'What cancelJob did',
  valuesConfig: {
    CANCELLED: { description: 'The job had not started: it was removed from the queue and recorded as CANCELLED' },
    ABORT_REQUESTED: { description: 'The job was running: its worker aborts it and it ends failed with code CANCELLED, without retries' },
  },
});

@ObjectType({ description: 'One queue right now: job counts by state, whether it is paused, and its throughput' })
export class QueueStats {
  @Field(() => String, { description: 'Queue name (scraping or scraping-urgent)' })
  name!: string;

  @Field(() => Boolean, { description: 'Whether the queue is paused (workers take no new jobs from it)' })
  isPaused!: boolean;

  @Field(() => Int, { description: 'Jobs waiting for a worker (including prioritized ones held by a paused queue)' })
  waiting!: number;

  @Field(() => Int, { description: 'Jobs running now' })
  active!: number;

  @Field(() => Int, { description: 'Finished jobs still in the queue history' })
  completed!: number;

  @Field(() => Int, { description: 'Jobs that failed for good, still in the queue history' })
  failed!: number;

  @Field(() => Int, { description: 'Jobs waiting for a retry backoff or a hold-back to pass' })
  delayed!: number;

  @Field(() => Int, { description: 'Jobs with a priority waiting for a worker' })
  prioritized!: number;

  @Field(() => Int, { description: 'Jobs held because the queue is paused (0 while it runs)' })
  paused!: number;

  @Field(() => Int, { description: 'Parent jobs waiting for their child jobs (a campaign\'s site and category jobs)' })
  waitingChildren!: number;

  @Field(() => Float, { description: 'Jobs completed over about the last minute, by all workers' })
  processedPerMinute!: number;

  @Field(() => Float, { description: 'Jobs failed for good over about the last minute, by all workers' })
  failedPerMinute!: number;

  @Field(() => Date, { description: 'When the counts were read' })
  at!: Date;
}

@ObjectType({ description: 'The outcome of cancelJob' })
export class CancelJobResult {
  @Field(() => ID, { description: 'The job id' })
  id!: string;

  @Field(() => CancelOutcomeEnum, { description: 'Removed before it ran, or abort requested from the worker running it' })
  outcome!: CancelOutcomeEnum;

  @Field(() => JobStateEnum, { description: 'The job\'s state when the request arrived' })
  previousState!: JobStateEnum;

  @Field(() => Job, { nullable: true, description: 'The job as it stands after the request' })
  job?: Job;
}

@ObjectType({ description: 'The outcome of removeJob' })
export class RemoveJobResult {
  @Field(() => ID, { description: 'The removed job\'s id' })
  id!: string;

  @Field(() => JobStateEnum, { description: 'The state the job was removed from' })
  previousState!: JobStateEnum;
}

@ObjectType({ description: 'The outcome of cleanQueue' })
export class CleanQueueResult {
  @Field(() => QueueNameEnum, { description: 'The cleaned queue' })
  queue!: QueueNameEnum;

  @Field(() => CleanableStateEnum, { description: 'The state that was cleaned' })
  state!: CleanableStateEnum;

  @Field(() => Int, { description: 'How many jobs were removed' })
  removed!: number;

  @Field(() => [ID], { description: 'Ids of the removed jobs' })
  jobIds!: string[];
}
