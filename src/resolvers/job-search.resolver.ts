import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { JobRecordConnection } from '../schema/campaign.type.js';
import { toConnection } from '../schema/connection.type.js';
import { JobSearchFilter } from '../schema/job-search.type.js';
import { jobSearchOf } from './catalog-inputs.js';
import type { GraphQLContext } from './context.js';

@Resolver()
export class JobSearchResolver {
  @Query(() => JobRecordConnection, { description: 'Searches job records in storage, oldest first: by status, type, queue, campaign, site, URL text and error code (includes jobs the queue has trimmed)' })
  async jobs(
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default 50, at most TRAWL_MAX_PAGE_SIZE)' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after' }) after: string | null,
    @Arg('filter', () => JobSearchFilter, { nullable: true, description: 'Which jobs; all given filters apply' }) filter: JobSearchFilter | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<JobRecordConnection> {
    return toConnection(await services.catalog.searchJobs(jobSearchOf(filter), first, after), after) as unknown as JobRecordConnection;
  }
}
