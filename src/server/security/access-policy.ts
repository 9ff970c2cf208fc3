import { isIP } from 'node:net';
import { ConfigError } from '../../config/load-config.js';
import { ApiKeyring, type ApiRole } from './api-keys.js';

/** The security settings of the API, from the configuration table. */
export interface ApiSecurityConfig {
  host: string;
  apiKeys: readonly { name: string; key: string; role: ApiRole }[];
  apiAuth: 'keys' | 'off';
  apiRateLimitPerMinute: number;
  maxPageSize: number;
  graphqlMaxDepth: number;
  graphqlMaxComplexity: number;
  graphqlMaxTokens: number;
  maxInputStringChars: number;
  maxInputListItems: number;
  graphqlIntrospection: 'auto' | boolean;
  graphiql: boolean;
}

/** Query limits shared by GraphQL over HTTP and over WebSocket. */
export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
  maxPageSize: number;
  maxStringChars: number;
  maxListItems: number;
}

/** What the API server enforces, decided once at start. */
export interface AccessPolicy {
  /** Undefined: no key is asked for (open on loopback, or TRAWL_API_AUTH=off). */
  keyring: ApiKeyring | undefined;
  /** Bound to a loopback address only. */
  loopback: boolean;
  /** /metrics asks for a read key (keys enforced and not on loopback). */
  metricsNeedKey: boolean;
  introspection: boolean;
  graphiql: boolean;
  rateLimitPerMinute: number;
  maxTokens: number;
  limits: QueryLimits;
}

/** 127.0.0.0/8, ::1 (also as ::ffff:127.x) and `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true;
  const v4 = bare.startsWith('::ffff:') ? bare.slice(7) : bare;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/**
 * Decides the access policy, or refuses to start (ConfigError) when the API
 * would be reachable beyond loopback without any key and authentication was
 * not turned off explicitly.
 */
export function accessPolicy(config: ApiSecurityConfig): AccessPolicy {
  const loopback = isLoopbackHost(config.host);
  if (config.apiAuth === 'off' && config.apiKeys.length > 0) {
    throw new ConfigError('TRAWL_API_AUTH=off contradicts TRAWL_API_KEYS: unset the keys or set TRAWL_API_AUTH=keys');
  }
  if (config.apiAuth === 'keys' && config.apiKeys.length === 0 && !loopback) {
    throw new ConfigError(
      `HOST=${config.host} is not a loopback address and TRAWL_API_KEYS is empty: set API keys (name=key:read|write), `
      + 'bind to 127.0.0.1, or set TRAWL_API_AUTH=off behind a trusted proxy',
    );
  }
  const keyring = config.apiKeys.length > 0 ? new ApiKeyring(config.apiKeys) : undefined;
  return {
    keyring,
    loopback,
    metricsNeedKey: keyring !== undefined && !loopback,
    introspection: config.graphqlIntrospection === 'auto' ? loopback : config.graphqlIntrospection,
    graphiql: config.graphiql,
    rateLimitPerMinute: config.apiRateLimitPerMinute,
    maxTokens: config.graphqlMaxTokens,
    limits: {
      maxDepth: config.graphqlMaxDepth, maxComplexity: config.graphqlMaxComplexity, maxPageSize: config.maxPageSize, maxStringChars: config.maxInputStringChars, maxListItems: config.maxInputListItems,
    },
  };
}
