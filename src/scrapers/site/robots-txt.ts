import { TrawlError } from '../../domain/errors.js';
import type { RobotsPolicy } from '../../domain/ports/site-explorer.port.js';
import { compilePattern, matchesPattern, normalisePath, type PathPattern } from './robots-pattern.js';

/** Bytes of robots.txt that are read; the rest is ignored, as Google does (500 KiB). */
export const MAX_ROBOTS_BYTES = 500 * 1024;

/** Characters of a line that are read; the rest is cut off, as Google does (8 x 2083 bytes, less the line end). */
const MAX_LINE_CHARS = 8 * 2083 - 1;

/** One Allow or Disallow line. */
export interface RobotsRule {
  allow: boolean;
  pattern: PathPattern;
}

/** A group: the user agents it names (lower-case product tokens, or `*`) and its lines. */
export interface RobotsGroup {
  agents: string[];
  rules: RobotsRule[];
  /** The group's first valid Crawl-delay, in seconds. */
  crawlDelaySeconds?: number;
}

/** robots.txt read into groups, plus the Sitemap values as written. */
export interface ParsedRobotsTxt {
  groups: RobotsGroup[];
  sitemaps: string[];
}

type Key = 'user-agent' | 'allow' | 'disallow' | 'crawl-delay' | 'sitemap';

/** Spellings seen in the wild, as Google's parser accepts them. */
const KEYS: Record<string, Key> = {
  'user-agent': 'user-agent', useragent: 'user-agent', 'user agent': 'user-agent',
  allow: 'allow',
  disallow: 'disallow', dissallow: 'disallow', dissalow: 'disallow', disalow: 'disallow', diasllow: 'disallow', disallaw: 'disallow',
  'crawl-delay': 'crawl-delay', crawldelay: 'crawl-delay',
  sitemap: 'sitemap', 'site-map': 'sitemap',
};

/**
 * Parses robots.txt (RFC 9309): tolerates a BOM, CRLF/CR line ends, comments,
 * a missing colon and junk lines; reads at most MAX_ROBOTS_BYTES. Consecutive
 * User-agent lines share a group; rules before any User-agent are ignored.
 */
export function parseRobotsTxt(text: string): ParsedRobotsTxt {
  const groups: RobotsGroup[] = [];
  const sitemaps: string[] = [];
  let current: RobotsGroup | undefined;
  let collectingAgents = false;
  for (const line of capText(text.replace(/^\uFEFF/, '')).split(/\r\n|\r|\n/)) {
    const directive = parseLine(line);
    if (!directive) continue;
    const { key, value } = directive;
    if (key === 'sitemap') {
      if (value) sitemaps.push(value);
      continue;
    }
    if (key === 'user-agent') {
      if (!current || !collectingAgents) groups.push((current = { agents: [], rules: [] }));
      const agent = agentToken(value);
      if (agent) current.agents.push(agent);
      collectingAgents = true;
      continue;
    }
    collectingAgents = false;
    if (current) addToGroup(current, key, value);
  }
  return { groups, sitemaps };
}

function addToGroup(group: RobotsGroup, key: Exclude<Key, 'user-agent' | 'sitemap'>, value: string): void {
  if (key === 'crawl-delay') {
    const seconds = /^(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN;
    if (group.crawlDelaySeconds === undefined && Number.isFinite(seconds)) group.crawlDelaySeconds = seconds;
    return;
  }
  // An empty Disallow (or Allow) matches nothing: it is not a rule.
  if (!value) return;
  group.rules.push({ allow: key === 'allow', pattern: compilePattern(value) });
  // As Google does: allowing a directory's index.htm(l) allows the directory itself.
  const slash = value.lastIndexOf('/');
  if (key === 'allow' && slash >= 0 && value.startsWith('/index.htm', slash)) {
    group.rules.push({ allow: true, pattern: compilePattern(`${value.slice(0, slash + 1)}$`) });
  }
}

function parseLine(fullLine: string): { key: Key; value: string } | undefined {
  const line = fullLine.length > MAX_LINE_CHARS ? fullLine.slice(0, MAX_LINE_CHARS) : fullLine;
  const hash = line.indexOf('#');
  const content = (hash >= 0 ? line.slice(0, hash) : line).trim();
  if (!content) return undefined;
  const colon = content.indexOf(':');
  const spaced = colon < 0 ? /^(\S+)\s+(\S.*)$/.exec(content) : null;
  const rawKey = colon >= 0 ? content.slice(0, colon) : spaced?.[1];
  const value = colon >= 0 ? content.slice(colon + 1) : spaced?.[2];
  const key = rawKey === undefined ? undefined : KEYS[rawKey.trim().toLowerCase().replace(/\s+/g, ' ')];
  return key && value !== undefined ? { key, value: value.trim() } : undefined;
}

/** The product token a User-agent line names: `*`, or its leading `[A-Za-z_-]` run, lower-cased. */
export function agentToken(value: string): string | undefined {
  if (value.startsWith('*')) return '*';
  return /^[A-Za-z_-]+/.exec(value)?.[0].toLowerCase();
}

/** Keeps the first MAX_ROBOTS_BYTES bytes, dropping the line cut in two (it could say less than it meant). */
function capText(text: string): string {
  if (text.length * 3 <= MAX_ROBOTS_BYTES || Buffer.byteLength(text) <= MAX_ROBOTS_BYTES) return text;
  const head = Buffer.from(text).subarray(0, MAX_ROBOTS_BYTES).toString('utf8');
  const lastBreak = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'));
  return lastBreak >= 0 ? head.slice(0, lastBreak) : '';
}

/** Rules of every group naming `token`, else of every `*` group (RFC 9309: matching groups are merged). */
function selectGroups(groups: readonly RobotsGroup[], token: string): RobotsGroup[] {
  const named = groups.filter((group) => group.agents.includes(token));
  return named.length > 0 ? named : groups.filter((group) => group.agents.includes('*'));
}

/** Longest pattern first; on equal length Allow first, so the first match decides. */
function byPrecedence(a: RobotsRule, b: RobotsRule): number {
  return b.pattern.source.length - a.pattern.source.length || Number(b.allow) - Number(a.allow);
}

/**
 * What robots.txt says for one crawler on one site. `text` undefined means
 * there is no robots.txt: everything is allowed. `userAgent` is the product
 * token (`trawl`; anything after the leading token is ignored). The most
 * specific (longest) matching rule wins and Allow wins a tie; `/robots.txt`
 * itself is always allowed; URLs on other hosts are allowed (their own
 * robots.txt decides). Relative Sitemap values are resolved against the site.
 */
export function robotsPolicy(text: string | undefined, siteUrl: string, userAgent: string): RobotsPolicy {
  const site = parseSite(siteUrl);
  const parsed = text === undefined ? { groups: [], sitemaps: [] } : parseRobotsTxt(text);
  const groups = selectGroups(parsed.groups, agentToken(userAgent.trim()) ?? userAgent.toLowerCase());
  const rules = groups.flatMap((group) => group.rules).sort(byPrecedence);
  const delay = groups.find((group) => group.crawlDelaySeconds !== undefined)?.crawlDelaySeconds;
  const host = site.host.toLowerCase();
  const policy: RobotsPolicy = {
    sitemaps: absoluteSitemaps(parsed.sitemaps, site),
    isAllowed(url: string): boolean {
      let target: URL;
      try {
        target = new URL(url, site);
      } catch {
        return false;
      }
      if (target.host.toLowerCase() !== host) return true;
      const path = normalisePath(`${target.pathname || '/'}${target.search}`);
      if (path === '/robots.txt') return true;
      return rules.find((rule) => matchesPattern(rule.pattern, path))?.allow ?? true;
    },
  };
  if (delay !== undefined) policy.crawlDelayMs = Math.round(delay * 1000);
  return policy;
}

function parseSite(siteUrl: string): URL {
  try {
    return new URL(siteUrl);
  } catch {
    throw new TrawlError('INVALID_URL', `Site URL "${siteUrl.slice(0, 80)}" is not an absolute URL`, { url: siteUrl });
  }
}

function absoluteSitemaps(values: readonly string[], site: URL): string[] {
  const found = new Set<string>();
  for (const value of values) {
    try {
      const url = new URL(value, site);
      if (url.protocol === 'http:' || url.protocol === 'https:') found.add(url.href);
    } catch {
      // Not a URL: ignored like any junk line.
    }
  }
  return [...found];
}
