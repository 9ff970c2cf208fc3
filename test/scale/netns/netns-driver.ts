/**
 * Runs inside the core namespace of the network-namespace test (the test
 * process itself has no route to these addresses):
 *
 *   node netns-driver.js wait-tcp <timeoutMs> <host:port>...
 *     exits 0 once every address accepts TCP connections.
 *   node netns-driver.js loopback
 *     prints what listening on 127.0.0.1 and ::1 gives here: `ok` or the error code.
 *   node netns-driver.js campaign '<DriverOptions as JSON>'
 *     serves the demo shop on the core address, waits for the workers, runs a
 *     campaign over GraphQL (HTTP for queries, graphql-ws for progress) and
 *     prints a NetnsSummary as JSON on stdout.
 */
import { connect, createServer } from 'node:net';
import { startDemoShop, type DemoShop } from '../../../src/demo-shop/index.js';
import { waitFor } from '../../../src/bootstrap/child-process.js';
import { collect, graphqlHttp, wsClient } from '../../support/graphql-client.js';
import { expectedCategoryLinks } from '../../support/catalog-truth.js';

export interface DriverOptions {
  apiUrl: string;
  apiKey: string;
  shopHost: string;
  products: number;
  /** Worker address -> its /metrics URL. */
  workerMetrics: Record<string, string>;
  campaignTimeoutMs: number;
}

export interface NetnsSummary {
  shopUrl: string;
  campaignId: string;
  status: string;
  progress: Record<string, number>;
  progressEvents: number;
  finalEventSeen: boolean;
  expectedProducts: string[];
  storedProducts: string[];
  /** The `workers` query before the campaign started. */
  workers: { id: string; host: string; pid: number }[];
  /** Per worker address, counters read from its own /metrics endpoint. */
  workerJobs: Record<string, { productJobsCompleted: number; jobsCompleted: number; productsScraped: number }>;
  /** From the driver's start until the API answered with every worker live. */
  readyMs: number;
  /** From startCampaign to the final progress event. */
  campaignMs: number;
}

const START = `mutation Start($input: StartCampaignInput!) { startCampaign(input: $input) { id status } }`;
const PROGRESS = `subscription P($id: ID!) { campaignProgress(id: $id) { status percent productsScraped final } }`;
const CAMPAIGN = `query C($id: ID!) { campaign(id: $id) { status progress { productsDiscovered productsScraped productsFailed productsSkipped productsQueued categoriesDiscovered } } }`;
const WORKERS = `{ workers { id host pid } }`;

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'wait-tcp') {
    const [timeout, ...addresses] = rest;
    await Promise.all(addresses.map((address) => waitFor(() => accepts(address), Number(timeout), `TCP ${address}`)));
  } else if (command === 'loopback') {
    process.stdout.write(`${JSON.stringify({ ipv4: await listenResult('127.0.0.1'), ipv6: await listenResult('::1') })}\n`);
  } else if (command === 'campaign') {
    process.stdout.write(`${JSON.stringify(await runCampaign(JSON.parse(rest[0] ?? '{}') as DriverOptions))}\n`);
  } else {
    throw new Error(`unknown command ${command ?? '(none)'}: wait-tcp, loopback or campaign`);
  }
}

function listenResult(host: string): Promise<string> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    server.listen(0, host, () => server.close(() => done('ok')));
  });
}

function accepts(address: string): Promise<boolean> {
  const [host, port] = address.split(':');
  return new Promise((done) => {
    const socket = connect(Number(port), host!);
    socket.setTimeout(1000, () => {
      socket.destroy();
      done(false);
    });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

async function runCampaign(options: DriverOptions): Promise<NetnsSummary> {
  const started = Date.now();
  const shop = await startDemoShop({ host: options.shopHost, products: options.products, productsPerPage: 8 });
  try {
    const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const result = await graphqlHttp<T>(options.apiUrl, query, variables, { apiKey: options.apiKey });
      if (result.errors || !result.data) throw new Error(`${query.slice(0, 40)}: HTTP ${result.status} ${JSON.stringify(result.errors)}`);
      return result.data;
    };
    const expectedWorkers = Object.keys(options.workerMetrics).length;
    let workers: NetnsSummary['workers'] = [];
    await waitFor(async () => {
      workers = (await gql<{ workers: NetnsSummary['workers'] }>(WORKERS)).workers;
      return workers.length >= expectedWorkers;
    }, 60_000, `${expectedWorkers} live workers in the workers query`);

    const ready = Date.now();
    const { startCampaign } = await gql<{ startCampaign: { id: string } }>(START, { input: { seedUrl: shop.url, rateLimitDelayMs: 0, renderJs: 'NEVER' } });
    const id = startCampaign.id;
    const client = wsClient(options.apiUrl, { apiKey: options.apiKey });
    let events: { campaignProgress: { final: boolean } }[];
    try {
      events = await collect<{ campaignProgress: { final: boolean } }>(client, PROGRESS, { id }, (e) => e.campaignProgress.final, options.campaignTimeoutMs).done;
    } finally {
      await client.dispose();
    }
    const ended = Date.now();
    const { campaign } = await gql<{ campaign: { status: string; progress: Record<string, number> } }>(CAMPAIGN, { id });
    return {
      shopUrl: shop.url,
      campaignId: id,
      status: campaign.status,
      progress: campaign.progress,
      progressEvents: events.length,
      finalEventSeen: events.at(-1)?.campaignProgress.final === true,
      expectedProducts: await expectedProducts(shop, id, gql),
      storedProducts: (await everyNode<{ canonicalUrl: string }>(gql, 'products', 'canonicalUrl', id)).map((p) => p.canonicalUrl).sort(),
      workers,
      workerJobs: Object.fromEntries(await Promise.all(Object.entries(options.workerMetrics).map(async ([address, url]) => [address, await jobCounts(url)] as const))),
      readyMs: ready - started,
      campaignMs: ended - ready,
    };
  } finally {
    await shop.close();
  }
}

type Gql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** Every node of a campaign's products or categories connection, page by page. */
async function everyNode<T>(gql: Gql, field: 'products' | 'categories', fields: string, campaignId: string): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const query = `query($id: ID!, $after: String) { ${field}(first: 100, after: $after, filter: { campaignId: $id }) { edges { node { ${fields} } } pageInfo { hasNextPage endCursor } } }`;
    const page: { edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (await gql<Record<string, any>>(query, { id: campaignId, after }))[field];
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

/** The shop's products listed in the categories the campaign selected, minus those robots.txt disallows (canonical URLs). */
async function expectedProducts(shop: DemoShop, campaignId: string, gql: Gql): Promise<string[]> {
  const selected = new Set((await everyNode<{ url: string }>(gql, 'categories', 'url', campaignId)).map((c) => c.url));
  return [...expectedCategoryLinks(shop, selected).keys()].sort();
}

/** Job counters of one worker process, from its own /metrics endpoint (Prometheus text). */
async function jobCounts(url: string): Promise<NetnsSummary['workerJobs'][string]> {
  const text = await (await fetch(url)).text();
  const sum = (name: string, labels: (l: string) => boolean = () => true): number => text.split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => labels(line.slice(name.length, line.lastIndexOf(' '))))
    .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  return {
    productJobsCompleted: sum('trawl_jobs_processed_total', (l) => l.includes('type="product"') && l.includes('outcome="completed"')),
    jobsCompleted: sum('trawl_jobs_processed_total', (l) => l.includes('outcome="completed"')),
    productsScraped: sum('trawl_products_scraped_total'),
  };
}

main().then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
