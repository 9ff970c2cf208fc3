import { randomUUID } from 'node:crypto';
import {
  getOperationAST, GraphQLError, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type GraphQLFormattedError, type GraphQLSchema,
} from 'graphql';
import { CloseCode, type ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { Logger } from '../../domain/ports/logger.port.js';
import type { GraphQLContext } from '../../resolvers/context.js';
import { formatGraphqlError, isUnexpectedError, originalOf, withCorrelationId } from '../graphql-errors.js';
import type { QueryLimits } from './access-policy.js';
import { OPEN_PRINCIPAL, presentedKey, type ApiKeyring, type Principal } from './api-keys.js';
import { depthLimitRule } from './depth-limit.rule.js';
import { guardOperation } from './operation-guard.js';
import type { TokenBucketLimiter } from './rate-limiter.js';
import { requestIdOf } from './request-id.js';

/** What a connection learned at `connection_init`. */
interface Connection {
  principal: Principal;
  connectionId: string;
  /** Rate-limit bucket: the key's name, or the client IP when no key is asked. */
  caller: string;
}

export interface WsSecurityOptions {
  schema: GraphQLSchema;
  keyring: ApiKeyring | undefined;
  limiter: TokenBucketLimiter | undefined;
  limits: QueryLimits;
  introspection: boolean;
  maxTokens: number;
  logger: Logger;
  context: (principal: Principal, requestId: string) => GraphQLContext;
}

type WsOptions = ServerOptions<Record<string, unknown> | undefined, Extra & Partial<{ connection: Connection }>>;

/**
 * graphql-ws server options with the same rules as GraphQL over HTTP: the API
 * key comes in the `connection_init` payload (`authorization: 'Bearer <key>'`
 * or `apiKey`/`x-api-key`); no key closes the socket with 4401, an unknown key
 * with 4403. Each operation is parsed with the token limit, validated with the
 * depth rule (and without introspection when it is off), rate limited, and
 * checked by {@link guardOperation}; errors are masked as over HTTP.
 */
export function wsSecurityOptions(options: WsSecurityOptions): WsOptions {
  const rules = [...specifiedRules, depthLimitRule(options.limits.maxDepth), ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  return {
    schema: options.schema,
    onConnect: (ctx) => {
      const connectionId = requestIdOf(ctx.extra.request.headers['x-request-id']);
      if (!options.keyring) {
        ctx.extra.connection = { principal: OPEN_PRINCIPAL, connectionId, caller: `ip:${ctx.extra.request.socket.remoteAddress ?? 'unknown'}` };
        return true;
      }
      const params = lowerCaseKeys(ctx.connectionParams);
      const presented = presentedKey(params.authorization, params.apikey ?? params['x-api-key']);
      const principal = presented ? options.keyring.authenticate(presented) : undefined;
      if (!principal) {
        options.logger.warn({ requestId: connectionId, ip: ctx.extra.request.socket.remoteAddress, keyPresented: presented !== undefined }, 'WebSocket refused: missing or unknown API key');
        if (presented === undefined) ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized: an API key is required');
        return false;
      }
      ctx.extra.connection = { principal, connectionId, caller: `key:${principal.name}` };
      return true;
    },
    onSubscribe: (ctx, id, payload) => {
      const connection = ctx.extra.connection;
      if (!connection) return [coded('The connection was not initialised', 'UNAUTHENTICATED')];
      const requestId = `${connection.connectionId}/${id}`;
      const decision = options.limiter?.take(connection.caller);
      if (decision && !decision.allowed) {
        return [coded(`Rate limit exceeded; retry after ${decision.retryAfterSeconds} s`, 'RATE_LIMITED', { retryAfterSeconds: decision.retryAfterSeconds })];
      }
      const document = parseLimited(payload.query, options.maxTokens);
      if (document instanceof GraphQLError) return [document];
      const invalid = validate(options.schema, document, rules);
      if (invalid.length > 0) return invalid.map((e) => coded(e.message, 'GRAPHQL_VALIDATION_FAILED', {}, e));
      const operation = getOperationAST(document, payload.operationName);
      if (!operation) return [coded('Unable to identify the operation to run (name it with operationName)', 'BAD_USER_INPUT')];
      const refused = guardOperation({ schema: options.schema, document, operation, variables: payload.variables ?? undefined, principal: connection.principal, limits: options.limits });
      if (refused) return [refused];
      const args: ExecutionArgs = {
        schema: options.schema, document, operationName: payload.operationName ?? null, variableValues: payload.variables ?? null,
        contextValue: options.context(connection.principal, requestId),
      };
      return args;
    },
    onError: (ctx, id, _payload, errors) => clientErrors(errors, `${ctx.extra.connection?.connectionId ?? randomUUID()}/${id}`, options.logger),
    onNext: (_ctx, _id, _payload, args, result) => {
      if (!result.errors) return undefined;
      const requestId = (args.contextValue as GraphQLContext | undefined)?.requestId ?? randomUUID();
      const requestError = result.data === undefined;
      return { ...result, errors: clientErrors(result.errors, requestId, options.logger, requestError ? 'BAD_USER_INPUT' : undefined) } as never;
    },
  };
}

/** Errors as a client may see them: masked, logged when unexpected, without HTTP hints, with a code. */
function clientErrors(errors: readonly GraphQLError[], requestId: string, logger: Logger, defaultCode?: string): GraphQLFormattedError[] {
  const formatted = errors.map((error) => {
    if (isUnexpectedError(error)) logger.error({ err: originalOf(error), requestId, path: error.path }, 'unexpected error in a GraphQL operation over WebSocket');
    const { http: _http, ...extensions } = (error.extensions ?? {}) as Record<string, unknown>;
    const plain = formatGraphqlError({ ...error.toJSON(), extensions }, error);
    return plain.extensions?.code || !defaultCode ? plain : { ...plain, extensions: { ...plain.extensions, code: defaultCode } };
  });
  return withCorrelationId(formatted, requestId);
}

function coded(message: string, code: string, extra: Record<string, unknown> = {}, source?: GraphQLError): GraphQLError {
  return new GraphQLError(message, { ...(source?.nodes ? { nodes: source.nodes } : {}), extensions: { code, ...extra } });
}

function parseLimited(query: string, maxTokens: number): DocumentNode | GraphQLError {
  try {
    return parse(query, { maxTokens });
  } catch (error) {
    return coded(error instanceof Error ? error.message : 'Syntax error', 'GRAPHQL_PARSE_FAILED');
  }
}

function lowerCaseKeys(params: Record<string, unknown> | undefined | null): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
}
