import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { JobView } from '../domain/services/job.service.js';
import type { JobEvent as DomainJobEvent } from '../domain/ports/job-queue.port.js';
import { topics } from '../domain/topics.js';
import { siteJobId } from '../domain/services/campaign.service.js';
import { JobTypeEnum } from '../schema/enums.js';
import { toBrowserSteps } from '../schema/navigation.type.js';
import { AttemptErrorType, EnqueueJobInput, Job, JobEvent, ProductJobResult } from '../schema/job.type.js';
import type { GraphQLContext } from './context.js';

@Resolver(() => Job)
export class JobResolver {
  @Mutation(() => Job, { description: 'Validates and queues one scraping job' })
  async enqueueJob(@Arg('input', () => EnqueueJobInput) input: EnqueueJobInput, @Ctx() { services }: GraphQLContext): Promise<Job> {
    if (input.type === JobTypeEnum.FULL_SITE) {
      const campaign = await services.campaigns.start({ seedUrl: input.url, priority: input.priority }, 'input', 'input.url');
      return (await services.jobs.get(siteJobId(campaign.id))) as unknown as Job;
    }
    const view = await services.jobs.enqueue({
      type: input.type, url: input.url, priority: input.priority,
      ...(input.query !== undefined && input.query !== null ? { query: input.query } : {}),
      ...(input.maxPages ? { maxPages: input.maxPages } : {}),
      ...(input.steps ? { steps: toBrowserSteps(input.steps) } : {}),
      ...(input.renderJs ? { settings: { renderJs: input.renderJs } } : {}),
      ...(input.category ? { category: { name: input.category.name, path: input.category.path, ...(input.category.parent ? { parent: input.category.parent } : {}) } } : {}),
    });
    return view as unknown as Job;
  }

  @Query(() => Job, { nullable: true, description: 'A job by id: queue state, attempts, progress and result' })
  async job(@Arg('id', () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<Job | null> {
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
    description: "Streams one job's state changes and progress",
    subscribe: ({ args, context }) => (context as GraphQLContext).services.events.subscribe(topics.job(String(args.id)), { bufferSize: 64 }),
  })
  jobUpdated(@Arg('id', () => ID) _id: string, @Root() event: DomainJobEvent): JobEvent {
    return event as unknown as JobEvent;
  }
}
