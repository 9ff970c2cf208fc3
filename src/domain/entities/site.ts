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
  learnedAt: Date;
  expiresAt: Date;
}
