import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * A validation rule: no operation may nest fields deeper than `maxDepth`.
 * Fragments are expanded (each measured once, so fragment bombs cost nothing
 * to measure; a fragment cycle is left to graphql's own NoFragmentCycles
 * rule); aliases are fields like any other.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const measured = new Map<string, number>();
    return {
      OperationDefinition(node) {
        const depth = depthOf(context, node.selectionSet, measured);
        if (depth > maxDepth) {
          const name = node.name ? `Operation ${node.name.value}` : 'The operation';
          context.reportError(new GraphQLError(`${name} nests fields ${depth} deep; the limit is ${maxDepth} (TRAWL_GRAPHQL_MAX_DEPTH)`, { nodes: [node] }));
        }
      },
    };
  };
}

/** Depth of a selection set below its parent; fragments' depths are memoised (0 while one is being measured, which breaks cycles). */
function depthOf(context: ValidationContext, selectionSet: SelectionSetNode, measured: Map<string, number>): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    switch (selection.kind) {
      case Kind.FIELD:
        deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(context, selection.selectionSet, measured) : 0));
        break;
      case Kind.INLINE_FRAGMENT:
        deepest = Math.max(deepest, depthOf(context, selection.selectionSet, measured));
        break;
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        if (!measured.has(name)) {
          measured.set(name, 0);
          const fragment = context.getFragment(name);
          measured.set(name, fragment ? depthOf(context, fragment.selectionSet, measured) : 0);
        }
        deepest = Math.max(deepest, measured.get(name) ?? 0);
        break;
      }
      default: {
        const unreachable: never = selection;
        throw new Error(`unexpected selection ${JSON.stringify(unreachable)}`);
      }
    }
  }
  return deepest;
}
