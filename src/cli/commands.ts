import type { Config } from '../config/config.schema.js';
import { Runtime } from '../bootstrap/runtime.js';
import { handleShutdownSignals } from '../bootstrap/signals.js';
import { startDemoShop } from '../demo-shop/index.js';
import { createLogger } from '../observability/logger.js';
import { intFlag, type ParsedArgs } from './args.js';

export const HELP = `trawl: distributed e-commerce scraper with a GraphQL API

Usage: trawl <command> [options]

Commands:
  up          Single-machine mode: API + in-process workers + a private Redis
              (unless REDIS_URL is set) + the embedded SQLite store.
                --demo              also start the bundled demo shop
                --products <n>      demo shop size (default 500)
  api         API process only (GraphQL on PORT); workers run elsewhere.
  worker      Worker process only (concurrency TRAWL_WORKER_CONCURRENCY).
  demo-shop   Serve the bundled demo shop.
                --port <n>          port (default: a free one)
                --products <n>      number of products (default 500)
                --seed <n>          catalog seed (default 1)
  help        Show this help.

Configuration is read from environment variables; see README.md.`;

export async function runUp(config: Config, args: ParsedArgs): Promise<void> {
  const logger = createLogger({ level: config.logLevel, name: 'trawl' });
  let demoUrl: string | undefined;
  let sampleProduct = '';
  let closeDemo = async (): Promise<void> => undefined;
  if (args.flags.has('demo')) {
    const shop = await startDemoShop({ products: intFlag(args, 'products', 500) });
    demoUrl = shop.url;
    sampleProduct = new URL(shop.catalog.products[0]?.path ?? '/', shop.url).href;
    closeDemo = () => shop.close();
    config = { ...config, privateHostAllowlist: [...config.privateHostAllowlist, new URL(shop.url).host] };
  }
  const runtime = await Runtime.start({ config, roles: { api: true, workers: config.inProcessWorkers }, logger });
  handleShutdownSignals(async () => {
    await runtime.close();
    await closeDemo();
  }, logger, config.shutdownTimeoutMs + 5000);
  const lines = [
    '',
    `  trawl is running`,
    `  GraphiQL:   ${runtime.apiUrl}/graphql`,
    ...(demoUrl ? [`  Demo shop:  ${demoUrl}`, `  Try:        mutation { enqueueJob(input: {type: PRODUCT, url: "${sampleProduct}"}) { id state } }`] : []),
    `  Redis:      ${runtime.redisUrl}`,
    `  Store:      ${config.store}${config.store === 'sqlite' ? ` (${config.dataDir}/trawl.sqlite)` : ''}`,
    '  Stop with Ctrl-C.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export async function runApi(config: Config): Promise<void> {
  const runtime = await Runtime.start({ config, roles: { api: true, workers: false } });
  handleShutdownSignals(() => runtime.close(), runtime.logger, config.shutdownTimeoutMs + 5000);
}

export async function runWorker(config: Config): Promise<void> {
  const runtime = await Runtime.start({ config, roles: { api: false, workers: true } });
  handleShutdownSignals(() => runtime.close(), runtime.logger, config.shutdownTimeoutMs + 5000);
}

export async function runDemoShop(config: Config, args: ParsedArgs): Promise<void> {
  const logger = createLogger({ level: config.logLevel, name: 'trawl-demo-shop' });
  const shop = await startDemoShop({ port: intFlag(args, 'port', 0), products: intFlag(args, 'products', 500), seed: intFlag(args, 'seed', 1) });
  process.stdout.write(`Demo shop: ${shop.url} (${shop.catalog.products.length} products)\n`);
  handleShutdownSignals(() => shop.close(), logger, 5000);
}
