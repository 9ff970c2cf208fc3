import { Field, Float, ID, Int, ObjectType, InputType } from 'type-graphql';
import { AvailabilityEnum, JobEventKindEnum, JobPriorityEnum, JobStateEnum, JobTypeEnum, RenderJsEnum } from './enums.js';
import { Money } from './money.type.js';
import { NavigationStepInput } from './navigation.type.js';

@ObjectType('AttemptError', { description: 'One failed attempt of a job, as recorded' })
export class AttemptErrorType {
  @Field(() => Int, { description: 'Attempt number, from 1' }) attempt!: number;
  @Field(() => String, { description: 'Stable error code' }) code!: string;
  @Field(() => String, { description: 'What went wrong' }) message!: string;
  @Field(() => Int, { nullable: true, description: 'HTTP status of the response, for fetch errors' }) httpStatus?: number;
  @Field(() => String, { nullable: true, description: 'The URL involved' }) url?: string;
  @Field(() => Int, { nullable: true, description: 'How long the attempt took, ms' }) durationMs?: number;
  @Field(() => String, { nullable: true, description: 'Where the error was raised (first lines of its stack)' }) stack?: string;
  @Field(() => Date, { description: 'When the attempt failed' }) at!: Date;
}

@ObjectType({ description: 'Category context a job carries: where its target was found' })
export class JobCategory {
  @Field(() => String, { description: 'Absolute URL of the category page' })
  url!: string;

  @Field(() => String, { description: 'Category name' })
  name!: string;

  @Field(() => String, { description: 'Category path' })
  path!: string;

  @Field(() => String, { nullable: true, description: 'URL of the parent category' })
  parentUrl?: string;
}

@ObjectType({ description: 'What a finished product job produced' })
export class ProductJobResult {
  @Field(() => ID, { description: 'Id of the stored product' })
  productId!: string;

  @Field(() => ID, { nullable: true, description: 'Id of the category the product was linked to' })
  categoryId?: string;

  @Field(() => String, { description: 'URL fetched (after redirects)' })
  url!: string;

  @Field(() => String, { description: 'Canonical product URL' })
  canonicalUrl!: string;

  @Field(() => String, { description: 'Product title' })
  title!: string;

  @Field(() => Money, { nullable: true, description: 'Price found' })
  price?: Money;

  @Field(() => AvailabilityEnum, { description: 'Availability found' })
  availability!: AvailabilityEnum;

  @Field(() => Float, { description: 'Completeness score from 0 to 1' })
  completeness!: number;

  @Field(() => Int, { description: 'HTTP status of the page' })
  httpStatus!: number;

  @Field(() => Int, { description: 'Bytes read' })
  bytes!: number;

  @Field(() => Int, { description: 'Time spent on the job in milliseconds' })
  durationMs!: number;
}

@ObjectType({ description: 'A scraping job' })
export class Job {
  @Field(() => ID, { description: 'Job id (a UUID; also the BullMQ job id)' })
  id!: string;

  @Field(() => JobTypeEnum, { description: 'Kind of job' })
  type!: JobTypeEnum;

  @Field(() => String, { description: 'Queue the job is in' })
  queue!: string;

  @Field(() => String, { description: 'Target URL' })
  url!: string;

  @Field(() => JobPriorityEnum, { description: 'Priority' })
  priority!: JobPriorityEnum;

  @Field(() => JobStateEnum, { description: 'State in the queue (or the last recorded state once the queue has trimmed it)' })
  state!: JobStateEnum;

  @Field(() => Int, { name: 'attempts', description: 'Attempts made so far' })
  attemptsMade!: number;

  @Field(() => Int, { description: 'Attempts allowed' })
  maxAttempts!: number;

  @Field(() => Float, { description: 'Progress in percent' })
  progress!: number;

  @Field(() => String, { nullable: true, description: 'Why the job failed (starts with the error code)' })
  failedReason?: string;

  @Field(() => String, { nullable: true, description: 'Stable error code of the last failure' })
  errorCode?: string;

  @Field(() => [AttemptErrorType], { description: 'Every failed attempt in full, oldest first' })
  attemptErrors!: AttemptErrorType[];

  /** The result of any kind; `result` and `output` (JobResolver) expose it. */
  result?: ProductJobResult;

  @Field(() => String, { nullable: true, description: 'Where the result was read from: storage or queue' })
  resultSource?: string;

  @Field(() => ID, { nullable: true, description: 'Campaign the job belongs to' })
  campaignId?: string;

  @Field(() => JobCategory, { nullable: true, description: 'Category context' })
  category?: JobCategory;

  @Field(() => Date, { description: 'When the job was created' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the last attempt started' })
  processedAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When the job finished' })
  finishedAt?: Date;
}

@ObjectType({ description: 'A change of a job, streamed live' })
export class JobEvent {
  @Field(() => ID, { description: 'Job id' })
  jobId!: string;

  @Field(() => String, { description: 'Queue' })
  queue!: string;

  @Field(() => JobEventKindEnum, { description: 'What happened' })
  event!: JobEventKindEnum;

  @Field(() => JobStateEnum, { description: 'State after the event' })
  state!: JobStateEnum;

  @Field(() => Float, { nullable: true, description: 'Progress in percent, for progress events' })
  progress?: number;

  @Field(() => String, { nullable: true, description: 'Failure reason, for failed events' })
  failedReason?: string;

  @Field(() => Date, { description: 'When the event was seen' })
  at!: Date;

  @Field(() => JobTypeEnum, { nullable: true, description: 'Kind of the job (null when the queue no longer holds it)' })
  type?: JobTypeEnum;

  @Field(() => ID, { nullable: true, description: 'Campaign the job belongs to, if any' })
  campaignId?: string;

  @Field(() => Int, {
    description: 'Events this subscription has dropped so far because the client read too slowly (events replaced by a newer one of the same job are not counted)',
  })
  dropped!: number;
}

@InputType({ description: 'Category context for a job; paths resolve against the target URL' })
export class CategoryContextInput {
  @Field(() => String, { description: 'Category path or absolute URL, e.g. "/collections/boots"' })
  path!: string;

  @Field(() => String, { description: 'Category name, e.g. "Boots"' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Parent category path or URL, e.g. "/collections/mens"' })
  parent?: string;
}

@InputType({ description: 'A job to enqueue' })
export class EnqueueJobInput {
  @Field(() => JobTypeEnum, { description: 'Kind of job' })
  type!: JobTypeEnum;

  @Field(() => String, { description: 'Absolute http(s) URL of the target page' })
  url!: string;

  @Field(() => JobPriorityEnum, { defaultValue: JobPriorityEnum.NORMAL, description: 'Priority (default NORMAL)' })
  priority!: JobPriorityEnum;

  @Field(() => CategoryContextInput, { nullable: true, description: 'Category the target was found in' })
  category?: CategoryContextInput;

  @Field(() => String, { nullable: true, description: 'The query of a SEARCH job' })
  query?: string;

  @Field(() => Int, { nullable: true, description: 'Listing pages a CATEGORY_SEARCH or SEARCH job follows at most' })
  maxPages?: number;

  @Field(() => RenderJsEnum, { nullable: true, description: 'Browser rendering of a PRODUCT job: AUTO (default), NEVER or ALWAYS' })
  renderJs?: RenderJsEnum;

  @Field(() => [NavigationStepInput], { nullable: true, description: 'The steps of a NAVIGATE job, run in a browser from `url`' })
  steps?: NavigationStepInput[];
}
