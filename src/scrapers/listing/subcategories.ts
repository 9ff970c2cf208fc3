/** Subcategory links of a category page ("shop by category" blocks, category tiles). */
import type { ListedCategory } from '../../domain/ports/listing-scraper.port.js';
import type { DomElement } from '../extract/extraction.types.js';
import { elementSet, isWithin, sameHostLink, sectionSet, siteChrome, textOf, trimSlash, type ListingDocument } from './listing-dom.js';

/** Blocks of subcategory links, by the class names themes and platforms give them. */
const BLOCKS = [
  '.subcategories', '.sub-categories', '[class*=subcat i]', '[id*=subcat i]', '[class*=sub-cat i]',
  '[class*=subcollection i]', '[class*=sub-collection i]', '.category-list', '.categories-list', '.collection-list',
  '[class*=shop-by-category i]', '[class*=category-tiles i]', '[class*=category-grid i]', 'li.product-category',
].join(', ');
/** Headings that introduce a block of subcategory links. */
const BLOCK_HEADING = /^(?:shop by (?:category|department|type)|subcategories|sub-categories|categories|browse (?:by )?categor(?:y|ies)|kategorien|catégories|categorías|categorieën|categorie)$/i;
/** Facets, filters, sorting and pagination: links that narrow or reorder this listing (Magento `.filter-options`). */
const NOT_SUBCATEGORIES = [
  '[class*=filter i]', '[id*=filter i]', '[class*=facet i]', '[class*=refine i]', '[class*=sort i]', '[class*=layered i]',
  '[class*=paginat i]', '.pager', '[class*=breadcrumb i]', '[class*=swatch i]',
].join(', ');

/**
 * Subcategory links of a category page: links inside subcategory blocks
 * (by class, or under a "Shop by category" / "Subcategories" heading),
 * outside the site header and footer and outside filters, facets, sorting
 * and pagination. Query-only variants of the page itself (filters, sorts)
 * and other hosts are skipped; each URL once, named by its text, image alt or
 * title (item counts such as "(12)" dropped).
 */
export function findSubcategories(doc: ListingDocument): ListedCategory[] {
  const { $ } = doc;
  const excluded = new Set([...siteChrome($), ...sectionSet($, NOT_SUBCATEGORIES)]);
  const found = new Map<string, ListedCategory>();
  for (const element of blockLinks(doc)) {
    if (isWithin(element, excluded)) continue;
    const url = sameHostLink(doc, element.attribs.href);
    if (!url || trimSlash(url.pathname) === trimSlash(doc.pageUrl.pathname)) continue;
    const name = linkName(doc, element);
    if (name && !found.has(url.href)) found.set(url.href, { name, url: url.href });
  }
  return [...found.values()];
}

/** Links of the subcategory blocks, in page order. */
function blockLinks(doc: ListingDocument): DomElement[] {
  const { $ } = doc;
  const blocks = elementSet($, BLOCKS);
  $('h2, h3, h4, [role=heading]').each((_, heading) => {
    const parent = heading.parent;
    if (parent && 'tagName' in parent && !['body', 'main', 'html'].includes(parent.tagName) && BLOCK_HEADING.test(textOf($, heading))) {
      blocks.add(parent);
    }
  });
  if (blocks.size === 0) return [];
  return $('a[href]').toArray().filter((element) => isWithin(element, blocks));
}

function linkName(doc: ListingDocument, element: DomElement): string | undefined {
  const { $ } = doc;
  const candidates = [textOf($, element), $(element).find('img[alt]').first().attr('alt'), element.attribs.title, element.attribs['aria-label']];
  for (const candidate of candidates) {
    const name = candidate?.replace(/\s+/g, ' ').replace(/\s*\(\d[\d,.]*\)\s*$/, '').trim();
    if (name) return name;
  }
  return undefined;
}
