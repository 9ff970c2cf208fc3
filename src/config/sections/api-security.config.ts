import { z } from 'zod';
import { bool, int, type ConfigEntry } from '../config-kit.js';

/** One configured API key: who it is (for logs and rate limits), the secret, what it may do. */
export interface ApiKeyEntry {
  name: string;
  key: string;
  role: 'read' | 'write';
}

const KEY_ENTRY = /^(?:([A-Za-z0-9_.-]{1,64})=)?([A-Za-z0-9_.~+/-]{16,256}):(read|write)$/;

/**
 * `TRAWL_API_KEYS`: comma-separated `[name=]key:role` entries. Keys are 16 to
 * 256 characters of `A-Z a-z 0-9 _ . ~ + / -`; the name defaults to `key<N>`
 * (its position). Messages never repeat a key, only its position or name.
 */
export const apiKeyList = z.string().transform((raw, ctx): ApiKeyEntry[] => {
  const entries: ApiKeyEntry[] = [];
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  items.forEach((item, index) => {
    const match = KEY_ENTRY.exec(item);
    if (!match) {
      ctx.addIssue({ code: 'custom', message: `entry ${index + 1} is not [name=]key:read|write with a key of 16 to 256 characters [A-Za-z0-9_.~+/-]` });
      return;
    }
    const entry: ApiKeyEntry = { name: match[1] ?? `key${index + 1}`, key: match[2] as string, role: match[3] as ApiKeyEntry['role'] };
    if (entries.some((e) => e.name === entry.name)) ctx.addIssue({ code: 'custom', message: `entry ${index + 1} repeats the name ${entry.name}` });
    else if (entries.some((e) => e.key === entry.key)) ctx.addIssue({ code: 'custom', message: `entry ${index + 1} repeats the key of another entry` });
    else entries.push(entry);
  });
  return entries;
});

/** `auto` or a boolean. */
const autoOrBool = z.union([z.literal('auto'), bool]);

/** API keys, query limits and what the API exposes. */
export const API_SECURITY_CONFIG = {
  apiKeys: {
    env: 'TRAWL_API_KEYS', default: '', schema: apiKeyList,
    description: 'Comma-separated API keys `[name=]key:role`, role `read` (queries, subscriptions, GET) or `write` (also mutations, POST, DELETE); required beyond loopback',
  },
  apiAuth: {
    env: 'TRAWL_API_AUTH', default: 'keys', schema: z.enum(['keys', 'off']),
    description: '`keys`: API keys are checked whenever any is set, and the API refuses to start beyond loopback without one; `off`: no checks at all (only behind a trusted proxy)',
  },
  apiRateLimitPerMinute: {
    env: 'TRAWL_API_RATE_LIMIT_PER_MINUTE', default: '1200', schema: int(0, 1_000_000),
    description: 'HTTP requests per minute per API key (per client IP when no key is used), in bursts of up to as many; 0 = no limit',
  },
  maxPageSize: {
    env: 'TRAWL_MAX_PAGE_SIZE', default: '100', schema: int(50, 500),
    description: 'Largest `first` a GraphQL connection accepts (a connection asked without `first` returns 50)',
  },
  graphqlMaxDepth: {
    env: 'TRAWL_GRAPHQL_MAX_DEPTH', default: '15', schema: int(2, 100),
    description: 'Deepest field nesting a GraphQL operation may have (fragments expanded)',
  },
  graphqlMaxComplexity: {
    env: 'TRAWL_GRAPHQL_MAX_COMPLEXITY', default: '20000', schema: int(10, 10_000_000),
    description: 'Largest cost of a GraphQL operation: 1 per field (aliases and fragment uses counted), a connection\'s fields times its `first` (50 when omitted), other lists\' fields times 10',
  },
  graphqlMaxTokens: {
    env: 'TRAWL_GRAPHQL_MAX_TOKENS', default: '5000', schema: int(100, 1_000_000),
    description: 'Most lexical tokens a GraphQL document may have (checked while parsing)',
  },
  maxInputStringChars: {
    env: 'TRAWL_MAX_INPUT_STRING_CHARS', default: '10000', schema: int(16, 10_000_000),
    description: 'Longest string accepted in a GraphQL argument or variable and in a REST body',
  },
  maxInputListItems: {
    env: 'TRAWL_MAX_INPUT_LIST_ITEMS', default: '1000', schema: int(1, 10_000_000),
    description: 'Longest list accepted in GraphQL variables and in a REST body (input may also nest at most 32 levels)',
  },
  graphqlIntrospection: {
    env: 'TRAWL_GRAPHQL_INTROSPECTION', default: 'auto', schema: autoOrBool,
    description: 'Schema introspection: `auto` allows it only when HOST is a loopback address',
  },
  graphiql: { env: 'TRAWL_GRAPHIQL', default: 'true', schema: bool, description: 'Serve GraphiQL to browsers opening /graphql' },
} as const satisfies Record<string, ConfigEntry>;
