import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { load } from 'cheerio/slim';
import { capTreeDepth } from '../../../src/scrapers/extract/cap-depth.js';
import {
  ancestors, closestAncestor, closestMatch, indexedDocument, pageElements, scoped, selectAll, selectInside,
} from '../../../src/scrapers/extract/dom-query.js';
import { BREADCRUMBS } from '../../../src/scrapers/extract/markup.source.js';
import { GALLERY_IMAGES } from '../../../src/scrapers/extract/page-images.js';
import { lumaConfigurable } from './fixtures/magento.fixture.js';
import { dawnProductPage } from './fixtures/shopify.fixture.js';
import { LEGACY_TABLES, MARKETPLACE } from './fixtures/visible.fixture.js';
import { wooSimpleOnSale, wooVariable } from './fixtures/woocommerce.fixture.js';

const PAGES: Record<string, string> = {
  shopify: dawnProductPage({ sale: '19.99', regular: '29.99' }),
  woocommerce: wooSimpleOnSale(),
  'woocommerce variable': wooVariable(),
  magento: lumaConfigurable(),
  marketplace: MARKETPLACE,
  legacy: LEGACY_TABLES,
  'wide root': Array.from({ length: 200 }, (_, i) => `<div class="price" data-sku="s${i}"><a href="/p/${i}">P ${i}</a></div>`).join(''),
};

/** Selectors of the kinds the steps use: tags, attribute operators with the `i` flag, descendants, children, lists. */
const SELECTORS = [
  'h1', 'meta[content]', 'script', 'html', 'base[href]', 'link[rel~=canonical i]', 'img[alt]', '[itemprop]', '[itemscope][itemtype]',
  '[property^="schema:"]', 'nav[aria-label*=breadcrumb i] a, [class*=breadcrumb i] a, [id*=breadcrumb i] a',
  '[itemprop=price], .price, .product-price, .woocommerce-Price-amount, [data-price-amount]', 'main, [role=main], #main, #content',
  'button, input[type=submit], a[class*=btn], [name=add]', 'form.cart > select, .variations select', 'div[id^="product-"].product',
  '[class*=title i]', 'header, nav, footer, aside', 'option[value]', '.price, .product-price, #main, .product__description, li, H1',
  '.product-gallery, .product__media, [data-gallery], #product-images, .gallery', 'a, .x-Y, #Main', 'nav, ol, ul, td',
  '[data-product-sku], [data-sku], [DATA-BRAND], [itemprop], [hidden]', '[id], [class], .product__media',
];

describe('dom-query', () => {
  for (const [name, html] of Object.entries(PAGES)) {
    it(`answers every query with cheerio's own elements, in order, on a ${name} page`, () => {
      const plain = load(html);
      const indexed = indexedDocument(load(html));
      capTreeDepth(plain);
      capTreeDepth(indexed);
      const position = new Map<object | undefined, number>(pageElements(indexed).map((element, index) => [element, index]));
      const same = (elements: readonly object[]) => elements.map((element) => position.get(element));
      const reference = new Map<object | undefined, number>(pageElements(plain).map((element, index) => [element, index]));
      const expected = (elements: readonly object[]) => elements.map((element) => reference.get(element));
      for (const selector of SELECTORS) {
        assert.deepEqual(same(selectAll(indexed, selector)), expected(plain(selector).toArray()), selector);
        assert.deepEqual(same(indexed(selector).toArray()), expected(plain(selector).toArray()), `$(${selector})`);
      }
      const plainElements = pageElements(plain);
      for (const [index, element] of pageElements(indexed).entries()) {
        const twin = plainElements[index]!;
        for (const selector of ['header, nav, footer, aside', 'form[action*="cart"]', '[itemscope]', 'div', '.price, #main, li']) {
          assert.equal(position.get(closestMatch(element, selector)), reference.get(plain(twin).closest(selector).get(0)), selector);
          assert.equal(position.get(closestAncestor(element, selector)), reference.get(plain(twin).parents(selector).get(0)), selector);
        }
        assert.deepEqual(same(ancestors(element, 4)), expected(plain(twin).parents().toArray().slice(0, 4)));
      }
    });
  }

  it('finds inside one element what cheerio finds there', () => {
    const html = PAGES.woocommerce!;
    const plain = load(html);
    const indexed = indexedDocument(load(html));
    const scope = selectAll(indexed, 'div.product').at(0);
    const plainScope = plain('div.product').first();
    assert.ok(scope);
    for (const selector of ['.price', 'select', 'option[value]', 'div', '.woocommerce-Price-amount']) {
      assert.deepEqual(scoped(indexed, scope)(selector).toArray().map((element) => indexed.html(element)),
        plainScope.find(selector).toArray().map((element) => plain.html(element)), selector);
    }
    assert.equal(scoped(indexed, undefined)('div').length, 0);
  });

  it('hands out a fresh list for a repeated query', () => {
    const $ = indexedDocument(load('<p>a</p><p>b</p>'));
    selectAll($, 'p').pop();
    assert.equal(selectAll($, 'p').length, 2);
  });

  it('leaves markup strings and element wrapping to cheerio', () => {
    const $ = indexedDocument(load('<p class="x">a</p>'));
    assert.equal($('<span>new</span>').text(), 'new');
    const paragraph = selectAll($, '.x')[0]!;
    assert.equal($(paragraph).text(), 'a');
  });
});

describe('selectInside', () => {
  const QUERY = 'nav[aria-label*=breadcrumb i] a, [itemtype$=BreadcrumbList] [itemprop=name], [class*=breadcrumb i] a, [id*=breadcrumb i] a, '
    + '[class*=crumbs i] a, [class*=topicpath i] a, .headerNavigation a';
  const NESTED = `<div class="crumbs"><nav aria-label="Breadcrumb"><a href="/">Home</a><div class="breadcrumb-inner"><a href="/c">C</a></div></nav>
    <ol itemscope itemtype="https://schema.org/BreadcrumbList"><li itemprop="itemListElement"><a itemprop="item" href="/x"><span itemprop="name">X</span></a></li></ol></div>
    <a href="/outside">Outside</a><p class="Breadcrumbs"><a href="/y">Y</a></p>`;
  const GALLERY_QUERY = [
    '[itemprop=image]', '.product-gallery img', '.product__media img', '.product-media img', '.product-images img',
    '.product-image img', '.product-photos img', '.woocommerce-product-gallery img', '[data-gallery] img', '#product-images img',
    '.gallery img', '.productView-image img', '.productView-thumbnail-link', '.primary-images img', '.product-image-gallery img',
    '.gallery-placeholder img', '.fotorama__stage img', '.product-single__media img', '.product__main-photos img',
  ].join(', ');
  const GALLERY = `<div class="gallery"><img src="a.jpg"><div class="product-image"><img src="b.jpg" itemprop="image"></div></div>
    <img src="c.jpg"><a class="productView-thumbnail-link" href="d.jpg"><img src="d.jpg"></a><meta itemprop="image" content="e.jpg">`;
  for (const [name, html] of Object.entries({ ...PAGES, 'nested containers': NESTED, gallery: GALLERY })) {
    it(`finds what the descendant query finds, in order, on a ${name} page`, () => {
      const plain = load(html);
      const indexed = indexedDocument(load(html));
      const markup = (elements: readonly object[], $: typeof plain) => elements.map((element) => $.html(element as never));
      assert.deepEqual(markup(selectInside(indexed, BREADCRUMBS), indexed), markup(plain(QUERY).toArray(), plain));
      assert.deepEqual(markup(selectInside(indexed, GALLERY_IMAGES.inside, GALLERY_IMAGES.plain), indexed), markup(plain(GALLERY_QUERY).toArray(), plain));
    });
  }
});
