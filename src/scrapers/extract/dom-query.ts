import { contains, type Cheerio, type CheerioAPI } from 'cheerio/slim';
import type { DomElement } from './extraction.types.js';
import { isElement } from './text.js';

/** A query for the elements inside one element. */
export type ScopedQuery = (selector: string) => Cheerio<DomElement>;

/**
 * `$(scope).find(selector)` without its cost on wide elements: cheerio runs
 * a scoped query from each child of the scope and then removes nested
 * matches, which is quadratic in the child count (a flattened hostile page
 * has tens of thousands). This queries the whole document once, which is
 * linear, and keeps the matches inside `scope`.
 */
export function scoped($: CheerioAPI, scope: DomElement | undefined): ScopedQuery {
  return (selector) => $(scope ? $(selector).toArray().filter(isElement).filter((element) => contains(scope, element)) : []);
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
