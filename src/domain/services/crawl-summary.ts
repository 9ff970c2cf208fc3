import type { Campaign, CampaignStatus } from '../entities/campaign.js';
import type { DeadLetter } from '../entities/dead-letter.js';
import type { CampaignService } from './campaign.service.js';
import type { CampaignProgress, CampaignQuality, CampaignReports } from './campaign-report.service.js';
import type { DeadLetterService } from './dead-letter.service.js';
import { notFound } from '../errors.js';

/** One error code among a campaign's dead letters: how many, and one URL that failed with it. */
export interface ErrorCount {
  code: string;
  count: number;
  exampleUrl: string | null;
}

/** What a campaign run came to: the numbers a terminal summary or a report shows. */
export interface CrawlSummary {
  campaignId: string;
  seedUrl: string;
  status: CampaignStatus;
  failedReason: string | null;
  categories: { selected: number; scraped: number; failed: number };
  products: { discovered: number; scraped: number; failed: number; skipped: number; queued: number };
  skippedReasons: { reason: string; count: number }[];
  quality: CampaignQuality;
  /** From the campaign's start (or creation) to its end, or to now while it runs. */
  durationMs: number;
  productsPerMinute: number;
  /** The most frequent dead-letter codes, most frequent first (ties by code). */
  topErrors: ErrorCount[];
}

export interface CrawlSummaryDeps {
  campaigns: Pick<CampaignService, 'get'>;
  reports: Pick<CampaignReports, 'progress' | 'quality'>;
  deadLetters: Pick<DeadLetterService, 'list'>;
}

/** Dead letters read per page, and at most this many pages, when counting errors. */
const LETTER_PAGE = 500;
const MAX_LETTER_PAGES = 40;

/** Reads a campaign's summary from the ledger and its dead letters; NOT_FOUND for an unknown campaign. */
export async function readCrawlSummary(deps: CrawlSummaryDeps, campaignId: string, topN = 5, now: Date = new Date()): Promise<CrawlSummary> {
  const campaign = await deps.campaigns.get(campaignId);
  if (!campaign) throw notFound('Campaign', campaignId);
  const [progress, quality, letters] = await Promise.all([deps.reports.progress(campaign), deps.reports.quality(campaign), lettersOf(deps, campaignId)]);
  return summarizeCrawl(campaign, progress, quality, topErrors(letters, topN), now);
}

async function lettersOf(deps: CrawlSummaryDeps, campaignId: string): Promise<Pick<DeadLetter, 'code' | 'url'>[]> {
  const letters: DeadLetter[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_LETTER_PAGES; page++) {
    const result = await deps.deadLetters.list({ campaignId }, LETTER_PAGE, after);
    letters.push(...result.items);
    if (!result.hasNextPage || result.cursors.length === 0) break;
    after = result.cursors.at(-1);
  }
  return letters;
}

/** Pure: the `topN` most frequent codes with a count and the first URL seen for each. */
export function topErrors(letters: readonly { code: string; url?: string | null }[], topN = 5): ErrorCount[] {
  const byCode = new Map<string, ErrorCount>();
  for (const letter of letters) {
    const entry = byCode.get(letter.code) ?? { code: letter.code, count: 0, exampleUrl: null };
    entry.count++;
    entry.exampleUrl ??= letter.url ?? null;
    byCode.set(letter.code, entry);
  }
  return [...byCode.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)).slice(0, topN);
}

/** Pure: the summary of a campaign from its progress, quality and top errors. */
export function summarizeCrawl(campaign: Campaign, progress: CampaignProgress, quality: CampaignQuality, errors: ErrorCount[], now: Date): CrawlSummary {
  const started = campaign.startedAt ?? campaign.createdAt;
  return {
    campaignId: campaign.id, seedUrl: campaign.seedUrl, status: campaign.status, failedReason: campaign.failedReason ?? null,
    categories: { selected: progress.categoriesDiscovered, scraped: progress.categoriesScraped, failed: progress.categoriesFailed },
    products: {
      discovered: progress.productsDiscovered, scraped: progress.productsScraped, failed: progress.productsFailed,
      skipped: progress.productsSkipped, queued: progress.productsQueued,
    },
    skippedReasons: progress.skippedReasons,
    quality,
    durationMs: Math.max(0, (campaign.finishedAt ?? now).getTime() - started.getTime()),
    productsPerMinute: progress.productsPerMinute,
    topErrors: errors,
  };
}
