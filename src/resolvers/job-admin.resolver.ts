import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { EnqueueJobInput, Job } from '../schema/job.type.js';
import { CancelJobResult, RemoveJobResult, type CancelOutcomeEnum } from '../schema/queue.type.js';
import type { JobStateEnum } from '../schema/enums.js';
import type { GraphQLContext } from './context.js';
import { toEnqueueRequest } from './enqueue-input.js';

@Resolver(() => Job)
export class JobAdminResolver {
  @Mutation(() => [Job], { description: 'Validates and queues up to 500 jobs of any type in one call (FULL_SITE entries start campaigns); a bad entry queues nothing' })
  async enqueueJobs(
    @Arg('input', () => [EnqueueJobInput], { description: 'The jobs, each like enqueueJob\'s input; errors name the entry (input[3].url)' }) input: EnqueueJobInput[],
    @Ctx() { services }: GraphQLContext,
  ): Promise<Job[]> {
    return (await services.jobBatch.enqueue(input.map(toEnqueueRequest), 'input')) as unknown as Job[];
  }

  @Mutation(() => CancelJobResult, { description: 'Cancels a job: one not started yet is removed and recorded as CANCELLED; a running one is aborted by its worker and fails with CANCELLED, without retries' })
  async cancelJob(@Arg('id', () => ID, { description: 'The job id' }) id: string, @Ctx() { services }: GraphQLContext): Promise<CancelJobResult> {
    const result = await services.queueAdmin.cancel(id);
    return { id: result.id, outcome: result.outcome as CancelOutcomeEnum, previousState: result.previousState as JobStateEnum, ...(result.job ? { job: result.job as unknown as Job } : {}) };
  }

  @Mutation(() => RemoveJobResult, { description: 'Removes a job from the queue (an active job is a CONFLICT: cancel it instead); one that never ran is recorded as CANCELLED' })
  async removeJob(@Arg('id', () => ID, { description: 'The job id' }) id: string, @Ctx() { services }: GraphQLContext): Promise<RemoveJobResult> {
    const result = await services.queueAdmin.remove(id);
    return { id: result.id, previousState: result.previousState as JobStateEnum };
  }

  @Mutation(() => Job, { description: 'Runs a delayed job now (a CONFLICT when the job is not delayed)' })
  async promoteJob(@Arg('id', () => ID, { description: 'The job id' }) id: string, @Ctx() { services }: GraphQLContext): Promise<Job> {
    return (await services.queueAdmin.promote(id)) as unknown as Job;
  }
}

