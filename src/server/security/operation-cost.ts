import {
  getNamedType, getNullableType, isCompositeType, isListType, Kind, SchemaMetaFieldDef, TypeMetaFieldDef, valueFromAST,
  type DocumentNode, type FieldNode, type GraphQLCompositeType, type GraphQLField, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';

/** Arguments that ask for a page of a list. */
export const PAGE_ARGS = new Set(['first', 'last', 'limit']);
/** What a connection returns when no page size is asked for (the domain's default page). */
export const DEFAULT_PAGE_ITEMS = 50;
/** Assumed length of a list field that takes no page argument. */
export const LIST_FACTOR = 10;

/** A page argument outside 0..max, found while measuring. */
export interface PageSizeViolation {
  path: string;
  argument: string;
  value: number;
}

export interface OperationCost {
  complexity: number;
  pageViolations: PageSizeViolation[];
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, { typeCondition: string; selectionSet: SelectionSetNode }>;
  variables: Record<string, unknown>;
  maxPageSize: number;
  memo: Map<string, number>;
  pageViolations: PageSizeViolation[];
}

/**
 * The cost of an operation with its variables: 1 per field (every alias and
 * every fragment use counted), a field's selections multiplied by its page
 * argument (`first`/`limit`, default {@link DEFAULT_PAGE_ITEMS}) or by
 * {@link LIST_FACTOR} for other lists of objects; a connection's `edges` and
 * introspection's own lists count once (the page argument already counted
 * the first; graphql's MaxIntrospectionDepthRule bounds the second). Also reports page arguments above `maxPageSize` or below 0.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, maxPageSize: number): OperationCost {
  const fragments = new Map<string, { typeCondition: string; selectionSet: SelectionSetNode }>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, { typeCondition: definition.typeCondition.name.value, selectionSet: definition.selectionSet });
  }
  const root = schema.getRootType(operation.operation);
  const walk: Walk = { schema, fragments, variables, maxPageSize, memo: new Map(), pageViolations: [] };
  const complexity = root ? costOf(walk, operation.selectionSet, root, '') : 0;
  return { complexity, pageViolations: walk.pageViolations };
}

function costOf(walk: Walk, selectionSet: SelectionSetNode, parent: GraphQLCompositeType, path: string): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      total += fieldCost(walk, selection, parent, path);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      if (type && isCompositeType(type)) total += costOf(walk, selection.selectionSet, type, path);
    } else {
      total += fragmentCost(walk, selection.name.value, path);
    }
  }
  return total;
}

function fragmentCost(walk: Walk, name: string, path: string): number {
  const known = walk.memo.get(name);
  if (known !== undefined) return known;
  walk.memo.set(name, 0);
  const fragment = walk.fragments.get(name);
  const type = fragment ? walk.schema.getType(fragment.typeCondition) : undefined;
  const cost = fragment && type && isCompositeType(type) ? costOf(walk, fragment.selectionSet, type, path) : 0;
  walk.memo.set(name, cost);
  return cost;
}

function fieldCost(walk: Walk, node: FieldNode, parent: GraphQLCompositeType, path: string): number {
  const definition = fieldDefinition(walk.schema, parent, node.name.value);
  const here = `${path}${path ? '.' : ''}${node.alias?.value ?? node.name.value}`;
  if (!definition || !node.selectionSet) return 1;
  const childType = getNamedType(definition.type);
  const children = isCompositeType(childType) ? costOf(walk, node.selectionSet, childType, here) : 0;
  return 1 + multiplier(walk, node, definition, parent, here) * children;
}

function multiplier(walk: Walk, node: FieldNode, definition: GraphQLField<unknown, unknown>, parent: GraphQLCompositeType, path: string): number {
  const pageArg = definition.args.find((arg) => PAGE_ARGS.has(arg.name));
  if (pageArg) {
    const argNode = node.arguments?.find((arg) => arg.name.value === pageArg.name);
    const value = argNode ? valueFromAST(argNode.value, pageArg.type, walk.variables) : undefined;
    if (typeof value !== 'number') return DEFAULT_PAGE_ITEMS;
    if (value < 0 || value > walk.maxPageSize) walk.pageViolations.push({ path, argument: pageArg.name, value });
    return Math.max(0, Math.min(value, walk.maxPageSize));
  }
  if (parent.name.startsWith('__') || parent.name.endsWith('Connection')) return 1;
  return isListType(getNullableType(definition.type)) ? LIST_FACTOR : 1;
}

function fieldDefinition(schema: GraphQLSchema, parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  if (!('getFields' in parent)) return undefined;
  return parent.getFields()[name];
}
