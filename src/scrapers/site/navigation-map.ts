import { load, type CheerioAPI } from 'cheerio/slim';
import type { NavigationEntry } from '../../domain/entities/site.js';
import { isExcludedText, readMenuLink } from './menu-link-filter.js';
import { locateMainMenu, removePageChrome, type MenuElement } from './menu-locator.js';

/** Entries kept per page; a menu past this is a sitemap in disguise. */
export const MAX_NAVIGATION_ENTRIES = 2_000;
/** DOM levels walked below the menu element. */
const MAX_WALK_DEPTH = 64;
const MAX_NAME_LENGTH = 200;

const LISTS = new Set(['ul', 'ol', 'li']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt']);
const HEADING_CLASS = /(?:^|[-_\s])(?:heading|title)(?:$|[-_\s])/i;

/** Where the walk is: the entry new items hang under. */
interface Scope {
  depth: number;
  parentUrl?: string;
  section?: string;
  /** Inside an excluded group (a "Help" heading's links): nothing is kept until the next heading. */
  muted?: boolean;
}

interface Walk {
  $: CheerioAPI;
  baseUrl: string;
  entries: NavigationEntry[];
}

/**
 * The category menu of a page: the main menu (see locateMainMenu) read into
 * a tree. Nested `<li>` lists and mega-menu headings (`h2`-`h6`, `dt`,
 * `.menu-title`...) with the lists after them give the hierarchy: `depth` 0
 * for top-level entries, `parentUrl` the nearest enclosing entry (an item
 * without a link, such as a Brands toggle, names the `section` but adds no
 * level), `section` the top-level item's name. URLs are absolute, same-site,
 * without fragment, deduplicated (the shallowest, then first, is kept).
 * Footer, account, cart, info, search and off-site links are left out, and an
 * item left out takes its sub-items with it.
 */
export function extractNavigation(html: string, baseUrl: string): NavigationEntry[] {
  const $ = load(html);
  removePageChrome($);
  const menu = locateMainMenu($, baseUrl);
  if (!menu) return [];
  const walk: Walk = { $, baseUrl, entries: [] };
  walkChildren(walk, menu, { depth: 0 }, undefined, 0);
  return deduplicate(walk.entries).slice(0, MAX_NAVIGATION_ENTRIES);
}

function walkChildren(walk: Walk, container: MenuElement, scope: Scope, skip: MenuElement | undefined, level: number): void {
  if (level > MAX_WALK_DEPTH || walk.entries.length >= MAX_NAVIGATION_ENTRIES * 2) return;
  let current = scope;
  for (const child of elementChildren(container)) {
    if (child === skip) continue;
    const tag = child.tagName.toLowerCase();
    if (isHeading(child, tag)) current = walkHeading(walk, child, scope);
    else if (current.muted) continue;
    else if (tag === 'li') walkItem(walk, child, current, level);
    else if (tag === 'a') addLink(walk, child, current);
    else walkChildren(walk, child, current, skip, level + 1);
  }
}

/** A list item: its own link (or label) becomes an entry, its nested lists and headings its sub-items. */
function walkItem(walk: Walk, item: MenuElement, scope: Scope, level: number): void {
  const head = itemHead(walk.$, item);
  if (!head) return walkChildren(walk, item, scope, undefined, level + 1);
  if (isExcludedText(head.label)) return;
  const link = head.link ? readMenuLink(walk.$(head.link).attr('href'), walk.baseUrl) : undefined;
  if (link?.kind === 'excluded') return;
  const url = link?.kind === 'category' ? link.url : undefined;
  if (url) push(walk, head.label, url, scope);
  const inner: Scope = url
    ? { depth: scope.depth + 1, parentUrl: url, section: scope.section ?? head.label }
    : { ...scope, section: scope.section ?? head.label };
  walkChildren(walk, item, inner, head.link, level + 1);
}

/** A mega-menu heading: with a link, an entry the lists after it hang under; an excluded one mutes them. */
function walkHeading(walk: Walk, heading: MenuElement, scope: Scope): Scope {
  const anchor = walk.$(heading).find('a[href]').first();
  const label = cleanName(anchor.length > 0 ? anchor.text() || (anchor.attr('aria-label') ?? '') : walk.$(heading).text());
  if (label && isExcludedText(label)) return { ...scope, muted: true };
  const link = anchor.length > 0 ? readMenuLink(anchor.attr('href'), walk.baseUrl) : undefined;
  if (link?.kind === 'excluded') return { ...scope, muted: true };
  if (link?.kind !== 'category' || !label) return scope;
  push(walk, label, link.url, scope);
  return { depth: scope.depth + 1, parentUrl: link.url, section: scope.section ?? label };
}

/** A link outside any list item (plain link columns, link-only navs): a leaf entry. */
function addLink(walk: Walk, anchor: MenuElement, scope: Scope): void {
  const node = walk.$(anchor);
  const label = cleanName(node.text() || (node.attr('aria-label') ?? node.attr('title') ?? ''));
  if (!label || isExcludedText(label)) return;
  const link = readMenuLink(node.attr('href'), walk.baseUrl);
  if (link.kind === 'category') push(walk, label, link.url, scope);
}

/**
 * What names a list item: the first link before any nested list or heading,
 * unless some text comes first (a `<button>Brands</button>` or
 * `<summary>Shop</summary>` toggle), in which case the item has a label only.
 */
function itemHead($: CheerioAPI, item: MenuElement): { label: string; link?: MenuElement } | undefined {
  const pending = elementChildren(item).reverse();
  for (let element = pending.pop(); element; element = pending.pop()) {
    const tag = element.tagName.toLowerCase();
    if (LISTS.has(tag) || isHeading(element, tag)) return undefined;
    if (tag === 'a' && element.attribs.href !== undefined) {
      const label = cleanName($(element).text() || (element.attribs['aria-label'] ?? element.attribs.title ?? ''));
      return label ? { label, link: element } : undefined;
    }
    if (hasOwnText(element)) return { label: cleanName($(element).text()) };
    pending.push(...elementChildren(element).reverse());
  }
  return undefined;
}

function isHeading(element: MenuElement, tag: string): boolean {
  if (!HEADINGS.has(tag) && !HEADING_CLASS.test(element.attribs.class ?? '')) return false;
  return !containsList(element);
}

function containsList(element: MenuElement): boolean {
  const pending = elementChildren(element);
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (LISTS.has(node.tagName.toLowerCase())) return true;
    pending.push(...elementChildren(node));
  }
  return false;
}

function elementChildren(element: MenuElement): MenuElement[] {
  return element.children.filter((child): child is MenuElement => 'attribs' in child);
}

function hasOwnText(element: MenuElement): boolean {
  return element.children.some((child) => child.type === 'text' && 'data' in child && child.data.trim() !== '');
}

function push(walk: Walk, name: string, url: string, scope: Scope): void {
  const entry: NavigationEntry = { name, url, depth: scope.depth, section: scope.section ?? name };
  if (scope.parentUrl) entry.parentUrl = scope.parentUrl;
  walk.entries.push(entry);
}

function cleanName(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
}

/** One entry per URL: the shallowest, the first among equals; document order otherwise kept. */
function deduplicate(entries: readonly NavigationEntry[]): NavigationEntry[] {
  const kept = new Map<string, NavigationEntry>();
  for (const entry of entries) {
    const seen = kept.get(entry.url);
    if (!seen || entry.depth < seen.depth) kept.set(entry.url, entry);
  }
  const winners = new Set(kept.values());
  return entries.filter((entry) => winners.has(entry));
}
