import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { JobView } from '../domain/services/job.service.js';
import type { JobType } from '../domain/job-data.js';
import type { DeliveredJobEvent, JobEventFilter } from '../domain/services/job-updates.feed.js';
import { siteJobId } from '../domain/services/campaign.service.js';
import { JobTypeEnum } from '../schema/enums.js';
import { AttemptErrorType, EnqueueJobInput, Job, JobEvent, ProductJobResult } from '../schema/job.type.js';
import type { GraphQLContext } from './context.js';
import { toEnqueueRequest } from './enqueue-input.js';

@Resolver(() => Job)
export class JobResolver {
  @Mutation(() => Job, { description: 'Validates and queues one scraping job' })
  async enqueueJob(@Arg('input', () => EnqueueJobInput, { description: 'The job to queue' }) input: EnqueueJobInput, @Ctx() { services }: GraphQLContext): Promise<Job> {
    if (input.type === JobTypeEnum.FULL_SITE) {
      const campaign = await services.campaigns.start({ seedUrl: input.url, priority: input.priority }, 'input', 'input.url');
      return (await services.jobs.get(siteJobId(campaign.id))) as unknown as Job;
    }
    const view = await services.jobs.enqueue(toEnqueueRequest(input));
    return view as unknown as Job;
  }

  @Query(() => Job, { nullable: true, description: 'A job by id: queue state, attempts, progress and result' })
  async job(@Arg('id', () => ID, { description: 'Job id' }) id: string, @Ctx() { services }: GraphQLContext): Promise<Job | null> {
    return (await services.jobs.get(id)) as unknown as Job | null;
  }

  @FieldResolver(() => ProductJobResult, { nullable: true, description: 'A product job\'s result: from storage first, else the queue return value (seed 004)' })
  result(@Root() job: JobView): ProductJobResult | null {
    return job.result?.kind === 'product' ? (job.result as unknown as ProductJobResult) : null;
  }

  @FieldResolver(() => [AttemptErrorType], { description: 'Every failed attempt in full (code, message, HTTP status, URL, duration), oldest first' })
  attemptErrors(@Root() job: JobView): AttemptErrorType[] {
    return (job.attemptErrors ?? []) as AttemptErrorType[];
  }

  @FieldResolver(() => GraphQLJSON, { nullable: true, description: 'The result of any job kind as JSON (a navigation job\'s steps, extracted records and products)' })
  output(@Root() job: JobView): unknown {
    return job.result ?? null;
  }

  @Subscription(() => JobEvent, {
    description: 'Streams job state changes and progress: of one job (id), of a campaign\'s jobs (campaignId), of one kind (type), or of every job (none); '
      + 'given filters must all match. Throttled per subscription; following several jobs delivers at most one event per job per window (the latest)',
    subscribe: ({ args, context }) => (context as GraphQLContext).services.live.jobUpdates(jobFilter(args)),
  })
  jobUpdated(
    @Arg('id', () => ID, { nullable: true, description: 'Only this job' }) _id: string | null,
    @Arg('campaignId', () => ID, { nullable: true, description: 'Only the jobs of this campaign' }) _campaignId: string | null,
    @Arg('type', () => JobTypeEnum, { nullable: true, description: 'Only jobs of this kind' }) _type: JobTypeEnum | null,
    @Root() event: DeliveredJobEvent,
  ): JobEvent {
    return event as unknown as JobEvent;
  }
}

function jobFilter(args: Record<string, unknown>): JobEventFilter {
  const filter: JobEventFilter = {};
  if (args.id != null) filter.id = String(args.id);
  if (args.campaignId != null) filter.campaignId = String(args.campaignId);
  if (args.type != null) filter.type = args.type as JobType;
  return filter;
}
