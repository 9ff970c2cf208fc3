import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeDemoShops, startDemoShops } from '../../src/demo-shop/index.js';
import type { DemoShop, DemoShops, ShopCategory } from '../../src/demo-shop/index.js';
import { httpGet, shopifyProductPath } from './http-helpers.js';
import { pathOf, walkListing } from './flavour-crawler.js';

describe('demo shop pagination styles', () => {
  let shops: DemoShops;
  before(async () => {
    shops = await startDemoShops({ seed: 9, products: 300, productsPerPage: 6 });
  });
  after(() => closeDemoShops(shops));

  const get = (shop: DemoShop, path: string) => httpGet(new URL(path, shop.url).href);
  const category = (shop: DemoShop, handle: string): ShopCategory => shop.catalog.categoryByHandle(handle)!;

  /** Walks a category with the flavour's next links and checks the listing and page paths against the catalog. */
  async function assertWalk(shop: DemoShop, handle: string): Promise<string[]> {
    const { products, pages } = await walkListing(shop, category(shop, handle).path);
    const canonical = products.map((link) => shopifyProductPath(new URL(link, shop.url).pathname));
    assert.deepEqual(canonical, shop.catalog.productsIn(handle).map((product) => product.path), handle);
    const expectedPages = Array.from({ length: shop.catalog.pageCount(handle) }, (_, i) => shop.catalog.categoryUrlPath(category(shop, handle), i + 1));
    assert.deepEqual(pages, expectedPages, handle);
    assert.ok(pages.length >= 3, `${handle} spans several pages`);
    return pages;
  }

  it('pages Shopify collections with ?page=N and rel=next', async () => {
    const pages = await assertWalk(shops.shopify, 'sale');
    assert.equal(pages[1], '/collections/sale?page=2');
  });

  it('pages WooCommerce categories with /page/N/ and a "next page-numbers" link without rel=next', async () => {
    const shop = shops.woocommerce;
    const pages = await assertWalk(shop, 'womens-shirts');
    assert.equal(pages[1], '/product-category/women/womens-clothing/womens-shirts/page/2/');
    const second = await get(shop, pages[1]!);
    assert.match(second.body, /<a class="next page-numbers" href="[^"]+\/page\/3\/">/);
    assert.match(second.body, /<span aria-current="page" class="page-numbers current">2<\/span>/);
    assert.doesNotMatch(second.body, /rel="(next|prev)"/);
    await assertWalk(shop, 'sale');
  });

  it('redirects WooCommerce /page/1/ and slash-less URLs, and 404s past the end or under the wrong parent', async () => {
    const shop = shops.woocommerce;
    const shirts = category(shop, 'womens-shirts');
    const first = await get(shop, `${shirts.path}page/1/`);
    assert.equal(first.status, 301);
    assert.equal(first.headers['location'], shirts.path);
    const bare = await get(shop, `${shirts.path.slice(0, -1)}?orderby=price`);
    assert.equal(bare.status, 301);
    assert.equal(bare.headers['location'], `${shirts.path}?orderby=price`);
    assert.equal((await get(shop, `${shirts.path}page/${shop.catalog.pageCount('womens-shirts') + 1}/`)).status, 404);
    assert.equal((await get(shop, '/product-category/men/womens-clothing/womens-shirts/')).status, 404);
    assert.equal((await get(shop, '/product-category/no-such-category/')).status, 404);
    assert.equal((await get(shop, '/product-sitemap.xml')).status, 200, 'files are not redirected to a slash');
  });

  it('pages generic product-type categories with a "Next ›" link and ?p=N, without rel=next', async () => {
    const shop = shops.generic;
    const pages = await assertWalk(shop, 'womens-shirts');
    assert.equal(pages[1], '/shop/womens-shirts?p=2');
    const second = await get(shop, pages[1]!);
    assert.match(second.body, /<a class="pager__next" href="\/shop\/womens-shirts\?p=3">Next &rsaquo;<\/a>/);
    assert.doesNotMatch(second.body, /rel="(next|prev)"|data-next-url/);
    assert.equal((await get(shop, '/shop/womens-shirts?p=0')).status, 404);
  });

  it('pages generic featured collections with a "Load more" button whose data-next-url is the next page', async () => {
    const shop = shops.generic;
    const pages = await assertWalk(shop, 'sale');
    const first = await get(shop, pages[0]!);
    assert.match(first.body, /<button type="button" class="load-more" data-next-url="\/shop\/sale\?p=2">Load more<\/button>/);
    assert.doesNotMatch(first.body, /Next &rsaquo;|rel="next"/);
    const last = await get(shop, pages[pages.length - 1]!);
    assert.doesNotMatch(last.body, /data-next-url/);
  });

  it('gives every listing page a canonical link to itself', async () => {
    for (const shop of Object.values(shops)) {
      const sale = category(shop, 'sale');
      const path = shop.catalog.categoryUrlPath(sale, 2);
      const response = await get(shop, path);
      assert.equal(response.status, 200, path);
      const canonical = /<link rel="canonical" href="([^"]+)">/.exec(response.body)?.[1] ?? '';
      assert.equal(pathOf(shop, canonical), path);
    }
  });
});
