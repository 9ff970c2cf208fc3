import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isTrawlError, type ErrorCode } from '../domain/errors.js';
import type { Logger } from '../domain/ports/logger.port.js';

/** Domain error codes -> GraphQL `extensions.code`. Codes not listed are masked as internal errors. */
const PUBLIC_CODES: Partial<Record<ErrorCode, string>> = {
  INVALID_INPUT: 'BAD_USER_INPUT',
  INVALID_URL: 'BAD_USER_INPUT',
  PRIVATE_NETWORK_TARGET: 'BAD_USER_INPUT',
  UNSUPPORTED: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  QUEUE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  STORE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

/**
 * Apollo `formatError`: domain errors become client errors with a stable
 * `extensions.code`, the domain code and the offending field; anything
 * unexpected is logged in full and masked.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (isTrawlError(original)) {
      const code = PUBLIC_CODES[original.code];
      if (code) {
        const field = original.details.field;
        return { ...formatted, message: original.message, extensions: { code, trawlCode: original.code, retryable: original.retryable, ...(field ? { field } : {}) } };
      }
    }
    if (!original || (error instanceof GraphQLError && !error.originalError)) return formatted;
    if (original instanceof GraphQLError) return formatted;
    logger.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL operation');
    return { message: 'Internal server error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
