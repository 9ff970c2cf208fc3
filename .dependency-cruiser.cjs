/**
 * Which folder may import what (see STYLE.md): the domain imports nothing but
 * itself and Node built-ins; each vendor library lives in one folder; workers
 * never load the GraphQL layer; no cycles.
 */
const vendor = (name, allowed, why) => ({
  name: `${name}-only-in-its-folder`,
  comment: why,
  severity: 'error',
  from: { path: '^src/', pathNot: allowed },
  to: { path: `node_modules/(${name})/`, dependencyTypesNot: ['type-only'] },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'domain-is-pure', comment: 'src/domain imports only itself and node built-ins', severity: 'error',
      from: { path: '^src/domain/' }, to: { pathNot: ['^src/domain/', '^node:', '^(crypto|net|url|path|fs)$'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'workers-never-load-graphql', severity: 'error',
      from: { path: '^src/(workers|queue|scrapers|storage)/' }, to: { path: ['^src/(schema|resolvers|server)/', 'node_modules/(type-graphql|@apollo|graphql-ws|graphql)/'] },
    },
    {
      name: 'resolvers-call-the-domain-only', comment: 'resolvers go through domain services, never adapters', severity: 'error',
      from: { path: '^src/(resolvers|schema)/' }, to: { path: '^src/(storage|queue|scrapers|workers|bootstrap)/' },
    },
    {
      name: 'adapters-depend-on-the-domain-only', severity: 'error',
      from: { path: '^src/(storage|queue|scrapers|events)/' }, to: { path: '^src/(bootstrap|cli|server|resolvers|schema|workers|observability)/' },
    },
    {
      name: 'demo-shop-stands-alone', severity: 'error',
      from: { path: '^src/demo-shop/' }, to: { path: '^src/', pathNot: '^src/demo-shop/' },
    },
    vendor('bullmq', '^src/(queue|workers)/', 'n8n rule: one folder owns the queue library'),
    vendor('ioredis', '^src/queue/', 'Redis connections are made in src/queue'),
    vendor('mongoose|mongodb', '^src/storage/mongo/', 'the Mongo adapter owns mongoose'),
    vendor('better-sqlite3', '^src/storage/sqlite/', 'the SQLite adapter owns better-sqlite3'),
    vendor('cheerio|undici|playwright-core|htmlparser2', '^src/scrapers/', 'scrapers own parsing and fetching'),
    vendor('type-graphql', '^src/(schema|resolvers)/', 'GraphQL types live in schema and resolvers'),
    vendor('@apollo|graphql-ws|ws|express|@as-integrations', '^src/server/', 'the HTTP/WebSocket edge'),
    vendor('prom-client|pino', '^src/observability/', 'metrics and logging module'),
    vendor('zod', '^src/(config|queue)/', 'validation of config and queue payloads'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    exclude: { path: '^dist/' },
  },
};
