import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../../domain/ports/logger.port.js';
import type { GraphQLContext } from '../../resolvers/context.js';
import { isUnexpectedError, originalOf, withCorrelationId } from '../graphql-errors.js';
import type { QueryLimits } from './access-policy.js';
import { guardOperation } from './operation-guard.js';

/**
 * Apollo plugin for GraphQL over HTTP: once the operation is known, checks
 * the caller's role and the query limits ({@link guardOperation}); logs every
 * unexpected error in full with the request's correlation id, which masked
 * errors carry in `extensions.correlationId`.
 */
export function apolloSecurityPlugin(limits: QueryLimits, logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const refused = guardOperation({ schema, document, operation, variables: request.variables, principal: contextValue.principal, limits });
          if (refused) throw refused;
        },
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (!isUnexpectedError(error)) continue;
            logger.error({ err: originalOf(error), requestId: contextValue.requestId, path: error.path, operationName, caller: contextValue.principal.name }, 'unexpected error in a GraphQL operation');
          }
        },
        async willSendResponse({ response, contextValue }) {
          const body = response.body;
          if (body.kind === 'single' && body.singleResult.errors) {
            body.singleResult = { ...body.singleResult, errors: withCorrelationId(body.singleResult.errors, contextValue.requestId) };
          }
        },
      };
    },
  };
}
