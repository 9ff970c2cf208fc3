import type { Campaign, CampaignStatus } from '../entities/campaign.js';
import type { CampaignTally, Store } from '../ports/storage.port.js';

export const CAMPAIGN_PHASES = ['QUEUED', 'INTELLIGENCE', 'URL_DISCOVERY', 'PRODUCT_SCRAPING', 'PAUSED', 'FINISHED'] as const;
export type CampaignPhase = (typeof CAMPAIGN_PHASES)[number];

export interface CampaignProgress {
  campaignId: string;
  status: CampaignStatus;
  phase: CampaignPhase;
  categoriesDiscovered: number;
  categoriesScraped: number;
  categoriesFailed: number;
  productsDiscovered: number;
  productsQueued: number;
  productsScraped: number;
  productsFailed: number;
  productsSkipped: number;
  skippedReasons: { reason: string; count: number }[];
  /** Share of the work done, 0-100; 100 only once the campaign has ended. */
  percent: number;
  productsPerMinute: number;
  /** Seconds until the queued products are done at the current rate; null when unknown. */
  etaSeconds: number | null;
  final: boolean;
  at: Date;
  /** On the final event: the campaign's data quality. */
  quality?: CampaignQuality;
}

export interface SiteErrorRate {
  domain: string;
  failed: number;
  total: number;
  rate: number;
}

/** Seed 000's data quality metrics for one campaign, with the targets it sets. */
export interface CampaignQuality {
  products: number;
  /** Share of products with title, price, currency, availability, an image and a URL (target 0.9). */
  productCompleteness: number;
  /** Share of products linked to at least one category (target 1.0). */
  categoryLinkage: number;
  duplicateProducts: number;
  /** Duplicates over products (target below 0.01; trawl's bar is 0). */
  duplicateRate: number;
  /** Product job failure rate per site (target below 0.05). */
  errorRateByDomain: SiteErrorRate[];
  meetsTargets: boolean;
}

const TERMINAL: readonly CampaignStatus[] = ['COMPLETED', 'FAILED', 'CANCELLED'];

/** Progress and quality of campaigns, computed from the ledger (never from in-memory counters). */
export class CampaignReports {
  constructor(private readonly store: Store, private readonly now: () => Date = () => new Date()) {}

  async progress(campaign: Campaign): Promise<CampaignProgress> {
    const tally = await this.store.ledger.tally(campaign.id);
    return progressOf(campaign, tally, this.now());
  }

  /** Products that entered or left each category since the previous campaign on the same site. */
  async categoryChanges(campaign: Campaign) {
    return this.store.ledger.categoryChanges(campaign.id);
  }

  async quality(campaign: Campaign): Promise<CampaignQuality> {
    const [counts, errors] = await Promise.all([this.store.ledger.quality(campaign.id), this.store.ledger.errorsBySite(campaign.id)]);
    const share = (n: number): number => (counts.products === 0 ? 0 : round(n / counts.products));
    const errorRateByDomain = [...errors].map(([domain, e]) => ({ domain, failed: e.failed, total: e.total, rate: e.total === 0 ? 0 : round(e.failed / e.total) }));
    const quality: CampaignQuality = {
      products: counts.products,
      productCompleteness: share(counts.completeProducts),
      categoryLinkage: share(counts.linkedProducts),
      duplicateProducts: counts.duplicateProducts,
      duplicateRate: share(counts.duplicateProducts),
      errorRateByDomain,
      meetsTargets: false,
    };
    quality.meetsTargets = counts.products > 0 && quality.productCompleteness >= 0.9 && quality.categoryLinkage === 1
      && quality.duplicateRate < 0.01 && errorRateByDomain.every((e) => e.rate < 0.05);
    return quality;
  }
}

/** Pure: the progress view of a campaign from its tally. */
export function progressOf(campaign: Campaign, tally: CampaignTally, now: Date): CampaignProgress {
  const final = TERMINAL.includes(campaign.status);
  const productsEnded = tally.productsScraped + tally.productsFailed + tally.productsSkipped;
  const categoriesEnded = tally.categoriesScraped + tally.categoriesFailed + tally.categoriesSkipped;
  const started = campaign.startedAt ?? campaign.createdAt;
  const minutes = Math.max(((campaign.finishedAt ?? now).getTime() - started.getTime()) / 60_000, 1 / 60);
  const rate = (tally.productsScraped + tally.productsFailed) / minutes;
  const discovery = tally.categoriesSelected === 0 ? 0 : categoriesEnded / tally.categoriesSelected;
  const products = tally.productsDiscovered === 0 ? 0 : productsEnded / tally.productsDiscovered;
  const percent = final ? 100 : Math.min(99, Math.floor(100 * (0.2 * discovery + 0.8 * products)));
  return {
    campaignId: campaign.id, status: campaign.status, phase: phaseOf(campaign.status, tally),
    categoriesDiscovered: tally.categoriesSelected, categoriesScraped: tally.categoriesScraped, categoriesFailed: tally.categoriesFailed,
    productsDiscovered: tally.productsDiscovered, productsQueued: tally.productsQueued, productsScraped: tally.productsScraped,
    productsFailed: tally.productsFailed, productsSkipped: tally.productsSkipped,
    skippedReasons: Object.entries(tally.skippedReasons).map(([reason, count]) => ({ reason, count })),
    percent, productsPerMinute: round(rate), etaSeconds: final ? 0 : rate > 0 && tally.productsQueued > 0 ? Math.ceil((tally.productsQueued / rate) * 60) : null,
    final, at: now,
  };
}

function phaseOf(status: CampaignStatus, tally: CampaignTally): CampaignPhase {
  switch (status) {
    case 'PENDING':
      return 'QUEUED';
    case 'DISCOVERING':
      return 'INTELLIGENCE';
    case 'SCRAPING':
      return tally.categoriesScraped + tally.categoriesFailed + tally.categoriesSkipped < tally.categoriesSelected ? 'URL_DISCOVERY' : 'PRODUCT_SCRAPING';
    case 'PAUSED':
      return 'PAUSED';
    default:
      return 'FINISHED';
  }
}

const round = (n: number): number => Math.round(n * 10_000) / 10_000;
