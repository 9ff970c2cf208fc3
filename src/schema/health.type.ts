import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType('HealthCheck', { description: 'One readiness check of the API process (redis, store, queue, workers, progress)' })
export class HealthCheckType {
  @Field(() => String, { description: 'What was checked: redis, store, queue, workers (a live worker heartbeat) or progress (waiting jobs get done)' })
  name!: string;

  @Field(() => Boolean, { description: 'Whether the check passed' })
  ok!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the check failed, or what it saw when it passed (e.g. "2 live workers")' })
  reason?: string | undefined;

  @Field(() => Float, { description: 'How long the check took, in milliseconds' })
  latencyMs!: number;
}

@ObjectType('Health', { description: 'Readiness of the API process: the same checks as GET /health/ready' })
export class HealthType {
  @Field(() => Boolean, { description: 'True when every check passed (GET /health/ready answers 200), false otherwise (503)' })
  ready!: boolean;

  @Field(() => Date, { description: 'When the checks ran' })
  checkedAt!: Date;

  @Field(() => [HealthCheckType], { description: 'Every check with its verdict, reason and latency' })
  checks!: HealthCheckType[];
}
