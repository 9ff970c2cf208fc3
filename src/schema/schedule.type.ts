import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from './connection.type.js';
import { StartCampaignInput } from './campaign.type.js';

export enum ScheduleRunOutcomeEnum {
  STARTED = 'STARTED',
  SKIPPED = 'SKIPPED',
  FAILED = 'FAILED',
}
registerEnumType(ScheduleRunOutcomeEnum, {
  name: 'ScheduleRunOutcome',
  description: 'What one firing of a campaign schedule did',
  valuesConfig: {
    STARTED: { description: 'A campaign was started' },
    SKIPPED: { description: 'No campaign was started: the previous one was still unfinished, or the schedule was disabled (see reason)' },
    FAILED: { description: 'The campaign could not be started (see reason)' },
  },
});

@InputType({ description: 'A recurring campaign: what startCampaign takes, plus when to run it' })
export class ScheduleCampaignInput extends StartCampaignInput {
  @Field(() => String, { description: '5-field cron pattern: minute hour day-of-month month day-of-week (for example "0 3 * * *", daily at 03:00)' })
  cron!: string;

  @Field(() => String, { nullable: true, description: 'IANA time zone the pattern is read in (default UTC), for example Europe/Paris' })
  timezone?: string;
}

@ObjectType({ description: 'One firing of a campaign schedule' })
export class ScheduleRun {
  @Field(() => ID, { description: 'Id of the run record' })
  id!: string;

  @Field(() => Date, { description: 'When the schedule fired' })
  at!: Date;

  @Field(() => ScheduleRunOutcomeEnum, { description: 'What the firing did' })
  outcome!: ScheduleRunOutcomeEnum;

  @Field(() => ID, { nullable: true, description: 'The campaign started, or the unfinished one that caused a skip' })
  campaignId?: string;

  @Field(() => String, { nullable: true, description: 'Why the run was skipped or failed' })
  reason?: string;
}

@ObjectType({ description: 'A recurring campaign on one site, started on a cron pattern so products stay fresh' })
export class CampaignSchedule {
  @Field(() => ID, { description: 'Schedule id (also the id of its queue job scheduler)' })
  id!: string;

  @Field(() => String, { description: 'The seed URL each campaign starts from' })
  seedUrl!: string;

  @Field(() => String, { name: 'domain', description: 'The site (host and port) the campaigns scrape' })
  site!: string;

  @Field(() => String, { description: 'The 5-field cron pattern' })
  cron!: string;

  @Field(() => String, { description: 'IANA time zone of the pattern' })
  tz!: string;

  @Field(() => Boolean, { description: 'False once unscheduled (the record and its history are kept)' })
  enabled!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the schedule fires next (null when disabled or its trigger is missing)' })
  nextRunAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When it last fired, whatever the outcome' })
  lastRunAt?: Date;

  @Field(() => ID, { nullable: true, description: 'The campaign the last started run created' })
  lastCampaignId?: string;

  @Field(() => Date, { description: 'When the schedule was created' })
  createdAt!: Date;
}

@ObjectType({ description: 'A campaign schedule in a page of schedules' })
export class CampaignScheduleEdge {
  @Field(() => CampaignSchedule, { description: 'The schedule' })
  node!: CampaignSchedule;

  @Field(() => String, { description: 'Cursor of this schedule; pass it as `after`' })
  cursor!: string;
}

@ObjectType({ description: 'A page of campaign schedules, in creation order' })
export class CampaignScheduleConnection {
  @Field(() => [CampaignScheduleEdge], { description: 'The schedules of this page' })
  edges!: CampaignScheduleEdge[];

  @Field(() => PageInfo, { description: 'Where this page is' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many schedules match, over all pages' })
  totalCount!: number;
}
