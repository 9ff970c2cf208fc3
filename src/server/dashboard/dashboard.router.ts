import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type RequestHandler } from 'express';

/** Where the dashboard is served. */
export const DASHBOARD_PATH = '/dashboard';

/**
 * The page only talks to its own origin: scripts, styles and the GraphQL
 * endpoint (HTTP and WebSocket). No inline script or style attribute.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

interface Asset { contentType: string; body: Buffer }

/**
 * Serves the live dashboard: one HTML page, one script and one stylesheet
 * from `public/` (plain files, no build step) and graphql-ws's browser build
 * from the installed package. The page needs no key to load; its GraphQL
 * requests carry the key typed into it, like any other client.
 */
export function dashboardRouter(): Router {
  const publicDir = findPublicDir();
  const file = (name: string, contentType: string): Asset => ({ contentType, body: readFileSync(join(publicDir, name)) });
  const assets = new Map<string, Asset>([
    ['/dashboard.js', file('dashboard.js', 'text/javascript; charset=utf-8')],
    ['/dashboard.css', file('dashboard.css', 'text/css; charset=utf-8')],
    ['/graphql-ws.js', { contentType: 'text/javascript; charset=utf-8', body: readFileSync(graphqlWsBrowserBuild()) }],
  ]);
  const page = file('dashboard.html', 'text/html; charset=utf-8');
  const router = Router();
  router.get([DASHBOARD_PATH, `${DASHBOARD_PATH}/`], send(page, 'no-cache'));
  for (const [path, asset] of assets) router.get(`${DASHBOARD_PATH}/assets${path}`, send(asset, 'no-cache'));
  return router;
}

function send(asset: Asset, cacheControl: string): RequestHandler {
  return (_req, res) => {
    res.set({
      'Content-Type': asset.contentType,
      'Cache-Control': cacheControl,
      'Content-Security-Policy': DASHBOARD_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    res.send(asset.body);
  };
}

/** graphql-ws's UMD build (global `graphqlWs`), resolved through Node rather than a hard-coded path. */
function graphqlWsBrowserBuild(): string {
  const require = createRequire(import.meta.url);
  const path = join(dirname(require.resolve('graphql-ws/package.json')), 'umd', 'graphql-ws.min.js');
  if (!existsSync(path)) throw new Error(`graphql-ws browser build ${path} is missing; is the package installed completely?`);
  return path;
}

/**
 * The page's files ship as plain files in src/server/dashboard/public. Compiled
 * code runs from another directory (dist/...), so look next to this module
 * first, then under the package root.
 */
function findPublicDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'public')];
  for (let dir = here; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      candidates.push(join(dir, 'src', 'server', 'dashboard', 'public'));
      break;
    }
  }
  const found = candidates.find((dir) => existsSync(join(dir, 'dashboard.html')));
  if (!found) throw new Error(`Dashboard files not found (looked in ${candidates.join(', ')})`);
  return found;
}
