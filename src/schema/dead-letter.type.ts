import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { PageInfo } from './connection.type.js';
import { AttemptErrorType } from './job.type.js';

export enum DeadLetterStatusEnum {
  DEAD = 'DEAD',
  RETRIED = 'RETRIED',
}
registerEnumType(DeadLetterStatusEnum, {
  name: 'DeadLetterStatus',
  description: 'DEAD: failed for good, waiting for a decision; RETRIED: re-driven (the record stays as history)',
});

@ObjectType({ description: 'A response header of the failed fetch' })
export class HttpHeader {
  @Field(() => String) name!: string;
  @Field(() => String) value!: string;
}

@ObjectType({ description: 'What the failed fetch showed, for replay: final URL, status, headers, the first KB of the body, duration, politeness decision' })
export class FailureBundle {
  @Field(() => String) requestedUrl!: string;
  @Field(() => String, { nullable: true, description: 'URL of the last hop, after redirects' }) finalUrl?: string;
  @Field(() => Int, { nullable: true }) httpStatus?: number;
  @Field(() => [HttpHeader], { description: 'Response headers (capped at 8 KB)' }) headers!: HttpHeader[];
  @Field(() => String, { nullable: true, description: 'The first KB of the response body, as text' }) bodyHead?: string;
  @Field(() => Int, { nullable: true }) durationMs?: number;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The politeness/robots decision: { robots, heldBackCount, breaker, ... }' }) politeness?: unknown;
}

@ObjectType({ description: 'A job that failed for good: its payload, every attempt\'s error and the failure bundle' })
export class DeadLetter {
  @Field(() => ID) id!: string;
  @Field(() => ID) jobId!: string;
  @Field(() => String) queue!: string;
  @Field(() => String, { description: 'Job type (the queue\'s job name when the payload was unreadable)' }) type!: string;
  @Field(() => String, { nullable: true }) priority?: string;
  @Field(() => ID, { nullable: true }) campaignId?: string;
  @Field(() => String, { nullable: true }) url?: string;
  @Field(() => String, { description: 'Stable error code of the final failure' }) code!: string;
  @Field(() => String) message!: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The validated job payload; null for a poison job' }) data?: unknown;
  @Field(() => String, { description: 'The payload as read from the queue, as JSON text' }) rawData!: string;
  @Field(() => [AttemptErrorType], { description: 'Every failed attempt, oldest first' }) attempts!: AttemptErrorType[];
  @Field(() => FailureBundle) bundle!: FailureBundle;
  @Field(() => DeadLetterStatusEnum) status!: DeadLetterStatusEnum;
  @Field(() => Int, { description: 'How many times it was re-driven' }) retries!: number;
  @Field(() => Date) deadAt!: Date;
  @Field(() => Date, { nullable: true }) retriedAt?: Date;
}

@ObjectType()
export class DeadLetterEdge {
  @Field(() => DeadLetter) node!: DeadLetter;
  @Field(() => String) cursor!: string;
}

@ObjectType({ description: 'A page of dead letters, in the order they first died' })
export class DeadLetterConnection {
  @Field(() => [DeadLetterEdge]) edges!: DeadLetterEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@InputType({ description: 'Which dead letters to list (all given conditions apply)' })
export class DeadLetterFilterInput {
  @Field(() => ID, { nullable: true }) campaignId?: string;
  @Field(() => String, { nullable: true, description: 'Error code, e.g. HTTP_NOT_FOUND' }) code?: string;
  @Field(() => String, { nullable: true, description: 'Job type, e.g. product' }) type?: string;
  @Field(() => DeadLetterStatusEnum, { nullable: true }) status?: DeadLetterStatusEnum;
  @Field(() => Date, { nullable: true, description: 'Only those that died at or after this moment' }) since?: Date;
}

@ObjectType({ description: 'What retryFailed re-drove' })
export class RetryFailedResult {
  @Field(() => Int) retried!: number;
  @Field(() => [DeadLetter]) deadLetters!: DeadLetter[];
}
