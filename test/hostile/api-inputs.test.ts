import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Runtime } from '../../src/bootstrap/runtime.js';
import { READ_KEY, TEST_API_KEYS, WRITE_KEY } from '../support/api-keys.js';
import { startRuntime, testConfig } from '../support/runtime.js';

/** One hostile request: what is sent, and the status and error code the API must answer with. */
interface Row {
  name: string;
  /** Path under the API, `/graphql` or `/api/v1/...`. */
  path: string;
  method?: 'GET' | 'POST';
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Default: the write key. `null`: no key. */
  key?: string | null;
  headers?: Record<string, string>;
  status: number;
  /** GraphQL: `errors[0].extensions.code`; REST: `error.code`. */
  code: string;
  /** Optional: the error message must match. */
  message?: RegExp;
}

const LIMIT_BYTES = 64 * 1024;
const gql = (query: string, variables?: Record<string, unknown>, extra: Partial<Row> = {}) => ({ path: '/graphql', body: { query, ...(variables ? { variables } : {}) }, ...extra });
/** JSON text nested `levels` deep (built as text: JSON.stringify itself would overflow). */
const nestedJson = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
const parents = (n: number) => `{ categories { edges { node { ${'parent { '.repeat(n)} id ${'} '.repeat(n)} } } } }`;
const ENQUEUE = 'mutation($input: EnqueueJobInput!) { enqueueJob(input: $input) { id } }';
const PRODUCT = { type: 'PRODUCT', url: 'https://shop.example/p/1' };

const GRAPHQL_ROWS: Row[] = [
  { name: 'no API key', ...gql('{ __typename }'), key: null, status: 401, code: 'UNAUTHENTICATED' },
  { name: 'an unknown API key', ...gql('{ __typename }'), key: 'guessed-0123456789abcdef', status: 401, code: 'UNAUTHENTICATED' },
  { name: 'a non-Bearer authorization', ...gql('{ __typename }'), key: null, headers: { authorization: `Basic ${WRITE_KEY}` }, status: 401, code: 'UNAUTHENTICATED' },
  { name: 'a mutation with a read key', ...gql(ENQUEUE, { input: PRODUCT }), key: READ_KEY, status: 403, code: 'FORBIDDEN' },
  { name: 'a deeply nested query', ...gql(parents(40)), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /TRAWL_GRAPHQL_MAX_DEPTH/ },
  { name: 'a deep query hidden in fragments', ...gql(`{ categories { edges { node { ...A } } } } fragment A on Category { parent { ...B } } fragment B on Category { parent { parent { ${'parent { '.repeat(12)} id ${'} '.repeat(12)} } } }`), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /TRAWL_GRAPHQL_MAX_DEPTH/ },
  { name: 'an alias bomb', ...gql(`{ ${Array.from({ length: 120 }, (_, i) => `a${i}: products(first: 100) { edges { node { id title } } }`).join(' ')} }`), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /TRAWL_GRAPHQL_MAX_COMPLEXITY/ },
  { name: 'a fragment bomb', ...gql(`{ categories { edges { node { ...F0 } } } } ${Array.from({ length: 10 }, (_, i) => `fragment F${i} on Category { p: parent { ...F${i + 1} } q: parent { ...F${i + 1} } }`).join(' ')} fragment F10 on Category { id }`), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /TRAWL_GRAPHQL_MAX_COMPLEXITY/ },
  { name: 'a token bomb', ...gql(`{ ${'__typename '.repeat(5200)} }`), status: 400, code: 'GRAPHQL_PARSE_FAILED', message: /tokens/ },
  { name: 'a huge list literal', ...gql(`{ job(id: [${'1,'.repeat(6000)}1]) { id } }`), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'a huge list in variables (over the body limit)', ...gql('query($ids: [ID!]) { __typename }', { ids: Array.from({ length: 40_000 }, (_, i) => `id-${i}`) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'an unknown enum value in a variable', ...gql(ENQUEUE, { input: { ...PRODUCT, type: 'LAUNCH_MISSILES' } }), status: 400, code: 'BAD_USER_INPUT', message: /LAUNCH_MISSILES/ },
  { name: 'an unknown enum value inline', ...gql('mutation { enqueueJob(input: { type: LAUNCH_MISSILES, url: "https://shop.example/p" }) { id } }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a string where an Int goes (variable)', ...gql('query($n: Int) { products(first: $n) { totalCount } }', { n: 'ten' }), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'a string where an Int goes (inline)', ...gql('{ products(first: "ten") { totalCount } }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'an object where a String goes', ...gql(ENQUEUE, { input: { ...PRODUCT, url: { href: 'https://x' } } }), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'null for a required variable', ...gql(ENQUEUE, { input: null }), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'deeply nested JSON in a variable', path: '/graphql', body: `{"query": ${JSON.stringify(ENQUEUE)}, "variables": {"input": ${nestedJson(20_000)}}}`, status: 400, code: 'BAD_USER_INPUT', message: /nests deeper/ },
  { name: 'a long list in a variable', ...gql(ENQUEUE, { input: { ...PRODUCT, tags: Array.from({ length: 2000 }, () => 1) } }), status: 400, code: 'BAD_USER_INPUT', message: /TRAWL_MAX_INPUT_LIST_ITEMS/ },
  { name: 'an unknown field', ...gql('{ secrets }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a fragment cycle', ...gql('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a page size over the cap', ...gql('{ products(first: 101) { totalCount } }'), status: 400, code: 'BAD_USER_INPUT', message: /TRAWL_MAX_PAGE_SIZE/ },
  { name: 'a huge page size in a variable', ...gql('query($n: Int) { campaigns(first: $n) { totalCount } }', { n: 2_000_000_000 }), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'a page size beyond Int', ...gql('{ products(first: 99999999999) { totalCount } }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a negative page size', ...gql('{ products(first: -5) { totalCount } }'), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'a cursor this API never issued', ...gql('{ products(after: "not-a-cursor") { totalCount } }'), status: 200, code: 'BAD_USER_INPUT', message: /cursor/ },
  { name: 'an overlong string in a variable', ...gql(ENQUEUE, { input: { ...PRODUCT, url: `https://shop.example/${'x'.repeat(12_000)}` } }), status: 400, code: 'BAD_USER_INPUT', message: /TRAWL_MAX_INPUT_STRING_CHARS/ },
  { name: 'an overlong string inline', ...gql(`{ job(id: "${'x'.repeat(12_000)}") { id } }`), status: 400, code: 'BAD_USER_INPUT', message: /TRAWL_MAX_INPUT_STRING_CHARS/ },
  { name: 'a URL over the URL limit', ...gql(ENQUEUE, { input: { ...PRODUCT, url: `https://shop.example/${'x'.repeat(3000)}` } }), status: 200, code: 'BAD_USER_INPUT', message: /longer than 2048/ },
  { name: 'an oversized body', path: '/graphql', body: { query: `{ job(id: "${'x'.repeat(LIMIT_BYTES)}") { id } }` }, status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'malformed JSON', path: '/graphql', body: '{"query": "{ __typename }"', status: 400, code: 'BAD_USER_INPUT', message: /not valid JSON/ },
  { name: 'a batched array', path: '/graphql', body: [{ query: '{ __typename }' }, { query: '{ __typename }' }], status: 400, code: 'BAD_REQUEST', message: /batching/i },
  { name: 'a query that is not a string', path: '/graphql', body: { query: 42 }, status: 400, code: 'BAD_REQUEST' },
  { name: 'no query at all', path: '/graphql', body: { variables: {} }, status: 400, code: 'BAD_REQUEST' },
  { name: 'an unknown operationName', ...gql('query A { __typename }', undefined, { body: { query: 'query A { __typename }', operationName: 'B' } }), status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
  { name: 'a form post (CSRF)', path: '/graphql', body: 'query=%7B__typename%7D', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 400, code: 'BAD_REQUEST' },
  { name: 'a mutation over GET', path: `/graphql?query=${encodeURIComponent('mutation { cancelCampaign(id: "1") { id } }')}`, method: 'GET', headers: { 'apollo-require-preflight': 'true' }, status: 405, code: 'BAD_REQUEST' },
];

const REST_ROWS: Row[] = [
  { name: 'no API key', path: '/api/v1/jobs/nope', method: 'GET', key: null, status: 401, code: 'UNAUTHENTICATED' },
  { name: 'an unknown API key', path: '/api/v1/jobs', body: PRODUCT, key: 'guessed-0123456789abcdef', status: 401, code: 'UNAUTHENTICATED' },
  { name: 'a POST with a read key', path: '/api/v1/jobs', body: PRODUCT, key: READ_KEY, status: 403, code: 'FORBIDDEN' },
  { name: 'malformed JSON', path: '/api/v1/jobs', body: '{"type": "PRODUCT", ', status: 400, code: 'INVALID_INPUT', message: /not valid JSON/ },
  { name: 'an oversized body', path: '/api/v1/jobs', body: { ...PRODUCT, note: 'x'.repeat(LIMIT_BYTES) }, status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'a JSON array body', path: '/api/v1/jobs', body: [PRODUCT, PRODUCT], status: 400, code: 'INVALID_INPUT', message: /JSON object/ },
  { name: 'an unknown job type', path: '/api/v1/jobs', body: { ...PRODUCT, type: 'LAUNCH' }, status: 400, code: 'INVALID_INPUT' },
  { name: 'an unknown priority', path: '/api/v1/jobs', body: { ...PRODUCT, priority: 'YESTERDAY' }, status: 400, code: 'INVALID_INPUT' },
  { name: 'a number for the URL', path: '/api/v1/jobs', body: { ...PRODUCT, url: 12345 }, status: 400, code: 'INVALID_URL' },
  { name: 'an overlong string', path: '/api/v1/jobs', body: { ...PRODUCT, url: `https://shop.example/${'x'.repeat(12_000)}` }, status: 400, code: 'INVALID_INPUT', message: /TRAWL_MAX_INPUT_STRING_CHARS/ },
  { name: 'a URL over the URL limit', path: '/api/v1/jobs', body: { ...PRODUCT, url: `https://shop.example/${'x'.repeat(3000)}` }, status: 400, code: 'INVALID_URL' },
  { name: 'deeply nested JSON', path: '/api/v1/jobs', body: `{"type": "PRODUCT", "url": "https://shop.example/p/1", "extra": ${nestedJson(20_000)}}`, status: 400, code: 'INVALID_INPUT', message: /nests deeper/ },
  { name: 'a huge list of navigation steps', path: '/api/v1/navigate', body: { url: 'https://shop.example/', steps: Array.from({ length: 2000 }, () => ({ action: 'wait', ms: 1 })) }, status: 400, code: 'INVALID_INPUT', message: /TRAWL_MAX_INPUT_LIST_ITEMS/ },
  { name: 'a JSON string body', path: '/api/v1/jobs', body: '"PRODUCT https://shop.example/p/1"', status: 400, code: 'INVALID_INPUT', message: /JSON/ },
  { name: 'an unknown job id', path: '/api/v1/jobs/does-not-exist', method: 'GET', status: 404, code: 'NOT_FOUND' },
  { name: 'an unknown route', path: '/api/v1/admin', method: 'GET', status: 404, code: 'NOT_FOUND' },
];

describe('Hostile input: every row is answered with its status and error code, never a 500', () => {
  let runtime: Runtime;
  const cleanups: (() => Promise<void>)[] = [];
  before(async () => {
    runtime = await startRuntime({ after: (fn: () => Promise<void>) => void cleanups.push(fn) }, { api: true, workers: false },
      testConfig({ apiKeys: TEST_API_KEYS, maxRequestBytes: LIMIT_BYTES, maxPageSize: 100, graphqlMaxComplexity: 20_000 }));
  });
  after(async () => { for (const fn of cleanups.reverse()) await fn(); });

  const send = (row: Row) => {
    const key = row.key === undefined ? WRITE_KEY : row.key;
    return fetch(`${runtime.apiUrl}${row.path}`, {
      method: row.method ?? 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...row.headers },
      ...(row.method === 'GET' ? {} : { body: typeof row.body === 'string' ? row.body : JSON.stringify(row.body) }),
    });
  };

  for (const [surface, rows] of [['GraphQL', GRAPHQL_ROWS], ['REST', REST_ROWS]] as const) {
    for (const row of rows) {
      it(`${surface}: ${row.name} -> ${row.status} ${row.code}`, async () => {
        const response = await send(row);
        const text = await response.text();
        const body = JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string } }[]; error?: { code: string; message: string } };
        const error = surface === 'GraphQL' ? { code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message } : body.error;
        assert.equal(response.status, row.status, `status of ${row.name}: ${text.slice(0, 300)}`);
        assert.equal(error?.code, row.code, `code of ${row.name}: ${text.slice(0, 300)}`);
        if (row.message) assert.match(error?.message ?? '', row.message);
        assert.ok(response.headers.get('x-request-id'));
      });
    }
  }
});
