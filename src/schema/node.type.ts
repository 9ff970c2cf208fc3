import { Field, getMetadataStorage, ID, InterfaceType } from 'type-graphql';

/** The GraphQL type name a value returned as a Node carries (set by the node resolver). */
export const NODE_TYPE = '__nodeType';

@InterfaceType('Node', {
  description: 'An object with a stable id that `node(id)` refetches (Relay object identification)',
  resolveType: (value: Record<string, unknown>) => value[NODE_TYPE] as string,
})
export abstract class Node {
  @Field(() => ID, { description: 'Stable id, unique across every kind of node' })
  id!: string;
}

/**
 * Declares that object types defined in other schema files implement Node,
 * without those files importing this one. Idempotent; must run before the
 * schema is built.
 */
export function implementNode(...types: Function[]): void {
  for (const type of types) {
    const metadata = getMetadataStorage().objectTypes.find((objectType) => objectType.target === type);
    if (!metadata) throw new Error(`${type.name} is not a GraphQL object type`);
    if (!metadata.interfaceClasses?.includes(Node)) metadata.interfaceClasses = [...(metadata.interfaceClasses ?? []), Node];
  }
}
