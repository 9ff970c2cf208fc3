import type { CategoryRef } from './entities/category.js';
import type { RenderMode } from './entities/campaign.js';
import type { BrowserStep } from './ports/browser.port.js';

/** Bump when the payload shape changes; workers refuse versions they do not know. */
export const JOB_DATA_VERSION = 1 as const;

export const JOB_TYPES = ['product', 'category_search', 'full_site', 'search', 'navigation', 'scheduled_campaign'] as const;
export type JobType = (typeof JOB_TYPES)[number];

export const JOB_PRIORITIES = ['URGENT', 'HIGH', 'NORMAL', 'LOW'] as const;
export type JobPriority = (typeof JOB_PRIORITIES)[number];

/** Seed 000: 1 = urgent, 5 = normal, 10 = low (lower runs first). */
export const PRIORITY_RANK: Record<JobPriority, number> = { URGENT: 1, HIGH: 3, NORMAL: 5, LOW: 10 };

/** Scraping settings every job carries (seed 000's job data structure). */
export interface ScrapeSettings {
  maxPages: number;
  timeoutMs: number;
  extractImages: boolean;
  extractReviews: boolean;
  respectRobotsTxt: boolean;
  rateLimitDelayMs: number;
  /** Browser rendering: AUTO (when the static page has no product and looks like an app shell, or the site is known to need it), NEVER, ALWAYS. */
  renderJs?: RenderMode;
}

export const DEFAULT_SCRAPE_SETTINGS: ScrapeSettings = Object.freeze({
  maxPages: 1,
  timeoutMs: 30_000,
  extractImages: true,
  extractReviews: false,
  respectRobotsTxt: true,
  rateLimitDelayMs: 1_000,
});

interface JobDataBase {
  v: typeof JOB_DATA_VERSION;
  jobId: string;
  targetUrl: string;
  createdAt: string;
  priority: JobPriority;
  settings: ScrapeSettings;
  /** Site key of the site intelligence to use (seed: site_intelligence_id). */
  siteIntelligenceId: string;
  campaignId?: string;
  /** Category context: the category the target was found in (seed: category_path/name, parent_category). */
  category?: CategoryRef;
  /**
   * Where a parent job (site, category, search) stands: absent while it does
   * its own work, `children` once it has queued its children and waits for them.
   */
  step?: 'children';
  /** What the parent's own work produced, kept for the run that finishes it. */
  stepResult?: Record<string, unknown>;
}

export interface ProductJobData extends JobDataBase {
  type: 'product';
}

export interface CategorySearchJobData extends JobDataBase {
  type: 'category_search';
  /** Stop following pagination after this many pages. */
  maxCategoryPages?: number;
  /** Collect at most this many product URLs from this category. */
  maxProducts?: number;
}

export interface FullSiteJobData extends JobDataBase {
  type: 'full_site';
}

export interface SearchJobData extends JobDataBase {
  type: 'search';
  query: string;
  /** Stop following result pages after this many pages. */
  maxCategoryPages?: number;
  /** Collect at most this many product URLs. */
  maxProducts?: number;
}

/** A step of a navigation job (seed 004): goto, click, fill, select, wait, scroll, paginate, extract. */
export type NavigationStep = BrowserStep;

export interface NavigationJobData extends JobDataBase {
  type: 'navigation';
  steps: NavigationStep[];
  /** Budget of each step that sets none of its own. */
  stepTimeoutMs?: number;
}

/** One firing of a recurring campaign: starts a campaign from the stored schedule (the payload names it only). */
export interface ScheduledCampaignJobData extends JobDataBase {
  type: 'scheduled_campaign';
  scheduleId: string;
}

/** The payload of every trawl job: small, typed, versioned. Never HTML, cookies or credentials. */
export type JobData = ProductJobData | CategorySearchJobData | FullSiteJobData | SearchJobData | NavigationJobData | ScheduledCampaignJobData;
