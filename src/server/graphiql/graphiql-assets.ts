import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { renderBootstrapModule } from './graphiql-bootstrap.js';

const require = createRequire(import.meta.url);
const gzipAsync = promisify(gzip);

/** One file the GraphiQL page loads. Bodies are read (and gzipped) on first request, then kept. */
export interface GraphiqlAsset {
  contentType: string;
  body(): Promise<Buffer>;
  gzipped(): Promise<Buffer>;
}

/** The URLs the page links, plus every servable asset keyed by its path below `assetsPath`. */
export interface GraphiqlAssets {
  urls: { stylesheets: string[]; scripts: string[]; bootstrapModule: string };
  byPath: ReadonlyMap<string, GraphiqlAsset>;
}

export interface GraphiqlAssetsOptions {
  assetsPath: string;
  endpoint: string;
  defaultQuery: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Builds the asset table from installed packages (resolved through Node, not
 * hard-coded node_modules paths). Paths carry the package version or a content
 * hash, so responses can be cached as immutable.
 */
export function createGraphiqlAssets(options: GraphiqlAssetsOptions): GraphiqlAssets {
  const byPath = new Map<string, GraphiqlAsset>();
  const add = (path: string, asset: GraphiqlAsset): string => {
    byPath.set(path, asset);
    return `${options.assetsPath}${path}`;
  };
  const addFile = (pkg: InstalledPackage, file: string): string =>
    add(`/${pkg.name}@${pkg.version}/${file}`, fileAsset(join(pkg.dir, file)));

  const react = installedPackage('react');
  const reactDom = installedPackage('react-dom');
  const graphiql = installedPackage('graphiql');
  const graphqlWs = installedPackage('graphql-ws');

  const stylesheets = [addFile(graphiql, 'graphiql.min.css'), add(...generated('graphiql-page', '.css', PAGE_CSS))];
  addFile(graphiql, 'graphiql.min.css.map');
  const scripts = [
    addFile(react, 'umd/react.production.min.js'),
    addFile(reactDom, 'umd/react-dom.production.min.js'),
    addFile(graphiql, 'graphiql.min.js'),
  ];
  addFile(graphiql, 'graphiql.min.js.map');
  const [wsClientModule] = moduleGraph(graphqlWs.dir, 'dist/client.js').map((file) => addFile(graphqlWs, file));
  if (!wsClientModule) throw new Error(`graphql-ws ${graphqlWs.version} has no dist/client.js`);

  const bootstrap = renderBootstrapModule({ endpoint: options.endpoint, defaultQuery: options.defaultQuery, wsClientModule });
  const bootstrapModule = add(...generated('graphiql-bootstrap', '.js', bootstrap));
  return { urls: { stylesheets, scripts, bootstrapModule }, byPath };
}

/** Lays out the page: GraphiQL fills the viewport. */
const PAGE_CSS = 'html, body, #graphiql { height: 100%; margin: 0; }\n';

interface InstalledPackage { name: string; version: string; dir: string }

function installedPackage(name: string): InstalledPackage {
  const manifest = require.resolve(`${name}/package.json`);
  const { version } = require(manifest) as { version: string };
  return { name, version, dir: dirname(manifest) };
}

/** `[path, asset]` for content generated here, named by its hash. */
function generated(name: string, ext: string, content: string): [string, GraphiqlAsset] {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 16);
  return [`/trawl/${name}.${hash}${ext}`, memoryAsset(contentTypeOf(ext), Buffer.from(content))];
}

/**
 * The entry file and the relative modules it statically imports, transitively
 * (graphql-ws's client imports a hashed sibling chunk). Bare imports would not
 * load in a browser; graphql-ws's client has none.
 */
function moduleGraph(dir: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(join(dir, file), 'utf8');
    for (const match of source.matchAll(/^\s*(?:import|export)\b[^;'"]*?from\s*['"](\.\/[^'"]+)['"]/gm)) {
      visit(join(dirname(file), match[1] ?? ''));
    }
  };
  visit(entry);
  return [...seen];
}

function fileAsset(path: string): GraphiqlAsset {
  if (!existsSync(path)) throw new Error(`GraphiQL asset ${path} is missing; is the package installed completely?`);
  let body: Promise<Buffer> | undefined;
  let gzipped: Promise<Buffer> | undefined;
  const forget = (error: unknown): never => {
    body = gzipped = undefined;
    throw error;
  };
  const load = (): Promise<Buffer> => (body ??= readFile(path).catch(forget));
  return {
    contentType: contentTypeOf(extname(path)),
    body: load,
    gzipped: () => (gzipped ??= load().then((data) => gzipAsync(data)).catch(forget)),
  };
}

function memoryAsset(contentType: string, data: Buffer): GraphiqlAsset {
  let gzipped: Promise<Buffer> | undefined;
  return { contentType, body: async () => data, gzipped: () => (gzipped ??= gzipAsync(data)) };
}

function contentTypeOf(ext: string): string {
  const type = CONTENT_TYPES[ext];
  if (!type) throw new Error(`GraphiQL asset type ${ext} has no content type`);
  return type;
}
