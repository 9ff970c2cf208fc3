import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Campaign } from '../schema/campaign.type.js';
import { DeadLetter } from '../schema/dead-letter.type.js';
import { Job } from '../schema/job.type.js';
import { implementNode, Node, NODE_TYPE } from '../schema/node.type.js';
import type { GraphQLContext } from './context.js';

implementNode(Campaign, Job, DeadLetter);

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Refetches any object by its id: a Product, Category, Campaign, Job or DeadLetter' })
  async node(@Arg('id', () => ID, { description: 'The id of the object' }) id: string, @Ctx() { services }: GraphQLContext): Promise<Node | null> {
    const found = await services.catalog.findNode(id);
    if (found) return { ...found.value, [NODE_TYPE]: found.kind } as unknown as Node;
    const job = await services.jobs.get(id);
    return job ? ({ ...job, [NODE_TYPE]: 'Job' } as unknown as Node) : null;
  }
}
