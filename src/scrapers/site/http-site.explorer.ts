import { createHash } from 'node:crypto';
import type { NavigationEntry } from '../../domain/entities/site.js';
import type { FetchedPage, FetchOptions, PageFetcher } from '../../domain/ports/page-fetcher.port.js';
import type { RobotsPolicy, SiteExplorer, SiteSurvey } from '../../domain/ports/site-explorer.port.js';
import { extractNavigation } from './navigation-map.js';
import { detectPlatform } from './platform-detection.js';
import { agentToken, robotsPolicy } from './robots-txt.js';
import { classifySitemapFile, classifySitemapUrl, parseSitemap, sitemapPriority } from './sitemap.js';

/** Options of an HttpSiteExplorer. */
export interface HttpSiteExplorerOptions {
  /** Fetches the home page, robots.txt and sitemaps. */
  fetcher: PageFetcher;
  /** The User-Agent the fetcher sends; its product token picks the robots.txt group unless `robotsToken` is given. */
  userAgent: string;
  /** Size limit of every fetched file, in bytes. */
  maxPageBytes: number;
  /** Sitemap files read per survey, indexes included. Default 10. */
  maxSitemaps?: number;
  /** robots.txt product token. Default: the user agent's (`Mozilla/5.0 (compatible; trawl/1.0)` gives `trawl`), else `trawl`. */
  robotsToken?: string;
}

type SurveyOptions = { timeoutMs: number; signal?: AbortSignal };

const ROBOTS_ACCEPT = 'text/plain,*/*;q=0.5';
const SITEMAP_ACCEPT = 'application/xml,text/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5';

/**
 * Phase 1 over HTTP: reads the home page (platform, navigation), robots.txt
 * and the sitemaps robots.txt declares (else `/sitemap.xml`), following
 * sitemap indexes, category sitemaps first, up to `maxSitemaps` files. A URL
 * robots.txt disallows is never fetched. Only the home page's failure is an
 * error; aborting `options.signal` stops the survey with the signal's reason.
 */
export class HttpSiteExplorer implements SiteExplorer {
  private readonly token: string;
  private readonly maxSitemaps: number;

  constructor(private readonly options: HttpSiteExplorerOptions) {
    this.token = options.robotsToken ?? robotsTokenOf(options.userAgent);
    this.maxSitemaps = options.maxSitemaps ?? 10;
  }

  async navigationHashOf(homeUrl: string, options: SurveyOptions): Promise<string> {
    const home = await this.options.fetcher.fetch(homeUrl, this.fetchOptions(options));
    return navigationHash(extractNavigation(home.body, home.url));
  }

  async survey(homeUrl: string, options: SurveyOptions): Promise<SiteSurvey> {
    const home = await this.options.fetcher.fetch(homeUrl, this.fetchOptions(options));
    const origin = new URL(home.url).origin;
    const navigation = extractNavigation(home.body, home.url);
    const robotsTxt = await this.fetchRobotsTxt(origin, options);
    const policy = this.robotsPolicy(robotsTxt, origin);
    const sitemaps = await this.readSitemaps(policy, origin, options);
    const survey: SiteSurvey = {
      homeUrl,
      finalUrl: home.url,
      detection: detectPlatform({ url: home.url, headers: home.headers, body: home.body }),
      navigation,
      sitemaps: sitemaps.declared,
      sitemapCategoryUrls: [...sitemaps.categoryUrls],
      sitemapProductCount: sitemaps.productCount,
      navigationHash: navigationHash(navigation),
    };
    if (robotsTxt !== undefined) survey.robotsTxt = robotsTxt;
    return survey;
  }

  robotsPolicy(robotsTxt: string | undefined, siteUrl: string): RobotsPolicy {
    return robotsPolicy(robotsTxt, siteUrl, this.token);
  }

  /** robots.txt text, or undefined when it is missing, unreadable or an HTML page (a soft 404; the body decides, not the Content-Type). */
  private async fetchRobotsTxt(origin: string, options: SurveyOptions): Promise<string | undefined> {
    const page = await this.tryFetch(`${origin}/robots.txt`, options, ROBOTS_ACCEPT);
    if (!page || /^\s*</.test(page.body)) return undefined;
    return page.body;
  }

  private async readSitemaps(policy: RobotsPolicy, origin: string, options: SurveyOptions): Promise<SitemapHarvest> {
    const fallback = policy.sitemaps.length === 0 ? `${origin}/sitemap.xml` : undefined;
    const harvest: SitemapHarvest = { declared: [...policy.sitemaps], categoryUrls: new Set(), productCount: 0 };
    const queue = new SitemapQueue(fallback ? [fallback] : policy.sitemaps);
    for (let fetched = 0; fetched < this.maxSitemaps;) {
      const url = queue.next();
      if (url === undefined) break;
      if (!policy.isAllowed(url)) continue;
      fetched++;
      const page = await this.tryFetch(url, options, SITEMAP_ACCEPT);
      if (!page) continue;
      const { children, entryCount } = harvestSitemap(harvest, page, url);
      if (url === fallback && entryCount > 0) harvest.declared.push(url);
      queue.add(children);
    }
    return harvest;
  }

  /** The page, or undefined on any fetch error; an abort is rethrown. */
  private async tryFetch(url: string, options: SurveyOptions, accept: string): Promise<FetchedPage | undefined> {
    try {
      return await this.options.fetcher.fetch(url, { ...this.fetchOptions(options), accept });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      return undefined;
    }
  }

  private fetchOptions(options: SurveyOptions): FetchOptions {
    const fetchOptions: FetchOptions = { timeoutMs: options.timeoutMs, maxBytes: this.options.maxPageBytes };
    if (options.signal) fetchOptions.signal = options.signal;
    return fetchOptions;
  }
}

/** Sitemaps still to read, each once, category sitemaps first (see sitemapPriority), else in the order found. */
class SitemapQueue {
  private readonly seen = new Set<string>();
  private pending: { url: string; priority: number }[] = [];

  constructor(urls: readonly string[]) {
    this.add(urls);
  }

  add(urls: readonly string[]): void {
    const fresh = urls.filter((url) => !this.seen.has(url) && this.seen.add(url));
    if (fresh.length === 0) return;
    this.pending.push(...fresh.map((url) => ({ url, priority: sitemapPriority(url) })));
    this.pending.sort((a, b) => a.priority - b.priority);
  }

  next(): string | undefined {
    return this.pending.shift()?.url;
  }
}

interface SitemapHarvest {
  /** Sitemaps declared in robots.txt, or `/sitemap.xml` when it was found and lists something. */
  declared: string[];
  categoryUrls: Set<string>;
  productCount: number;
}

/** Adds one sitemap file's category URLs and product count; returns the sitemaps an index lists. */
function harvestSitemap(harvest: SitemapHarvest, page: FetchedPage, url: string): { children: string[]; entryCount: number } {
  const sitemap = parseSitemap(page.body, page.url);
  const entryCount = sitemap.entries.length;
  if (sitemap.kind === 'index') return { children: sitemap.entries.map((entry) => entry.url), entryCount };
  const fileKind = classifySitemapFile(url);
  for (const entry of sitemap.entries) {
    const kind = classifySitemapUrl(entry.url, fileKind);
    if (kind === 'category') harvest.categoryUrls.add(entry.url);
    else if (kind === 'product') harvest.productCount++;
  }
  return { children: [], entryCount };
}

/**
 * The robots.txt product token of a User-Agent: the word after `compatible; `
 * (`Mozilla/5.0 (compatible; trawl/1.0; +https://...)` gives `trawl`), else
 * its first word unless that is `Mozilla`, else `trawl`.
 */
export function robotsTokenOf(userAgent: string): string {
  const compatible = /compatible;\s*([A-Za-z_-]+)/i.exec(userAgent)?.[1];
  if (compatible) return compatible.toLowerCase();
  const first = agentToken(userAgent.trim());
  return first && first !== 'mozilla' && first !== '*' ? first : 'trawl';
}

/** sha256 (hex) of the sorted `name|url` lines: changes when a menu entry is added, removed or renamed. */
export function navigationHash(navigation: readonly NavigationEntry[]): string {
  const lines = navigation.map((entry) => `${entry.name}|${entry.url}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}
