import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { CategoryResolver } from './category.resolver.js';
import { JobResolver } from './job.resolver.js';
import { ProductResolver } from './product.resolver.js';

/** Builds the executable GraphQL schema from the resolvers. */
export async function buildGraphqlSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [JobResolver, ProductResolver, CategoryResolver],
    validate: false,
    emitSchemaFile: false,
  });
}
