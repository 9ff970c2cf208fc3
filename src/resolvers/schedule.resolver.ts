import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ScheduleRun as DomainRun } from '../domain/entities/campaign-schedule.js';
import type { CampaignScheduleView } from '../domain/services/campaign-schedule.service.js';
import { toConnection } from '../schema/connection.type.js';
import { CampaignSchedule, CampaignScheduleConnection, ScheduleCampaignInput, ScheduleRun } from '../schema/schedule.type.js';
import type { GraphQLContext } from './context.js';

const optional = { nullable: true } as const;

/** Per-request loaders of run history, one per requested length, kept with the request's context. */
const runLoaders = new WeakMap<GraphQLContext, Map<number, DataLoader<string, DomainRun[]>>>();

function runsLoader(context: GraphQLContext, last: number): DataLoader<string, DomainRun[]> {
  const byLength = runLoaders.get(context) ?? new Map<number, DataLoader<string, DomainRun[]>>();
  runLoaders.set(context, byLength);
  let loader = byLength.get(last);
  if (!loader) {
    loader = new DataLoader((ids: readonly string[]) => context.services.schedules.runsOf(ids, last));
    byLength.set(last, loader);
  }
  return loader;
}

@Resolver(() => CampaignSchedule)
export class ScheduleResolver {
  @Mutation(() => CampaignSchedule, { description: 'Schedules a recurring campaign on a cron pattern; a run is skipped while the previous campaign is unfinished' })
  async scheduleCampaign(@Arg('input', () => ScheduleCampaignInput, { description: 'The site, the campaign options and when to run' }) input: ScheduleCampaignInput,
    @Ctx() { services }: GraphQLContext): Promise<CampaignSchedule> {
    return (await services.schedules.schedule(input)) as unknown as CampaignSchedule;
  }

  @Mutation(() => CampaignSchedule, { description: 'Stops a schedule: no further runs; the schedule and its history are kept (enabled: false)' })
  async unscheduleCampaign(@Arg('id', () => ID, { description: 'The schedule id' }) id: string, @Ctx() { services }: GraphQLContext): Promise<CampaignSchedule> {
    return (await services.schedules.unschedule(id)) as unknown as CampaignSchedule;
  }

  @Query(() => CampaignScheduleConnection, { description: 'Campaign schedules in creation order, with their next run and history' })
  async campaignSchedules(
    @Arg('enabled', () => Boolean, { nullable: true, description: 'Only enabled (true) or only unscheduled (false) schedules' }) enabled: boolean | null,
    @Arg('first', () => Int, { ...optional, description: 'Page size' }) first: number | null,
    @Arg('after', () => String, { ...optional, description: 'Cursor of the last schedule of the previous page' }) after: string | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<CampaignScheduleConnection> {
    const page = await services.schedules.list(enabled === null ? {} : { enabled }, first, after);
    return toConnection(page, after) as unknown as CampaignScheduleConnection;
  }

  @Query(() => CampaignSchedule, { nullable: true, description: 'A campaign schedule by id' })
  async campaignSchedule(@Arg('id', () => ID, { description: 'The schedule id' }) id: string, @Ctx() { services }: GraphQLContext): Promise<CampaignSchedule | null> {
    return (await services.schedules.get(id)) as unknown as CampaignSchedule | null;
  }

  @FieldResolver(() => [ScheduleRun], { description: 'The most recent runs, newest first: started, skipped (with the reason) or failed' })
  async runs(@Root() schedule: CampaignScheduleView, @Arg('last', () => Int, { defaultValue: 20, description: 'How many runs, 1 to 100' }) last: number,
    @Ctx() context: GraphQLContext): Promise<ScheduleRun[]> {
    return (await runsLoader(context, last).load(schedule.id)) as unknown as ScheduleRun[];
  }
}
