import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import { compile } from 'css-select';
import type { DomElement } from './extraction.types.js';
import { isElement } from './text.js';

/** A query for the elements inside one element. */
export type ScopedQuery = (selector: string) => Cheerio<DomElement>;

/** A compiled selector: true when the element matches. */
type Matcher = (element: DomElement) => boolean;

/** Compiled selectors by their text: the steps use a few dozen fixed selectors, compiled once per process. */
const MATCHERS = new Map<string, Matcher>();
/** A runaway set of distinct (built) selectors must not grow the cache without bound. */
const MAX_MATCHERS = 1000;

/**
 * The selector as a function, compiled as cheerio compiles it for a query
 * from the document (HTML mode, no scope), then cached. No result cache:
 * css-select's per-compile WeakSet would live across pages and slow the
 * collector down.
 */
export function matcher(selector: string): Matcher {
  let found = MATCHERS.get(selector);
  if (!found) {
    found = simpleListMatcher(selector) ?? compile<DomElement, DomElement>(selector, { xmlMode: false, cacheResults: false }) as Matcher;
    if (MATCHERS.size >= MAX_MATCHERS) MATCHERS.clear();
    MATCHERS.set(selector, found);
  }
  return found;
}

const SIMPLE_PART = /^(?:([.#]?)([A-Za-z_][\w-]*|-[A-Za-z_][\w-]*)|\[([A-Za-z_][\w-]*)\])$/;

/**
 * A list of bare tags, classes, ids and attribute names (`header, .gallery,
 * #main, [data-sku]`) as set lookups: css-select tests such a list one part
 * after the other, a regular expression per class. Same semantics in HTML
 * (no quirks) mode: tags and attribute names are lower-cased, classes and ids
 * compared case-sensitively, the class attribute split at whitespace.
 * Undefined for anything else.
 */
function simpleListMatcher(selector: string): Matcher | undefined {
  const tags = new Set<string>();
  const classes = new Set<string>();
  const ids = new Set<string>();
  const attributes: string[] = [];
  for (const part of selector.split(',')) {
    const match = SIMPLE_PART.exec(part.trim());
    if (!match) return undefined;
    const [, kind, name, attribute] = match;
    if (attribute !== undefined) attributes.push(attribute.toLowerCase());
    else if (kind === '.') classes.add(name!);
    else if (kind === '#') ids.add(name!);
    else tags.add(name!.toLowerCase());
  }
  if (classes.size === 0 && ids.size === 0 && attributes.length === 0) return (element) => tags.has(element.name);
  return (element) => {
    if (tags.has(element.name)) return true;
    const { id, class: names } = element.attribs;
    if (id !== undefined && ids.has(id)) return true;
    for (const attribute of attributes) if (Object.hasOwn(element.attribs, attribute) && element.attribs[attribute] != null) return true;
    if (names === undefined || classes.size === 0) return false;
    for (const name of names.split(/\s/)) if (classes.has(name)) return true;
    return false;
  };
}

/** Every element of a parsed page in document order, collected once per page (see `indexedDocument`). */
const ELEMENTS = new WeakMap<CheerioAPI, DomElement[]>();
/** The page each `indexedDocument` view stands for, so both share one element list. */
const VIEWS = new WeakMap<CheerioAPI, CheerioAPI>();

/** The element descendants of `root` in document order. Iterative: no recursion on deep trees, linear on wide ones. */
export function elementsBelow(root: { children: readonly object[] }): DomElement[] {
  const found: DomElement[] = [];
  const pending: object[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) pending.push(root.children[i]!);
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (!isElement(node)) continue;
    found.push(node);
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
  }
  return found;
}

/** Every element of the page in document order, collected on first use (the steps do not change the tree). */
export function pageElements($: CheerioAPI): DomElement[] {
  const page = VIEWS.get($) ?? $;
  let elements = ELEMENTS.get(page);
  if (!elements) {
    elements = elementsBelow(page.root().get(0) as unknown as { children: object[] });
    ELEMENTS.set(page, elements);
  }
  return elements;
}

/** Each page's query results by selector: several steps ask the same question (`html[lang]`, the canonical link, the controls). */
const RESULTS = new WeakMap<readonly DomElement[], Map<string, readonly DomElement[]>>();

/** The page's elements matching `selector`, in document order: what `$(selector).toArray()` gives, without re-parsing the selector or walking the tree. */
export function selectAll($: CheerioAPI, selector: string): DomElement[] {
  const elements = pageElements($);
  let results = RESULTS.get(elements);
  if (!results) {
    results = new Map();
    RESULTS.set(elements, results);
  }
  let found = results.get(selector);
  if (!found) {
    found = elements.filter(matcher(selector));
    results.set(selector, found);
  }
  return found.slice();
}

/** A selector list of `container subject` parts, and optionally plain ones (`plain`), taken apart for `selectInside`. */
export type DescendantPairs = readonly (readonly [container: string, subject: string])[];

/**
 * The page's elements matching `subject` strictly inside an element matching
 * `container`, for each pair, or matching `plain`, in document order: the
 * query `container subject, ..., plain` answered from the containers down
 * instead of from every subject up its ancestors. A container inside an
 * earlier one of the same pair is not walked again, so each element is
 * tested once per pair.
 */
export function selectInside($: CheerioAPI, pairs: DescendantPairs, plain?: string): DomElement[] {
  const hits = new Set<DomElement>(plain ? selectAll($, plain) : []);
  for (const [container, subject] of pairs) {
    const test = matcher(subject);
    const walked = new Set<DomElement>();
    for (const scope of selectAll($, container)) {
      if (walked.has(scope)) continue;
      for (const element of elementsBelow(scope)) {
        walked.add(element);
        if (test(element)) hits.add(element);
      }
    }
  }
  return hits.size === 0 ? [] : pageElements($).filter((element) => hits.has(element));
}

/** The first element of the page matching `selector`. */
export function selectFirst($: CheerioAPI, selector: string): DomElement | undefined {
  return pageElements($).find(matcher(selector));
}

/** The element itself or its nearest ancestor matching `selector` (cheerio's `closest`). */
export function closestMatch(element: DomElement, selector: string): DomElement | undefined {
  const test = matcher(selector);
  for (let node: object | null = element; node && isElement(node); node = node.parent) if (test(node)) return node;
  return undefined;
}

/** The ancestors of `element`, nearest first, at most `limit` (cheerio's `parents()`, the document left out). */
export function ancestors(element: DomElement, limit = Infinity): DomElement[] {
  const found: DomElement[] = [];
  for (let node = element.parent; node && isElement(node) && found.length < limit; node = node.parent) found.push(node);
  return found;
}

/**
 * The page with `$(selector)` answered from the page's element list and
 * compiled selectors: the same elements in the same order as cheerio's own
 * query, without parsing and compiling the selector and walking the tree on
 * every call. Everything else (`$(element)`, `$('<p>')`, `$.root()`) is cheerio's.
 */
export function indexedDocument($: CheerioAPI): CheerioAPI {
  const view = new Proxy($, {
    apply(target, thisArg, args: unknown[]) {
      const selector = args[0];
      if (args.length === 1 && typeof selector === 'string' && !selector.includes('<')) return target(selectAll(target, selector));
      return Reflect.apply(target, thisArg, args);
    },
  });
  VIEWS.set(view, $);
  return view;
}

/**
 * `$(scope).find(selector)` without its cost on wide elements: cheerio runs
 * a scoped query from each child of the scope and then removes nested
 * matches, which is quadratic in the child count (a flattened hostile page
 * has tens of thousands). This tests the scope's descendants (collected once
 * per scope, iteratively) against the compiled selector, which is linear.
 */
export function scoped($: CheerioAPI, scope: DomElement | undefined): ScopedQuery {
  let inside: DomElement[] | undefined;
  return (selector) => {
    if (!scope) return $([]);
    inside ??= elementsBelow(scope);
    return $(inside.filter(matcher(selector)));
  };
}

/** The element descendants of `scope` in document order, at most `limit` of them. Iterative. */
export function descendants(scope: DomElement, limit: number): DomElement[] {
  const found: DomElement[] = [];
  const pending = scope.children.filter(isElement).reverse();
  for (let element = pending.pop(); element && found.length < limit; element = pending.pop()) {
    found.push(element);
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i]!;
      if (isElement(child)) pending.push(child);
    }
  }
  return found;
}

/** The nearest ancestor of `element` (not the element itself) matching `selector`: cheerio's `parents(selector).get(0)`. */
export function closestAncestor(element: DomElement, selector: string): DomElement | undefined {
  return element.parent && isElement(element.parent) ? closestMatch(element.parent, selector) : undefined;
}
