import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { JobTypeEnum } from './enums.js';

export enum JobRecordStatusEnum {
  QUEUED = 'QUEUED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  DELAYED = 'DELAYED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(JobRecordStatusEnum, {
  name: 'JobRecordStatus', description: 'A job\'s status as trawl records it (the queue\'s states, reduced)',
  valuesConfig: {
    QUEUED: { description: 'Waiting to run, or between attempts' },
    ACTIVE: { description: 'Running on a worker' },
    COMPLETED: { description: 'Finished successfully' },
    FAILED: { description: 'Failed for good' },
    DELAYED: { description: 'Waiting for its delay (backoff, politeness, a paused campaign)' },
    CANCELLED: { description: 'Cancelled or removed before it finished' },
  },
});

@InputType({ description: 'Filters for the job search; all given filters apply' })
export class JobSearchFilter {
  @Field(() => [JobRecordStatusEnum], { nullable: true, description: 'Jobs in any of these statuses' })
  statuses?: JobRecordStatusEnum[];

  @Field(() => JobTypeEnum, { nullable: true, description: 'Jobs of this kind' })
  type?: JobTypeEnum;

  @Field(() => String, { nullable: true, description: 'Jobs added to this queue (e.g. scraping, scraping-urgent)' })
  queue?: string;

  @Field(() => ID, { nullable: true, description: 'Jobs of this campaign' })
  campaignId?: string;

  @Field(() => String, { nullable: true, description: 'Jobs whose target is on this site (host without www.)' })
  domain?: string;

  @Field(() => String, { nullable: true, description: 'Case-insensitive text found in the job\'s URL (1 to 200 characters)' })
  urlContains?: string;

  @Field(() => String, { nullable: true, description: 'Jobs whose last failed attempt had this error code (e.g. HTTP_NOT_FOUND)' })
  errorCode?: string;
}
