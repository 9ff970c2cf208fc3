import type { SiteIntelligence } from '../entities/site.js';
import type { SiteExplorer, RobotsPolicy } from '../ports/site-explorer.port.js';
import type { Store } from '../ports/storage.port.js';
import { siteOf } from '../url.js';
import { notFound } from '../errors.js';

export interface SiteIntelligenceDeps {
  store: Store;
  explorer: SiteExplorer;
  /** How long learned intelligence is reused (seed 000: 7 days). */
  maxAgeMs: number;
  timeoutMs: number;
  now?: () => Date;
}

export interface IntelligenceLookup {
  intelligence: SiteIntelligence;
  /** How it was obtained: reused from the store, learned for the first time, or re-learned. */
  source: 'cache' | 'learned' | 'relearned';
  robots: RobotsPolicy;
}

/**
 * Phase 1 of a campaign (seed 000): what trawl knows about a site, learned
 * from its home page, robots.txt and sitemaps, stored per site and reused
 * until it expires or the site's menu changes.
 */
export class SiteIntelligenceService {
  private readonly now: () => Date;

  constructor(private readonly deps: SiteIntelligenceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Reuses stored intelligence while it is fresh and the home page's menu is
   * the one learned; a changed menu re-learns the site early. `checkMenu:
   * false` skips that look (a category job needs robots.txt, not the menu).
   */
  async lookup(homeUrl: string, options: { force?: boolean; signal?: AbortSignal; checkMenu?: boolean } = {}): Promise<IntelligenceLookup> {
    const site = siteOf(homeUrl);
    const stored = await this.deps.store.sites.get(site);
    const fresh = stored && stored.expiresAt.getTime() > this.now().getTime();
    const menuChanged = stored && fresh && options.checkMenu !== false ? await this.menuChanged(stored, options.signal) : false;
    if (stored && fresh && !options.force && !menuChanged) {
      return { intelligence: stored, source: 'cache', robots: this.deps.explorer.robotsPolicy(stored.robotsTxt, stored.homeUrl) };
    }
    const learned = await this.learn(homeUrl, options.signal);
    return { intelligence: learned, source: stored ? 'relearned' : 'learned', robots: this.deps.explorer.robotsPolicy(learned.robotsTxt, learned.homeUrl) };
  }

  /** One look at the home page: has the menu changed since the site was learned? (A failed look keeps what is stored.) */
  private async menuChanged(stored: SiteIntelligence, signal?: AbortSignal): Promise<boolean> {
    if (!stored.navigationHash) return false;
    try {
      const seen = await this.deps.explorer.navigationHashOf(stored.homeUrl, { timeoutMs: this.deps.timeoutMs, ...(signal ? { signal } : {}) });
      return seen !== stored.navigationHash;
    } catch {
      return false;
    }
  }

  async get(site: string): Promise<SiteIntelligence | null> {
    return this.deps.store.sites.get(site.trim().toLowerCase().replace(/^www\./, ''));
  }

  /** Re-learns a site trawl already knows (`refreshSiteIntelligence`), from its stored home page. */
  async refresh(site: string): Promise<SiteIntelligence> {
    const known = await this.get(site);
    if (!known) throw notFound('Domain', site);
    return (await this.lookup(known.homeUrl, { force: true })).intelligence;
  }

  private async learn(homeUrl: string, signal?: AbortSignal): Promise<SiteIntelligence> {
    const survey = await this.deps.explorer.survey(homeUrl, { timeoutMs: this.deps.timeoutMs, ...(signal ? { signal } : {}) });
    const learnedAt = this.now();
    const intelligence: SiteIntelligence = {
      site: siteOf(survey.finalUrl),
      platform: survey.detection.platform,
      platformSignals: survey.detection.signals,
      homeUrl: survey.finalUrl,
      navigation: survey.navigation,
      navigationHash: survey.navigationHash,
      sitemaps: survey.sitemaps,
      sitemapCategoryUrls: survey.sitemapCategoryUrls,
      sitemapProductCount: survey.sitemapProductCount,
      learnedAt,
      expiresAt: new Date(learnedAt.getTime() + this.deps.maxAgeMs),
      ...(survey.robotsTxt !== undefined ? { robotsTxt: survey.robotsTxt } : {}),
    };
    await this.deps.store.sites.put(intelligence);
    return intelligence;
  }
}
