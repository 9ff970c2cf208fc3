import type { CrawlSummary, ErrorCount } from '../domain/services/crawl-summary.js';
import { topErrors } from '../domain/services/crawl-summary.js';
import type { CampaignStatus } from '../domain/entities/campaign.js';
import type { CampaignQuality } from '../domain/services/campaign-report.service.js';
import type { CrawlDriver } from './crawl-driver.js';
import type { ProgressView } from './crawl-format.js';

export interface RemoteCrawlOptions {
  /** Base URL of the API (`http://host:4000`) or its `/graphql` endpoint. */
  apiUrl: string;
  /** API key with the write role (starting and cancelling are mutations). */
  key?: string | undefined;
  /** How often the campaign's progress is read. */
  pollMs: number;
}

const PROGRESS_FIELDS = `status phase categoriesDiscovered categoriesScraped categoriesFailed productsDiscovered productsQueued productsScraped
  productsFailed productsSkipped skippedReasons { reason count } percent productsPerMinute etaSeconds final`;
const START = `mutation TrawlCrawl($input: StartCampaignInput!) { startCampaign(input: $input) { id } }`;
const CANCEL = `mutation TrawlCancel($id: ID!) { cancelCampaign(id: $id) { id status } }`;
const PROGRESS = `query TrawlProgress($id: ID!) { campaign(id: $id) { progress { ${PROGRESS_FIELDS} } } }`;
const SUMMARY = `query TrawlSummary($id: ID!) { campaign(id: $id) { id seedUrl status failedReason createdAt startedAt finishedAt
  progress { ${PROGRESS_FIELDS} }
  quality { products productCompleteness categoryLinkage duplicateProducts duplicateRate meetsTargets errorRateByDomain { domain failed total rate } } } }`;
const LETTERS = `query TrawlErrors($id: ID!, $after: String) { deadLetters(filter: { campaignId: $id }, first: 100, after: $after) {
  edges { node { code url } } pageInfo { hasNextPage endCursor } } }`;
const MAX_LETTER_PAGES = 20;

interface RemoteProgress extends ProgressView { skippedReasons: { reason: string; count: number }[] }
interface RemoteCampaign {
  id: string; seedUrl: string; status: CampaignStatus; failedReason: string | null;
  createdAt: string; startedAt: string | null; finishedAt: string | null; progress: RemoteProgress; quality: CampaignQuality;
}

/**
 * A campaign on a remote trawl API over GraphQL HTTP: the mutations start and
 * cancel it, and its progress is read every `pollMs` (the same ledger numbers
 * the campaignProgress subscription serves).
 */
export function openRemoteCrawl(options: RemoteCrawlOptions): CrawlDriver {
  const endpoint = graphqlEndpoint(options.apiUrl);
  const call = <T>(query: string, variables: object): Promise<T> => graphql<T>(endpoint, options.key, query, variables);
  const controller = new AbortController();
  return {
    start: async (request) => (await call<{ startCampaign: { id: string } }>(START, { input: request })).startCampaign.id,
    progress: (id) => Promise.resolve(poll(call, id, options.pollMs, controller.signal)),
    cancel: async (id) => void (await call(CANCEL, { id })),
    summary: async (id) => {
      const { campaign } = await call<{ campaign: RemoteCampaign | null }>(SUMMARY, { id });
      if (!campaign) throw new Error(`Campaign ${id} is not on ${endpoint}`);
      return remoteSummary(campaign, topErrors(await letters(call, id)));
    },
    close: async () => controller.abort(),
  };
}

async function* poll(call: <T>(q: string, v: object) => Promise<T>, id: string, pollMs: number, signal: AbortSignal): AsyncGenerator<ProgressView> {
  while (!signal.aborted) {
    const { campaign } = await call<{ campaign: { progress: RemoteProgress } | null }>(PROGRESS, { id });
    if (!campaign) throw new Error(`Campaign ${id} disappeared`);
    yield campaign.progress;
    if (campaign.progress.final) return;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

async function letters(call: <T>(q: string, v: object) => Promise<T>, id: string): Promise<{ code: string; url: string | null }[]> {
  type Page = { deadLetters: { edges: { node: { code: string; url: string | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  const all: { code: string; url: string | null }[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_LETTER_PAGES; page++) {
    const { deadLetters }: Page = await call<Page>(LETTERS, { id, after });
    all.push(...deadLetters.edges.map((edge) => edge.node));
    if (!deadLetters.pageInfo.hasNextPage || !deadLetters.pageInfo.endCursor) break;
    after = deadLetters.pageInfo.endCursor;
  }
  return all;
}

function remoteSummary(c: RemoteCampaign, errors: ErrorCount[]): CrawlSummary {
  const p = c.progress;
  const started = Date.parse(c.startedAt ?? c.createdAt);
  const ended = c.finishedAt ? Date.parse(c.finishedAt) : Date.now();
  return {
    campaignId: c.id, seedUrl: c.seedUrl, status: c.status, failedReason: c.failedReason,
    categories: { selected: p.categoriesDiscovered, scraped: p.categoriesScraped, failed: p.categoriesFailed },
    products: { discovered: p.productsDiscovered, scraped: p.productsScraped, failed: p.productsFailed, skipped: p.productsSkipped, queued: p.productsQueued },
    skippedReasons: p.skippedReasons, quality: c.quality, durationMs: Math.max(0, ended - started), productsPerMinute: p.productsPerMinute, topErrors: errors,
  };
}

export function graphqlEndpoint(apiUrl: string): string {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new RangeError(`--api must be an http(s) URL, got ${apiUrl}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RangeError(`--api must be an http(s) URL, got ${apiUrl}`);
  if (!url.pathname.endsWith('/graphql')) url.pathname = `${url.pathname.replace(/\/$/, '')}/graphql`;
  return url.href;
}

async function graphql<T>(endpoint: string, key: string | undefined, query: string, variables: object): Promise<T> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`${endpoint} answered HTTP ${response.status} without JSON: ${text.slice(0, 200)}`);
  }
  if (body.errors?.length) {
    const first = body.errors[0]!;
    throw new Error(`${endpoint}: ${first.extensions?.code ? `${first.extensions.code}: ` : ''}${first.message}`);
  }
  if (!body.data) throw new Error(`${endpoint} answered HTTP ${response.status} with no data`);
  return body.data;
}
