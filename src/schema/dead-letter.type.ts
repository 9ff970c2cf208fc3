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
  valuesConfig: {
    DEAD: { description: 'Failed for good, not re-driven since' },
    RETRIED: { description: 'Re-driven with fresh attempts' },
  },
});

@ObjectType({ description: 'A response header of the failed fetch' })
export class HttpHeader {
  @Field(() => String, { description: 'Header name, lower case' }) name!: string;
  @Field(() => String, { description: 'Header value' }) value!: string;
}

@ObjectType({ description: 'What the failed fetch showed, for replay: final URL, status, headers, the first KB of the body, duration, politeness decision' })
export class FailureBundle {
  @Field(() => String, { description: 'The URL the job asked for' }) requestedUrl!: string;
  @Field(() => String, { nullable: true, description: 'URL of the last hop, after redirects' }) finalUrl?: string;
  @Field(() => Int, { nullable: true, description: 'HTTP status of the last response, if one came' }) httpStatus?: number;
  @Field(() => [HttpHeader], { description: 'Response headers (capped at 8 KB)' }) headers!: HttpHeader[];
  @Field(() => String, { nullable: true, description: 'The first KB of the response body, as text' }) bodyHead?: string;
  @Field(() => Int, { nullable: true, description: 'How long the failing attempt took, ms' }) durationMs?: number;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The politeness/robots decision: { robots, heldBackCount, breaker, ... }' }) politeness?: unknown;
}

@ObjectType({ description: 'A job that failed for good: its payload, every attempt\'s error and the failure bundle' })
export class DeadLetter {
  @Field(() => ID, { description: 'Dead-letter id' }) id!: string;
  @Field(() => ID, { description: 'Id of the job that died' }) jobId!: string;
  @Field(() => String, { description: 'Queue the job ran on' }) queue!: string;
  @Field(() => String, { description: 'Job type (the queue\'s job name when the payload was unreadable)' }) type!: string;
  @Field(() => String, { nullable: true, description: 'The job\'s priority' }) priority?: string;
  @Field(() => ID, { nullable: true, description: 'The job\'s campaign, if any' }) campaignId?: string;
  @Field(() => String, { nullable: true, description: 'The job\'s target URL' }) url?: string;
  @Field(() => String, { description: 'Stable error code of the final failure' }) code!: string;
  @Field(() => String, { description: 'Message of the final failure' }) message!: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The validated job payload; null for a poison job' }) data?: unknown;
  @Field(() => String, { description: 'The payload as read from the queue, as JSON text' }) rawData!: string;
  @Field(() => [AttemptErrorType], { description: 'Every failed attempt, oldest first' }) attempts!: AttemptErrorType[];
  @Field(() => FailureBundle, { description: 'What the last attempt saw: final URL, status, headers, body head, politeness' }) bundle!: FailureBundle;
  @Field(() => DeadLetterStatusEnum, { description: 'DEAD, or RETRIED once re-driven' }) status!: DeadLetterStatusEnum;
  @Field(() => Int, { description: 'How many times it was re-driven' }) retries!: number;
  @Field(() => Date, { description: 'When the job failed for good' }) deadAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When it was last re-driven' }) retriedAt?: Date;
}

@ObjectType({ description: 'A dead letter in a page of dead letters' })
export class DeadLetterEdge {
  @Field(() => DeadLetter, { description: 'The dead letter' }) node!: DeadLetter;
  @Field(() => String, { description: 'Cursor of this dead letter; pass it as `after`' }) cursor!: string;
}

@ObjectType({ description: 'A page of dead letters, in the order they first died' })
export class DeadLetterConnection {
  @Field(() => [DeadLetterEdge], { description: 'The dead letters of this page' }) edges!: DeadLetterEdge[];
  @Field(() => PageInfo, { description: 'Where this page is' }) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'How many dead letters match, over all pages' }) totalCount!: number;
}

@InputType({ description: 'Which dead letters to list (all given conditions apply)' })
export class DeadLetterFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only this campaign\'s dead jobs' }) campaignId?: string;
  @Field(() => String, { nullable: true, description: 'Error code, e.g. HTTP_NOT_FOUND' }) code?: string;
  @Field(() => String, { nullable: true, description: 'Job type, e.g. product' }) type?: string;
  @Field(() => DeadLetterStatusEnum, { nullable: true, description: 'Only dead letters in this status' }) status?: DeadLetterStatusEnum;
  @Field(() => Date, { nullable: true, description: 'Only those that died at or after this moment' }) since?: Date;
}

@ObjectType({ description: 'What retryFailed re-drove' })
export class RetryFailedResult {
  @Field(() => Int, { description: 'How many dead jobs were re-driven' }) retried!: number;
  @Field(() => [DeadLetter], { description: 'The re-driven dead letters' }) deadLetters!: DeadLetter[];
}
