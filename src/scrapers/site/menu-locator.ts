import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import { isExcludedText, readMenuLink } from './menu-link-filter.js';

/** An element of a loaded document, named without importing domhandler. */
export type MenuElement = ReturnType<ReturnType<CheerioAPI['root']>['children']> extends Cheerio<infer E> ? E : never;

/** Candidates looked at per pass, so a page of a thousand `.nav-*` elements stays cheap. */
const MAX_CANDIDATES = 200;
/** Links counted per candidate: past this, more links say nothing more. */
const MAX_COUNTED_LINKS = 1_000;
/** A menu has at least this many category links. */
const MIN_MENU_LINKS = 2;

/** Page content: a menu in there only wins when no other menu qualifies. */
const CONTENT = 'main, [role="main"], article, aside, [role="complementary"]';
const CONTENT_PENALTY = 10_000;
const FOOTER_TOKEN = /^(?:site-|page-|main-|global-)?footer(?:$|[-_])/;
const BOOST = /main|primary|mega|site-nav|header-nav|navbar|catalog|categor|departments|shop/;
const SKIP = /footer|breadcrumb|pagination|pager|social|account|utility|secondary|language|currency|filter|facet|sidebar|toolbar|skip/;

/**
 * Removes what never holds the main menu: footers (`<footer>`,
 * role=contentinfo, `#footer`, `.site-footer`...), breadcrumbs, scripts and
 * styles. The document is changed in place.
 */
export function removePageChrome($: CheerioAPI): void {
  $('script, style, noscript, svg, footer, [role="contentinfo"], [aria-label*="breadcrumb" i]').remove();
  $('[class*="footer" i], [id*="footer" i]').each((_, element) => {
    if (['html', 'body', 'main'].includes(element.tagName.toLowerCase())) return;
    const tokens = `${$(element).attr('class') ?? ''} ${$(element).attr('id') ?? ''}`.toLowerCase().split(/\s+/);
    if (tokens.some((token) => FOOTER_TOKEN.test(token))) $(element).remove();
  });
}

/**
 * The element holding the main menu: the best `<nav>`/role=navigation; else
 * the best element whose class or id says menu or nav (never one wrapping
 * the main content); else the page header. Best = most category links, with
 * a bonus inside the header or when named main/primary/mega, last when inside
 * the page content (main, article, aside), and never breadcrumbs, pagination,
 * account, footer or social menus.
 */
export function locateMainMenu($: CheerioAPI, baseUrl: string): MenuElement | undefined {
  const passes = [
    $('nav, [role="navigation"]'),
    $('[class*="menu" i], [class*="nav" i], [id*="menu" i], [id*="nav" i]').not('html, body, main, [role="main"]'),
    $('header, [role="banner"]'),
  ];
  for (const candidates of passes) {
    const best = bestCandidate($, candidates.toArray().slice(0, MAX_CANDIDATES), baseUrl);
    if (best) return best;
  }
  return undefined;
}

function bestCandidate($: CheerioAPI, candidates: MenuElement[], baseUrl: string): MenuElement | undefined {
  let best: { element: MenuElement; score: number } | undefined;
  for (const element of candidates) {
    const score = scoreCandidate($, element, baseUrl);
    if (score !== undefined && (!best || score > best.score)) best = { element, score };
  }
  return best?.element;
}

function scoreCandidate($: CheerioAPI, element: MenuElement, baseUrl: string): number | undefined {
  const node = $(element);
  const names = `${node.attr('class') ?? ''} ${node.attr('id') ?? ''} ${node.attr('aria-label') ?? ''}`.toLowerCase();
  if (SKIP.test(names) || node.find('main, [role="main"], article').length > 0) return undefined;
  const links = countCategoryLinks($, node, baseUrl);
  if (links < MIN_MENU_LINKS) return undefined;
  const inHeader = node.closest('header, [role="banner"]').length > 0;
  const inContent = node.parents(CONTENT).length > 0;
  return links + (inHeader ? 5 : 0) + (BOOST.test(names) ? 5 : 0) - (inContent ? CONTENT_PENALTY : 0);
}

function countCategoryLinks($: CheerioAPI, node: Cheerio<MenuElement>, baseUrl: string): number {
  let count = 0;
  node.find('a[href]').each((_, anchor) => {
    const link = $(anchor);
    if (readMenuLink(link.attr('href'), baseUrl).kind === 'category' && !isExcludedText(link.text())) count++;
    return count < MAX_COUNTED_LINKS;
  });
  return count;
}
