import { Router, type Request, type RequestHandler } from 'express';
import { createGraphiqlAssets, type GraphiqlAssets } from './graphiql-assets.js';
import { GRAPHIQL_CSP, renderGraphiqlPage } from './graphiql-page.js';

/** Options for {@link graphiqlRouter}. */
export interface GraphiqlOptions {
  /** Path of the GraphQL endpoint (HTTP and graphql-ws), e.g. `/graphql`; the page is served there. */
  endpoint: string;
  /** Where the page's JS/CSS are served. Default `/graphiql-assets`. */
  assetsPath?: string;
  /** Page title. Default `GraphiQL`. */
  title?: string;
  /** Query shown in a browser's first tab (GraphiQL remembers tabs afterwards). */
  defaultQuery?: string;
}

/** The first tab's query when {@link GraphiqlOptions.defaultQuery} is not set; valid against any schema. */
export const DEFAULT_GRAPHIQL_QUERY = `# Queries and mutations go over HTTP,
# subscriptions over WebSocket (graphql-ws),
# both on this path.
#
# Headers tab (JSON): sent with HTTP requests
# and as the socket's connection params.
#
# Ctrl-Enter: run   Ctrl-Space: complete
# Shift-Ctrl-P: prettify   Ctrl-K: search docs

query Ping {
  __typename
}
`;

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves GraphiQL from installed packages (no CDN) for browsers that open the
 * GraphQL endpoint, plus its assets under `assetsPath`. Mount it before the
 * GraphQL middleware: GET `endpoint` requests that are GraphQL requests (a
 * `query` or `extensions` parameter) or do not prefer HTML pass to `next()`.
 */
export function graphiqlRouter(options: GraphiqlOptions): Router {
  const endpoint = checkedPath('endpoint', options.endpoint);
  const assetsPath = checkedPath('assetsPath', options.assetsPath ?? '/graphiql-assets');
  if (endpoint === assetsPath) throw new Error(`GraphiQL assetsPath ${assetsPath} must differ from the endpoint`);
  const assets = createGraphiqlAssets({ assetsPath, endpoint, defaultQuery: options.defaultQuery ?? DEFAULT_GRAPHIQL_QUERY });
  const page = renderGraphiqlPage(options.title ?? 'GraphiQL', assets.urls);

  const router = Router();
  router.get(endpoint, (req, res, next) => {
    res.vary('Accept');
    if (!wantsGraphiqlPage(req)) return next();
    res.set({
      'Content-Security-Policy': GRAPHIQL_CSP,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.type('html').send(page);
  });
  router.use(assetsPath, serveAssets(assets.byPath));
  return router;
}

/** A browser navigation: prefers HTML over GraphQL JSON and carries no GraphQL request. */
function wantsGraphiqlPage(req: Request): boolean {
  const queryStart = req.originalUrl.indexOf('?');
  const params = new URLSearchParams(queryStart < 0 ? '' : req.originalUrl.slice(queryStart + 1));
  if (params.has('query') || params.has('extensions')) return false;
  if (!req.get('accept')) return false;
  return req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

function serveAssets(byPath: GraphiqlAssets['byPath']): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const asset = byPath.get(req.path);
    if (!asset) {
      res.status(404).type('text').set('X-Content-Type-Options', 'nosniff').send(`No GraphiQL asset at ${req.path}`);
      return;
    }
    // No Accept-Encoding header: send identity, as most servers do.
    const gzip = Boolean(req.get('accept-encoding')) && req.acceptsEncodings('gzip', 'identity') === 'gzip';
    (gzip ? asset.gzipped() : asset.body()).then((body) => {
      res.set({
        'Content-Type': asset.contentType,
        'Cache-Control': IMMUTABLE,
        'X-Content-Type-Options': 'nosniff',
        'Cross-Origin-Resource-Policy': 'same-origin',
      });
      res.vary('Accept-Encoding');
      if (gzip) res.set('Content-Encoding', 'gzip');
      res.send(body);
    }, next);
  };
}

function checkedPath(name: string, path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (!/^\/[\w\-./@]*$/.test(trimmed) || trimmed === '/') {
    throw new Error(`GraphiQL ${name} ${JSON.stringify(path)} must be an absolute URL path like /graphql`);
  }
  return trimmed;
}
