import { Field, Int, ObjectType } from 'type-graphql';
import type { Page } from '../domain/pagination.js';

@ObjectType({ description: 'Relay page information' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether items precede this page' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page' })
  startCursor?: string | undefined;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page' })
  endCursor?: string | undefined;
}

/** The connection shape (edges, pageInfo, totalCount) of a domain page. */
export function toConnection<T>(page: Page<T>, after?: string | null): { edges: { node: T; cursor: string }[]; pageInfo: PageInfo; totalCount: number } {
  return {
    edges: page.items.map((node, i) => ({ node, cursor: page.cursors[i]! })),
    pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: Boolean(after), startCursor: page.cursors[0], endCursor: page.cursors.at(-1) },
    totalCount: page.totalCount,
  };
}
