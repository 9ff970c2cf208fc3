import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HtmlListingScraper } from '../../../src/scrapers/listing/html-listing.scraper.js';
import { currentPageNumber } from '../../../src/scrapers/listing/pagination.js';
import { saysNext } from '../../../src/scrapers/listing/next-control.js';
import { htmlPage } from '../support/page.js';

const scraper = new HtmlListingScraper();

function doc(head: string, body: string): string {
  return `<!doctype html><html><head><title>Listing</title>${head}</head><body><main>
<ul class="product-grid"><li class="product-card"><a href="/products/a">A</a></li></ul>${body}</main></body></html>`;
}

interface Case {
  name: string;
  url: string;
  html: string;
  next?: string;
  style?: string;
}

const cases: Case[] = [
  {
    name: '<link rel="next"> in the head', url: 'https://shop.example/collections/all',
    html: doc('<link rel="prev" href="/collections/all?page=0"><link rel="next" href="/collections/all?page=2">', ''),
    next: 'https://shop.example/collections/all?page=2', style: 'rel-next',
  },
  {
    name: '<a rel="next"> in the pager', url: 'https://shop.example/c/chairs',
    html: doc('', '<nav class="pager"><a rel="prev" href="/c/chairs?after=x0">Prev</a> <a rel="nofollow next" href="/c/chairs?after=x9">More</a></nav>'),
    next: 'https://shop.example/c/chairs?after=x9', style: 'rel-next',
  },
  {
    name: 'page 3 of a ?page= pager with links to 2 and 4', url: 'https://shop.example/collections/all?sort_by=price&page=3',
    html: doc('', '<nav class="pagination"><a href="?sort_by=price&page=1">1</a> <a href="?sort_by=price&page=2">2</a> <span aria-current="page">3</span> <a href="?sort_by=price&page=4">4</a></nav>'),
    next: 'https://shop.example/collections/all?sort_by=price&page=4', style: 'query-page',
  },
  {
    name: 'Magento ?p= pager on page 1', url: 'https://shop.example/women/tops.html',
    html: doc('', '<div class="pages"><strong class="page">1</strong> <a class="page" href="https://shop.example/women/tops.html?p=2">2</a></div>'),
    next: 'https://shop.example/women/tops.html?p=2', style: 'query-page',
  },
  {
    name: '?pg= pager', url: 'https://shop.example/catalog?pg=2',
    html: doc('', '<div class="paging"><a href="/catalog?pg=1">1</a> <b>2</b> <a href="/catalog?pg=3">3</a></div>'),
    next: 'https://shop.example/catalog?pg=3', style: 'query-page',
  },
  {
    name: 'WordPress /page/2/ from the first page', url: 'https://shop.example/shop/',
    html: doc('', '<nav class="woocommerce-pagination"><span class="current">1</span> <a class="page-numbers" href="/shop/page/2/">2</a></nav>'),
    next: 'https://shop.example/shop/page/2/', style: 'path-page',
  },
  {
    name: 'WordPress /page/3/ from /page/2/', url: 'https://shop.example/product-category/hats/page/2/?orderby=price',
    html: doc('', '<nav><a href="/product-category/hats/?orderby=price">1</a> <span>2</span> <a href="/product-category/hats/page/3/?orderby=price">3</a></nav>'),
    next: 'https://shop.example/product-category/hats/page/3/?orderby=price', style: 'path-page',
  },
  {
    name: 'a "Suivant" link without rel', url: 'https://boutique.example/robes',
    html: doc('', '<div class="pagination"><a href="/robes?curseur=abc">Suivant</a></div>'),
    next: 'https://boutique.example/robes?curseur=abc', style: 'next-link',
  },
  {
    name: 'a "Weiter ›" link', url: 'https://shop.example/schuhe',
    html: doc('', '<a href="/schuhe?offset=24">Weiter ›</a>'), next: 'https://shop.example/schuhe?offset=24', style: 'next-link',
  },
  {
    name: 'an icon link labelled "Next page"', url: 'https://shop.example/lamps',
    html: doc('', '<a href="/lamps?cursor=24" aria-label="Next page"><svg><path d="M0 0"/></svg></a>'),
    next: 'https://shop.example/lamps?cursor=24', style: 'next-link',
  },
  {
    name: 'a "»" link', url: 'https://shop.example/lamps',
    html: doc('', '<a href="/lamps?from=24">»</a>'), next: 'https://shop.example/lamps?from=24', style: 'next-link',
  },
  {
    name: 'a "次へ" link', url: 'https://shop.example/items',
    html: doc('', '<a href="/items?start=20">次へ</a>'), next: 'https://shop.example/items?start=20', style: 'next-link',
  },
  {
    name: 'a "下一页" link', url: 'https://shop.example/list',
    html: doc('', '<a href="/list?o=20">下一页</a>'), next: 'https://shop.example/list?o=20', style: 'next-link',
  },
  {
    name: 'a link whose class says next', url: 'https://shop.example/list',
    html: doc('', '<li class="pagination__item"><a class="pagination__next" href="/list?o=20"><span class="icon"></span></a></li>'),
    next: 'https://shop.example/list?o=20', style: 'next-link',
  },
  {
    name: 'an infinite-scroll "Load more" button with data-next-url', url: 'https://shop.example/collections/all',
    html: doc('', '<div class="load-more"><button type="button" class="btn js-load-more" data-next-url="/collections/all?page=2&amp;view=ajax">Load more</button></div>'),
    next: 'https://shop.example/collections/all?page=2&view=ajax', style: 'next-link',
  },
  {
    name: 'a "Show more products" button with data-href', url: 'https://shop.example/c/sofas',
    html: doc('', '<button type="button" class="btn" data-href="/c/sofas?offset=48">Show more products</button>'),
    next: 'https://shop.example/c/sofas?offset=48', style: 'next-link',
  },
  {
    name: 'last page: the only "next" is a disabled span', url: 'https://shop.example/collections/all?page=5',
    html: doc('', '<nav class="pagination"><a href="?page=4">4</a> <span class="current">5</span> <span class="next disabled">Next</span></nav>'),
  },
  {
    name: 'a disabled next link', url: 'https://shop.example/list',
    html: doc('', '<li class="next disabled"><a href="#">Next</a></li> <a class="next" aria-disabled="true" href="/list?o=20">Next</a>'),
  },
  {
    name: 'rel="next" to the page itself or to another host', url: 'https://shop.example/collections/all',
    html: doc('<link rel="next" href="https://shop.example/collections/all#top"><link rel="next" href="https://other.example/collections/all?page=2">', ''),
  },
  {
    name: 'a "Next" link back to an earlier page', url: 'https://shop.example/collections/all?page=3',
    html: doc('', '<a href="/collections/all?page=2" class="next">Next</a>'),
  },
  {
    name: 'carousel arrows', url: 'https://shop.example/collections/all',
    html: doc('', '<div class="slick-slider"><a class="slick-next" href="/collections/all?slide=2">Next</a></div> <button class="swiper-button-next">›</button>'),
  },
  {
    name: 'a "View more" link to another category', url: 'https://shop.example/collections/all',
    html: doc('', '<a href="/collections/sale">View more</a>'),
  },
  {
    name: 'a page without pagination', url: 'https://shop.example/collections/all', html: doc('', ''),
  },
];

describe('next page of a listing', () => {
  for (const { name, url, html, next, style } of cases) {
    it(`${next ? `finds the next page from ${name}` : `finds no next page for ${name}`}`, () => {
      const listing = scraper.parse(htmlPage(html, { url }), 'GENERIC');
      assert.equal(listing.nextPageUrl, next);
      assert.equal(listing.paginationStyle, style);
    });
  }

  it('prefers rel="next" over numbered links and "next" words', () => {
    const html = doc('<link rel="next" href="/collections/all?page=2">', '<a href="?page=2">2</a> <a href="/collections/all?cursor=z">Next</a>');
    const listing = scraper.parse(htmlPage(html, { url: 'https://shop.example/collections/all' }), 'SHOPIFY');
    assert.equal(listing.paginationStyle, 'rel-next');
  });

  it('reads the current page from the query or the path, defaulting to 1', () => {
    assert.equal(currentPageNumber(new URL('https://s.example/c?page=7')), 7);
    assert.equal(currentPageNumber(new URL('https://s.example/c?p=4')), 4);
    assert.equal(currentPageNumber(new URL('https://s.example/c/page/3/')), 3);
    assert.equal(currentPageNumber(new URL('https://s.example/c?page=abc')), 1);
    assert.equal(currentPageNumber(new URL('https://s.example/c')), 1);
  });

  it('recognises "next" in several languages and as arrows, and nothing wider', () => {
    for (const label of ['Next', 'Next page', '  next » ', '›', '→', 'Siguiente', 'Volgende', 'Avanti', 'Próxima', 'Nächste Seite']) {
      assert.equal(saysNext(label), true, label);
    }
    for (const label of ['Next day delivery', 'Previous', '‹', 'Nextbook', '']) assert.equal(saysNext(label), false, label);
  });
});
