import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoShop } from '../../src/demo-shop/index.js';
import type { DemoShop, ShopCategory } from '../../src/demo-shop/index.js';
import { httpGet, linkRel, productCardLinks, shopifyProductPath } from './http-helpers.js';

describe('demo shop category pages', () => {
  let shop: DemoShop;
  before(async () => {
    shop = await startDemoShop({ seed: 5, products: 400, productsPerPage: 10 });
  });
  after(() => shop.close());

  const page = (path: string) => httpGet(new URL(path, shop.url).href);

  /** Follows rel=next from the first page; returns the canonical paths of the products listed, in order. */
  async function crawlCategory(category: ShopCategory): Promise<{ links: string[]; pages: number }> {
    const links: string[] = [];
    let next: string | undefined = new URL(category.path, shop.url).href;
    let pages = 0;
    while (next !== undefined) {
      const response = await httpGet(next);
      assert.equal(response.status, 200, next);
      links.push(...productCardLinks(response.body).map(shopifyProductPath));
      pages += 1;
      next = linkRel(response.body, 'next');
    }
    return { links, pages };
  }

  it('covers every product of a category exactly once across its pages, in catalog order', async () => {
    for (const handle of ['womens-shirts', 'sale', 'northwind', 'best-sellers']) {
      const category = shop.catalog.categoryByHandle(handle)!;
      const { links, pages } = await crawlCategory(category);
      assert.deepEqual(links, shop.catalog.productsIn(handle).map((p) => p.path), handle);
      assert.equal(pages, shop.catalog.pageCount(handle));
    }
  });

  it("serves a category's second page with rel=prev and rel=next links in head and a visible pager", async () => {
    const category = shop.catalog.categoryByHandle('sale')!;
    assert.ok(shop.catalog.pageCount('sale') >= 3, 'the sale collection spans at least three pages');
    const response = await page(`${category.path}?page=2`);
    assert.equal(response.status, 200);
    assert.equal(linkRel(response.body, 'prev'), new URL(category.path, shop.url).href);
    assert.equal(linkRel(response.body, 'next'), new URL(`${category.path}?page=3`, shop.url).href);
    assert.equal(linkRel(response.body, 'canonical'), new URL(`${category.path}?page=2`, shop.url).href);
    assert.match(response.body, /<nav class="pagination" aria-label="Pagination">/);
    assert.match(response.body, new RegExp(`<a class="pagination__next" rel="next" href="${category.path}\\?page=3">Next</a>`));
    assert.match(response.body, /aria-current="page">2</);
    assert.equal(productCardLinks(response.body).length, 10);
  });

  it('serves the first page without rel=prev and the last page without rel=next', async () => {
    const category = shop.catalog.categoryByHandle('womens-boots')!;
    const last = shop.catalog.pageCount(category.handle);
    const first = await page(category.path);
    assert.equal(linkRel(first.body, 'prev'), undefined);
    const lastPage = await page(`${category.path}?page=${last}`);
    assert.equal(lastPage.status, 200);
    assert.equal(linkRel(lastPage.body, 'next'), undefined);
    assert.notEqual(linkRel(lastPage.body, 'prev'), undefined);
  });

  it('answers 404 for pages past the end and page 0', async () => {
    const category = shop.catalog.categoryByHandle('womens-boots')!;
    const past = shop.catalog.pageCount(category.handle) + 1;
    assert.equal((await page(`${category.path}?page=${past}`)).status, 404);
    assert.equal((await page(`${category.path}?page=0`)).status, 404);
    assert.equal((await page('/collections/no-such-collection')).status, 404);
  });

  it("lists a product on the pages of every category it belongs to", async () => {
    const product = shop.catalog.products.find((p) => p.categories.length === 3)!;
    assert.ok(product, 'some product belongs to three categories');
    for (const handle of product.categories) {
      const { links } = await crawlCategory(shop.catalog.categoryByHandle(handle)!);
      assert.equal(links.filter((link) => link === product.path).length, 1, handle);
    }
  });

  it('shows each card with an image, a title and a price', async () => {
    const product = shop.catalog.productsIn('sale')[0]!;
    const response = await page('/collections/sale');
    const card = new RegExp(`<li class="product-card" data-product-handle="${product.handle}">[\\s\\S]*?</li>`).exec(response.body)?.[0] ?? '';
    assert.match(card, new RegExp(`<img class="product-card__image" src="/images/${product.handle}-1.png"`));
    assert.match(card, /<h3 class="product-card__title">/);
    assert.match(card, new RegExp(`data-price="${product.price}">\\$`));
    assert.match(card, new RegExp(`<s class="price price--compare" data-compare-at-price="${product.compareAtPrice}">`));
  });

  it('renders breadcrumbs down to the category', async () => {
    const response = await page('/collections/kids-jackets');
    const crumbs = /<nav class="breadcrumbs"[\s\S]*?<\/nav>/.exec(response.body)?.[0] ?? '';
    assert.match(crumbs, /<a href="\/">Home<\/a>.*<a href="\/collections\/kids">Kids<\/a>.*<a href="\/collections\/kids-clothing">Clothing<\/a>.*aria-current="page">Jackets</);
  });

  it('serves gender and product-group sections as landing pages linking their subcategories', async () => {
    const response = await page('/collections/women');
    assert.equal(response.status, 200);
    assert.deepEqual(productCardLinks(response.body), []);
    for (const child of shop.catalog.childrenOf('women')) assert.ok(response.body.includes(`<a href="${child.path}">`), child.handle);
    assert.equal((await page('/collections/women?page=2')).status, 404);
  });

  it('nests every category in the header menu of the home page, with non-category links in the footer', async () => {
    const home = await page('/');
    assert.equal(home.status, 200);
    const nav = /<nav class="main-nav"[\s\S]*?<\/nav>/.exec(home.body)?.[0] ?? '';
    for (const category of shop.catalog.categories) assert.ok(nav.includes(`href="${category.path}"`), category.handle);
    assert.match(nav, /href="\/collections\/men">Men<\/a><ul class="menu__dropdown[^"]*"><li[^>]*><a[^>]*href="\/collections\/mens-shoes">Shoes<\/a><ul/);
    const footer = /<footer[\s\S]*?<\/footer>/.exec(home.body)?.[0] ?? '';
    for (const path of ['/about', '/contact', '/pages/shipping', '/pages/returns', '/account', '/cart', '/blog']) assert.ok(footer.includes(`href="${path}"`), path);
    assert.ok(!footer.includes('/collections/'));
    assert.ok(productCardLinks(home.body).length > 0, 'the home page features products');
  });
});
