import type { DomElement } from './extraction.types.js';
import { descendants } from './dom-query.js';
import { isElement } from './text.js';

/** Class names of product cards (whole class tokens). */
const CARD_CLASS = /(?:^|\s)(?:card|product-card|tile|product-tile|product-item|grid-view-item|carousel-card|product-miniature)(?:\s|$)/i;

/** A product card of a grid or carousel (a list item, article or tile whose link to another page holds an image or heading, or sits in a heading), or a cart / table row linking to a product. */
export function isCard(element: DomElement): boolean {
  const tag = element.tagName.toLowerCase();
  if (tag === 'tr' && !isItemRow(element)) return false;
  if (tag !== 'li' && tag !== 'article' && tag !== 'tr' && !CARD_CLASS.test(element.attribs.class ?? '')) return false;
  const links = descendants(element, 200).filter((link) => {
    const href = link.tagName.toLowerCase() === 'a' ? link.attribs.href : undefined;
    return href !== undefined && !/^(?:#|javascript:)|\.(?:jpe?g|png|webp|gif|avif)(?:[?#]|$)/i.test(href);
  });
  if (tag === 'tr') return links.length > 0;
  return links.some((link) => descendants(link, 50).some((inner) => /^(?:img|h[2-6])$/i.test(inner.tagName)) || inHeading(link, element));
}

/** True when a link sits in an `<h2>`-`<h6>` below `top` (a card's title link). */
function inHeading(link: DomElement, top: DomElement): boolean {
  for (let node = link.parent; node && isElement(node) && node !== top; node = node.parent) if (/^h[2-6]$/i.test(node.tagName)) return true;
  return false;
}

/** A table row of a cart or product table (not a layout table's row). */
function isItemRow(row: DomElement): boolean {
  const table = row.parent && isElement(row.parent) ? (row.parent.tagName.toLowerCase() === 'table' ? row.parent : row.parent.parent) : null;
  const tableClass = table && isElement(table) ? table.attribs.class ?? '' : '';
  return /item|product|cart|basket|order|line/i.test(`${row.attribs.class ?? ''} ${tableClass}`);
}
