import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('Worker', { description: 'A live worker process, as its last heartbeat described it (it drops out when its heartbeats stop)' })
export class WorkerType {
  @Field(() => ID, { description: 'Worker id: hostname:pid:random, unique per process start' })
  id!: string;

  @Field(() => String, { description: 'Host name of the machine the worker runs on' })
  host!: string;

  @Field(() => Int, { description: 'Process id on its host' })
  pid!: number;

  @Field(() => Int, { description: 'Jobs the worker runs at once on each queue' })
  concurrency!: number;

  @Field(() => Int, { description: 'Jobs running in the worker at its last heartbeat' })
  activeJobs!: number;

  @Field(() => [String], { description: 'Queues the worker serves' })
  queues!: string[];

  @Field(() => Date, { description: 'When the worker process started' })
  startedAt!: Date;

  @Field(() => Date, { description: 'When the worker last wrote its heartbeat' })
  lastHeartbeatAt!: Date;

  @Field(() => String, { description: 'trawl version the worker runs' })
  version!: string;
}
