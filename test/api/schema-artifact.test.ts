import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  isEnumType, isInputObjectType, isInterfaceType, isObjectType, isIntrospectionType, type GraphQLArgument, type GraphQLNamedType, type GraphQLSchema,
} from 'graphql';
import { MemoryEventBus } from '../../src/events/memory-event-bus.js';
import { buildGraphqlSchema } from '../../src/resolvers/build-schema.js';
import { schemaSdl, trawlSchemaSdl } from '../../src/resolvers/schema-sdl.js';

const described = (text: string | null | undefined): boolean => typeof text === 'string' && text.trim().length > 0;

/** Every type, field, argument, input field and enum value without a description, as `Type.field(arg)` paths. */
function undescribed(schema: GraphQLSchema): string[] {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean).map((t) => t!.name));
  const missing: string[] = [];
  const args = (owner: string, list: readonly GraphQLArgument[]): void => {
    for (const arg of list) if (!described(arg.description)) missing.push(`${owner}(${arg.name})`);
  };
  for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
    if (isIntrospectionType(type)) continue;
    const isComposite = isObjectType(type) || isInterfaceType(type) || isInputObjectType(type) || isEnumType(type);
    if (!isComposite) continue;
    // The root operation types are containers: their fields carry the descriptions.
    if (!roots.has(type.name) && !described(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
        args(`${type.name}.${field.name}`, field.args);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (!described(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing.sort();
}

describe('the published GraphQL schema', () => {
  it('matches the committed schema.graphql', async () => {
    const committed = await readFile('schema.graphql', 'utf8').catch(() => '');
    const generated = await trawlSchemaSdl();
    assert.ok(committed === generated, 'schema.graphql does not match the schema the code builds: run `npm run schema` and commit schema.graphql');
  });

  it('prints the same SDL every time it is generated', async () => {
    assert.equal(await trawlSchemaSdl(), await trawlSchemaSdl());
  });

  it('describes every type, field, argument, input field and enum value', async () => {
    const events = new MemoryEventBus();
    try {
      const schema = await buildGraphqlSchema(events);
      const missing = undescribed(schema);
      assert.deepEqual(missing, [], `${missing.length} schema elements have no description:\n  ${missing.join('\n  ')}`);
      assert.ok(schemaSdl(schema).length > 0);
    } finally {
      await events.close();
    }
  });
});
