import type { Platform, NavigationEntry } from '../entities/site.js';

/** What robots.txt says for trawl's user agent. */
export interface RobotsPolicy {
  /** True when trawl may fetch the URL (same site; other sites are always allowed here). */
  isAllowed(url: string): boolean;
  /** Crawl-delay for trawl's user agent, in ms, if robots.txt sets one. */
  crawlDelayMs?: number;
  /** Sitemap URLs robots.txt declares (absolute). */
  sitemaps: string[];
}

/** A platform guess and the signals that led to it (for debugging and the API). */
export interface PlatformDetection {
  platform: Platform;
  /** Human-readable evidence, e.g. `cdn.shopify.com asset`, `header x-shopid`. */
  signals: string[];
}

/** One URL listed by a sitemap. */
export interface SitemapEntry {
  url: string;
  lastModified?: string;
}

/** Everything phase 1 learns from a site's home page, robots.txt and sitemaps. */
export interface SiteSurvey {
  homeUrl: string;
  /** Final URL of the home page after redirects. */
  finalUrl: string;
  detection: PlatformDetection;
  /** Menu categories with their hierarchy (footer, account, cart and info links excluded). */
  navigation: NavigationEntry[];
  /** Raw robots.txt text, when the site has one. */
  robotsTxt?: string;
  /** Sitemap URLs (declared in robots.txt or found at /sitemap.xml). */
  sitemaps: string[];
  /** Category-like URLs found in sitemaps (collections, product-category...), absolute. */
  sitemapCategoryUrls: string[];
  /** Number of product URLs the sitemaps list (not the URLs themselves). */
  sitemapProductCount: number;
  /** A stable hash of the navigation (names + URLs), to notice when a menu changes. */
  navigationHash: string;
}

/**
 * Phase 1 (seed 000: site intelligence). Implemented under src/scrapers with
 * the page fetcher; throws TrawlError (the fetcher's codes) when the home
 * page cannot be fetched; a missing robots.txt or sitemap is not an error.
 */
export interface SiteExplorer {
  survey(homeUrl: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<SiteSurvey>;
  /** Reads only the home page and returns the hash of its menu (one request): lets a campaign notice a changed menu. */
  navigationHashOf(homeUrl: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<string>;
  /** Parses robots.txt text for trawl's user agent. */
  robotsPolicy(robotsTxt: string | undefined, siteUrl: string): RobotsPolicy;
}
