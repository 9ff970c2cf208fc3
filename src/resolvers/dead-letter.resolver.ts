import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DeadLetter as DomainDeadLetter, DeadLetterFilter } from '../domain/entities/dead-letter.js';
import { toConnection } from '../schema/connection.type.js';
import { DeadLetter, DeadLetterConnection, DeadLetterFilterInput, FailureBundle, RetryFailedResult } from '../schema/dead-letter.type.js';
import type { GraphQLContext } from './context.js';


@Resolver(() => DeadLetter)
export class DeadLetterResolver {
  @Query(() => DeadLetterConnection, { description: 'Jobs that failed for good, with filters, in the order they first died' })
  async deadLetters(
    @Arg('filter', () => DeadLetterFilterInput, { nullable: true, description: 'Only dead letters matching every given filter' }) filter: DeadLetterFilterInput | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default 50, at most TRAWL_MAX_PAGE_SIZE)' }) first: number | null, @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item of the previous page' }) after: string | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<DeadLetterConnection> {
    return toConnection(await services.deadLetters.list(toFilter(filter), first, after), after) as unknown as DeadLetterConnection;
  }

  @Query(() => DeadLetter, { nullable: true, description: 'A dead letter by its id or its job\'s id' })
  async deadLetter(@Arg('id', () => ID, { description: 'Dead-letter id or job id' }) id: string, @Ctx() { services }: GraphQLContext): Promise<DeadLetter | null> {
    return (await services.deadLetters.get(id)) as unknown as DeadLetter | null;
  }

  @Mutation(() => DeadLetter, { description: 'Re-drives a dead job (dead-letter or job id) with fresh attempts; a finished campaign reopens' })
  async retryJob(@Arg('id', () => ID, { description: 'Dead-letter id or job id' }) id: string, @Ctx() { services }: GraphQLContext): Promise<DeadLetter> {
    return (await services.deadLetters.retryJob(id)) as unknown as DeadLetter;
  }

  @Mutation(() => RetryFailedResult, { description: 'Re-drives every dead job of a campaign; the campaign reopens and completes again' })
  async retryFailed(@Arg('campaignId', () => ID, { description: 'Campaign whose dead jobs to re-drive' }) campaignId: string, @Ctx() { services }: GraphQLContext): Promise<RetryFailedResult> {
    const retried = await services.deadLetters.retryFailed(campaignId);
    return { retried: retried.length, deadLetters: retried as unknown as DeadLetter[] };
  }

  @Mutation(() => DeadLetter, { description: 'Deletes a dead letter without re-driving it; returns what was deleted' })
  async discardDeadLetter(@Arg('id', () => ID, { description: 'Dead-letter id or job id' }) id: string, @Ctx() { services }: GraphQLContext): Promise<DeadLetter> {
    return (await services.deadLetters.discard(id)) as unknown as DeadLetter;
  }

  @FieldResolver(() => FailureBundle)
  bundle(@Root() letter: DomainDeadLetter): FailureBundle {
    const { headers, ...rest } = letter.bundle;
    return { ...rest, headers: Object.entries(headers ?? {}).map(([name, value]) => ({ name, value })) } as FailureBundle;
  }
}

function toFilter(input: DeadLetterFilterInput | null): DeadLetterFilter {
  if (!input) return {};
  const filter: DeadLetterFilter = {};
  if (input.campaignId) filter.campaignId = input.campaignId;
  if (input.code) filter.code = input.code;
  if (input.type) filter.type = input.type;
  if (input.status) filter.status = input.status;
  if (input.since) filter.since = input.since;
  return filter;
}
