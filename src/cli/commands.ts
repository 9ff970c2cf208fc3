import type { Config } from '../config/config.schema.js';
import { Runtime, type RuntimeRoles } from '../bootstrap/runtime.js';
import { handleShutdownSignals } from '../bootstrap/signals.js';
import { closeDemoShops, startDemoShop, startDemoShops, type DemoShops, type ShopFlavour, SHOP_FLAVOURS } from '../demo-shop/index.js';
import { createLogger } from '../observability/logger.js';
import { intFlag, stringFlag, type ParsedArgs } from './args.js';

export async function runUp(config: Config, args: ParsedArgs): Promise<void> {
  const logger = createLogger({ level: config.logLevel, name: 'trawl', format: config.logFormat });
  let shops: DemoShops | undefined;
  if (args.flags.has('demo')) {
    shops = await startDemoShops({ products: intFlag(args, 'products', 300) });
    const hosts = Object.values(shops).map((shop) => new URL(shop.url).host);
    config = { ...config, allowedPrivateHosts: [...config.allowedPrivateHosts, ...hosts] };
  }
  // Handlers first: in-process workers take jobs before start-up has finished.
  const starting = Runtime.start({ config, roles: { api: true, workers: config.inProcessWorkers }, logger });
  handleShutdownSignals(async () => {
    await (await starting.catch(() => undefined))?.close();
    if (shops) await closeDemoShops(shops);
  }, logger, config.shutdownTimeoutMs + 5000);
  const runtime = await starting;
  const demo = shops ? [
    ...Object.entries(shops).map(([flavour, shop]) => `  Demo shop:  ${shop.url}  (${flavour}, ${shop.catalog.products.length} products)`),
    `  Try:        mutation { startCampaign(input: {seedUrl: "${shops.shopify.url}", rateLimitDelayMs: 0}) { id status } }`,
  ] : [];
  const lines = [
    '',
    `  trawl is running`,
    `  GraphiQL:   ${runtime.apiUrl}/graphql`,
    `  Dashboard:  ${runtime.apiUrl}/dashboard`,
    ...demo,
    `  Redis:      ${runtime.redisUrl}`,
    `  Store:      ${config.store}${config.store === 'sqlite' ? ` (${config.dataDir}/trawl.sqlite)` : ''}`,
    '  Stop with Ctrl-C.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export async function runApi(config: Config): Promise<void> {
  await startHandlingSignals(config, { api: true, workers: false }, 'trawl-api');
}

export async function runWorker(config: Config): Promise<void> {
  const runtime = await startHandlingSignals(config, { api: false, workers: true }, 'trawl-worker');
  // On stderr: stdout may be a JSON log stream.
  if (runtime.workerUrl) process.stderr.write(`Worker health and metrics: ${runtime.workerUrl} (/health/live, /health/ready, /metrics)\n`);
}

export async function runDemoShop(config: Config, args: ParsedArgs): Promise<void> {
  const logger = createLogger({ level: config.logLevel, name: 'trawl-demo-shop', format: config.logFormat });
  const raw = args.flags.get('flavour');
  const flavour = (typeof raw === 'string' ? raw : 'shopify') as ShopFlavour;
  if (!SHOP_FLAVOURS.includes(flavour)) throw new RangeError(`--flavour "${flavour}" is not one of ${SHOP_FLAVOURS.join(', ')}`);
  const shop = await startDemoShop({ host: stringFlag(args, 'host') ?? '127.0.0.1', port: intFlag(args, 'port', 0), products: intFlag(args, 'products', 500), seed: intFlag(args, 'seed', 1), flavour });
  process.stdout.write(`Demo shop: ${shop.url} (${flavour}, ${shop.catalog.products.length} products)\n`);
  handleShutdownSignals(() => shop.close(), logger, 5000);
}

/**
 * Starts a runtime with the signal handlers already in place: a worker takes
 * jobs before start-up has finished, so a SIGTERM in that window must still
 * drain them (it waits for the start, then closes gracefully).
 */
async function startHandlingSignals(config: Config, roles: RuntimeRoles, name: string): Promise<Runtime> {
  const logger = createLogger({ level: config.logLevel, name, format: config.logFormat });
  const starting = Runtime.start({ config, roles, logger });
  handleShutdownSignals(async () => (await starting.catch(() => undefined))?.close(), logger, config.shutdownTimeoutMs + 5000);
  return starting;
}
