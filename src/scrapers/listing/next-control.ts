/** Recognising "next page" and "load more" controls by their words, labels and class names. */
import type { CheerioAPI } from 'cheerio/slim';
import type { DomElement } from '../extract/extraction.types.js';

/** "Next" in the languages of the shops trawl meets, as a whole label. */
const NEXT_WORDS = new Set([
  'next', 'next page', 'go to next page', 'suivant', 'page suivante', 'weiter', 'nächste', 'nächste seite',
  'siguiente', 'página siguiente', 'volgende', 'volgende pagina', 'avanti', 'successivo', 'successiva',
  'pagina successiva', 'próxima', 'próximo', 'próxima página', 'seguinte', 'następna', 'nästa', 'næste', 'neste',
  'seuraava', '次へ', '次のページ', '下一页', '下一頁', '下页',
]);
/** Arrows used alone as a "next" control. */
const NEXT_ARROW = /^[›»→>]{1,2}$/;
const EDGE_ARROWS = /^[\s›»→>.:]+|[\s›»→>.:]+$/g;
/** Class tokens of next controls: `next`, `pagination__next`, `pages-item-next`, `next-page`, `nextPage`. */
const NEXT_CLASS = /^(?:.*[-_])?next(?:[-_]?(?:page|link|btn|button))?$/i;
/** Carousel and slider arrows also say "next" but move within the page. */
const CAROUSEL_CLASS = /slick|swiper|carousel|slider|owl-|flickity|glide|splide|gallery|lightbox/i;
/** "Load more" buttons of infinite listings. */
const LOAD_MORE = /load[-_ ]?more|show[-_ ]?more|view[-_ ]?more|more[-_ ](?:results|products)|infinite|mehr laden|mehr anzeigen|voir plus|charger plus|cargar más|meer laden|carica altri|carregar mais/i;

/** True for a link whose text, `aria-label`, `title` or class (or its list item's class) says "next page". */
export function isNextControl($: CheerioAPI, element: DomElement): boolean {
  const parent = element.parent && 'attribs' in element.parent ? element.parent : undefined;
  const classes = `${element.attribs.class ?? ''} ${parent?.attribs.class ?? ''}`;
  if (CAROUSEL_CLASS.test(classes)) return false;
  if (classes.split(/\s+/).some((token) => NEXT_CLASS.test(token))) return true;
  const labels = [element.attribs['aria-label'], element.attribs.title, $(element).text()];
  return labels.some((label) => label !== undefined && saysNext(label));
}

/**
 * Where a "load more" control of an infinite listing leads: its `data-next-url`;
 * the `data-href` (or SFCC's `data-url`) of a control whose class, id or text says "load more"; the
 * `href` of a link whose class or id says so (a link's text alone is too weak:
 * "View more" also links to other categories).
 */
export function loadMoreTarget($: CheerioAPI, element: DomElement): string | undefined {
  const nextUrl = element.attribs['data-next-url'];
  if (nextUrl) return nextUrl;
  const named = LOAD_MORE.test(`${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`);
  const dataHref = element.attribs['data-href'] ?? element.attribs['data-url'];
  if (dataHref) return named || saysLoadMore($(element).text()) ? dataHref : undefined;
  return named && element.tagName === 'a' ? element.attribs.href : undefined;
}

function saysLoadMore(text: string): boolean {
  return text.length < 60 && LOAD_MORE.test(text);
}

/** True when a label is, as a whole, a "next" word or arrow. */
export function saysNext(label: string): boolean {
  const text = label.replace(/\s+/g, ' ').trim().toLowerCase();
  if (text.length === 0 || text.length > 40) return false;
  if (NEXT_ARROW.test(text.replace(/\s/g, ''))) return true;
  return NEXT_WORDS.has(text.replace(EDGE_ARROWS, ''));
}
