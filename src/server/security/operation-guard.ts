import { GraphQLError, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { allows, type Principal } from './api-keys.js';
import type { QueryLimits } from './access-policy.js';
import { findInputProblem, type InputProblem } from './input-shape.js';
import { operationCost } from './operation-cost.js';

/** An operation to check before it runs, over HTTP or WebSocket. */
export interface GuardedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
  principal: Principal;
  limits: QueryLimits;
}

const clientError = (message: string, code: string, status: number, nodes?: OperationDefinitionNode, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, { ...(nodes ? { nodes: [nodes] } : {}), extensions: { code, ...extra, http: { status, headers: new Map<string, string>() } } });

/**
 * Checks one resolved operation against the caller's role and the query
 * limits, in that order: mutations need the write role (queries and
 * subscriptions read); variables within the input bounds (string length,
 * list length, nesting) and no longer string literal; page arguments within
 * the maximum page size; cost within the complexity limit. Undefined: it may run.
 */
export function guardOperation(op: GuardedOperation): GraphQLError | undefined {
  const { operation, principal, limits } = op;
  const needed = operation.operation === 'mutation' ? 'write' : 'read';
  if (!allows(principal, needed)) {
    return clientError(`API key ${principal.name} has the ${principal.role} role; a ${operation.operation} needs ${needed}`, 'FORBIDDEN', 403, operation);
  }
  const problem = findInputProblem(op.variables ?? {}, limits, 'variables') ?? longLiteral(op.document, limits.maxStringChars);
  if (problem) return clientError(problem.message, 'BAD_USER_INPUT', 400, undefined, { field: problem.path });
  const cost = operationCost(op.schema, op.document, operation, op.variables ?? {}, limits.maxPageSize);
  const page = cost.pageViolations[0];
  if (page) {
    return clientError(`${page.path}: ${page.argument} must be from 0 to ${limits.maxPageSize} (TRAWL_MAX_PAGE_SIZE), got ${page.value}`, 'BAD_USER_INPUT', 400, undefined, {
      field: page.argument, fieldPath: page.path,
    });
  }
  if (cost.complexity > limits.maxComplexity) {
    const name = operation.name ? `Operation ${operation.name.value}` : 'The operation';
    return clientError(
      `${name} costs ${cost.complexity}; the limit is ${limits.maxComplexity} (TRAWL_GRAPHQL_MAX_COMPLEXITY). Ask for fewer fields or smaller pages`,
      'GRAPHQL_VALIDATION_FAILED', 400, operation,
    );
  }
  return undefined;
}

function longLiteral(document: DocumentNode, maxChars: number): InputProblem | undefined {
  let found: InputProblem | undefined;
  visit(document, {
    StringValue: (node) => {
      if (found || node.value.length <= maxChars) return;
      const path = `A string literal at line ${node.loc?.startToken.line ?? '?'}`;
      found = { path, message: `${path} is ${node.value.length} characters long; the limit is ${maxChars} (TRAWL_MAX_INPUT_STRING_CHARS)` };
    },
  });
  return found;
}
