import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isTrawlError, type ErrorCode } from '../domain/errors.js';

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

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

/**
 * Whether an error is one nobody raised on purpose (not a GraphQL error, not
 * a domain error with a public code): clients get it masked, logs get it whole.
 */
export function isUnexpectedError(error: unknown): boolean {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (!original) return false;
  if (isTrawlError(original)) return PUBLIC_CODES[original.code] === undefined;
  return !(original instanceof GraphQLError);
}

/** The thrown error behind a GraphQL error (itself when there is none). */
export const originalOf = (error: unknown): unknown => (error instanceof GraphQLError && error.originalError ? error.originalError : error);

/**
 * GraphQL errors for clients: domain errors become client errors with a
 * stable `extensions.code`, the domain code (`trawlCode`) and the offending
 * field; anything unexpected is masked as INTERNAL_SERVER_ERROR (the caller
 * logs it and adds the correlation id). Used by Apollo's `formatError` and the
 * WebSocket server alike.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = originalOf(error);
  if (isTrawlError(original)) {
    const code = PUBLIC_CODES[original.code];
    if (code) {
      const field = original.details.field;
      return { ...formatted, message: original.message, extensions: { code, trawlCode: original.code, retryable: original.retryable, ...(field ? { field } : {}) } };
    }
  }
  if (!isUnexpectedError(error)) return formatted;
  return { message: INTERNAL_ERROR_MESSAGE, ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** Adds the correlation id to masked errors, so a client can quote it and an operator find the log line. */
export function withCorrelationId(errors: readonly GraphQLFormattedError[], requestId: string): GraphQLFormattedError[] {
  return errors.map((e) => (e.extensions?.code === 'INTERNAL_SERVER_ERROR' ? { ...e, extensions: { ...e.extensions, correlationId: requestId } } : e));
}
