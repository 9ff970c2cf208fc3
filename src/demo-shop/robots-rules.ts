/** robots.txt as data: rendering it and matching paths against it (RFC 9309). */

export interface RobotsRule {
  allow: boolean;
  /** Path pattern: a prefix, with `*` for any run of characters and a trailing `$` for the end. */
  pattern: string;
}

export interface RobotsGroup {
  userAgents: readonly string[];
  rules: readonly RobotsRule[];
}

export const disallow = (pattern: string): RobotsRule => ({ allow: false, pattern });
export const allow = (pattern: string): RobotsRule => ({ allow: true, pattern });

/** The file: a comment, each group, then one `Sitemap:` line per URL. No `Crawl-delay`. */
export function renderRobots(comment: string, groups: readonly RobotsGroup[], sitemapUrls: readonly string[]): string {
  const blocks = groups.map((group) => [
    ...group.userAgents.map((agent) => `User-agent: ${agent}`),
    ...group.rules.map((rule) => `${rule.allow ? 'Allow' : 'Disallow'}: ${rule.pattern}`),
  ].join('\n'));
  const sitemaps = sitemapUrls.map((url) => `Sitemap: ${url}`).join('\n');
  return `# ${comment}\n${blocks.join('\n\n')}\n\n${sitemaps}\n`;
}

/** The rules of the group that names `*`. */
export function wildcardRules(groups: readonly RobotsGroup[]): readonly RobotsRule[] {
  return groups.find((group) => group.userAgents.includes('*'))?.rules ?? [];
}

/**
 * A matcher for one group: the longest matching pattern decides and `Allow`
 * wins a tie (RFC 9309 section 2.2.2). Matches the path with its query.
 */
export function robotsMatcher(rules: readonly RobotsRule[]): (path: string) => boolean {
  const compiled = rules.filter((rule) => rule.pattern !== '').map((rule) => ({ ...rule, regex: patternRegex(rule.pattern) }));
  return (path) => {
    let best: { allow: boolean; length: number } | undefined;
    for (const rule of compiled) {
      if (!rule.regex.test(path)) continue;
      const length = rule.pattern.length;
      if (!best || length > best.length || (length === best.length && rule.allow)) best = { allow: rule.allow, length };
    }
    return best !== undefined && !best.allow;
  };
}

function patternRegex(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}
