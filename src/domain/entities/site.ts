export const PLATFORMS = ['SHOPIFY', 'WOOCOMMERCE', 'MAGENTO', 'BIGCOMMERCE', 'SALESFORCE', 'GENERIC'] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface NavigationEntry {
  name: string;
  url: string;
  section?: string;
  parentUrl?: string;
  depth: number;
}

/** What trawl has learned about a site (seed 000: site intelligence, cached 7 days). */
export interface SiteIntelligence {
  site: string;
  platform: Platform;
  homeUrl: string;
  navigation: NavigationEntry[];
  sitemaps: string[];
  robotsTxt?: string;
  /** Evidence behind `platform` (`cdn.shopify.com asset`, `header x-shopid`...). */
  platformSignals?: string[];
  /** Hash of the menu (names + URLs): a campaign that sees another hash re-learns the site. */
  navigationHash?: string;
  /** Category-like URLs the sitemaps list. */
  sitemapCategoryUrls?: string[];
  /** Number of product URLs the sitemaps list. */
  sitemapProductCount?: number;
  learnedAt: Date;
  expiresAt: Date;
}

/** How a site's product pages must be fetched: learned once per site, shared by every worker. */
export interface RenderDecision {
  site: string;
  mode: 'STATIC' | 'BROWSER';
  /** Why (`static page had product data`, `app shell: #root with no text`...). */
  reason: string;
  decidedAt: Date;
}
