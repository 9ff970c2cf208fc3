export const CAMPAIGN_STATUSES = ['PENDING', 'DISCOVERING', 'SCRAPING', 'PAUSED', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const RENDER_MODES = ['AUTO', 'NEVER', 'ALWAYS'] as const;
export type RenderMode = (typeof RENDER_MODES)[number];

export interface CampaignOptions {
  maxCategories?: number;
  maxProductsPerCategory?: number;
  maxProducts?: number;
  categoryTypes?: string[];
  /** Stop following a category's pagination after this many pages. */
  maxCategoryPages?: number;
  /** A site search to run instead of (or besides) category discovery. */
  searchQuery?: string;
  /** Skip category discovery (a search-only campaign). */
  searchOnly?: boolean;
  priority: string;
  rateLimitDelayMs: number;
  renderJs: RenderMode;
}

export interface CampaignCounters {
  categoriesDiscovered: number;
  categoriesScraped: number;
  productsDiscovered: number;
  productsQueued: number;
  productsScraped: number;
  productsFailed: number;
}

export interface CampaignInput {
  seedUrl: string;
  site: string;
  options: CampaignOptions;
}

export interface Campaign extends CampaignInput {
  id: string;
  status: CampaignStatus;
  counters: CampaignCounters;
  createdAt: Date;
  updatedAt: Date;
  startedAt?: Date;
  finishedAt?: Date;
  /** Why a FAILED campaign failed. */
  failedReason?: string;
}

export const EMPTY_COUNTERS: CampaignCounters = Object.freeze({
  categoriesDiscovered: 0,
  categoriesScraped: 0,
  productsDiscovered: 0,
  productsQueued: 0,
  productsScraped: 0,
  productsFailed: 0,
});
