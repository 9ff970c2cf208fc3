import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  classifySitemapFile, classifySitemapUrl, MAX_SITEMAP_ENTRIES, parseSitemap, sitemapPriority,
} from '../../../src/scrapers/site/sitemap.js';

const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

describe('parseSitemap', () => {
  it('reads a urlset with lastmod, image extensions and entities', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset ${NS} xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc>https://shop.example/products/red-shoe?variant=1&amp;size=42</loc>
    <lastmod>2025-01-15</lastmod>
    <image:image><image:loc>https://cdn.example/red.jpg</image:loc></image:image>
  </url>
  <url><loc>https://shop.example/products/blue-shoe</loc></url>
</urlset>`;
    assert.deepEqual(parseSitemap(xml), {
      kind: 'urlset',
      entries: [
        { url: 'https://shop.example/products/red-shoe?variant=1&size=42', lastModified: '2025-01-15' },
        { url: 'https://shop.example/products/blue-shoe' },
      ],
    });
  });

  it('reads a sitemap index', () => {
    const xml = `<sitemapindex ${NS}><sitemap><loc>https://shop.example/sitemap_products_1.xml?from=1&amp;to=99</loc>` +
      '<lastmod>2025-02-01T10:00:00Z</lastmod></sitemap><sitemap><loc>https://shop.example/sitemap_collections_1.xml</loc></sitemap></sitemapindex>';
    const parsed = parseSitemap(xml);
    assert.equal(parsed.kind, 'index');
    assert.deepEqual(parsed.entries.map((entry) => entry.url), [
      'https://shop.example/sitemap_products_1.xml?from=1&to=99', 'https://shop.example/sitemap_collections_1.xml',
    ]);
    assert.equal(parsed.entries[0]?.lastModified, '2025-02-01T10:00:00Z');
  });

  it('reads namespace-prefixed elements and ignores locs of other namespaces', () => {
    const xml = '<sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="x">' +
      '<sm:url><image:image><image:loc>https://cdn.example/a.jpg</image:loc></image:image><sm:loc>https://shop.example/p/1</sm:loc></sm:url>' +
      '</sm:urlset>';
    assert.deepEqual(parseSitemap(xml).entries, [{ url: 'https://shop.example/p/1' }]);
  });

  it('reads CDATA verbatim, numeric references, a BOM, comments and stray whitespace', () => {
    const xml = `\uFEFF  \n<?xml version="1.0"?>\n<!-- <url><loc>https://shop.example/commented</loc></url> -->\n<urlset ${NS}>\n` +
      '<url>\n  <loc>\n   <![CDATA[https://shop.example/products/a?x=1&y=2]]>\n  </loc>\n</url>\n' +
      '<url><loc>https://shop.example/products/caf&#233;-&#x31;</loc></url>\n</urlset>';
    assert.deepEqual(parseSitemap(xml).entries.map((entry) => entry.url), [
      'https://shop.example/products/a?x=1&y=2', 'https://shop.example/products/caf%C3%A9-1',
    ]);
  });

  it('skips entries without a usable http(s) loc and resolves relative ones against the base', () => {
    const xml = `<urlset ${NS}><url><loc>javascript:alert(1)</loc></url><url></url><url><loc>/products/rel</loc></url>` +
      '<url><loc>ftp://shop.example/x</loc></url></urlset>';
    assert.deepEqual(parseSitemap(xml).entries, []);
    assert.deepEqual(parseSitemap(xml, 'https://shop.example/sitemap.xml').entries, [{ url: 'https://shop.example/products/rel' }]);
  });

  it('reads a plain-text sitemap', () => {
    const text = 'https://shop.example/products/a\r\nhttps://shop.example/products/b\n\nnot a url\n';
    assert.deepEqual(parseSitemap(text), { kind: 'urlset', entries: [{ url: 'https://shop.example/products/a' }, { url: 'https://shop.example/products/b' }] });
  });

  it('returns an empty urlset for an HTML page or garbage', () => {
    assert.deepEqual(parseSitemap('<!doctype html><html><body>Not found</body></html>'), { kind: 'urlset', entries: [] });
    assert.deepEqual(parseSitemap(''), { kind: 'urlset', entries: [] });
  });

  it('stops at an unclosed entry instead of scanning past it again and again', () => {
    const xml = `<urlset ${NS}><url><loc>https://shop.example/a</loc></url>${'<url><loc>https://shop.example/x</loc>'.repeat(20_000)}`;
    assert.deepEqual(parseSitemap(xml).entries.map((entry) => entry.url), ['https://shop.example/a']);
  });

  it('reads at most 50,000 entries of a file', () => {
    const entries = Array.from({ length: MAX_SITEMAP_ENTRIES + 10 }, (_, index) => `<url><loc>https://shop.example/p/${index}</loc></url>`);
    const parsed = parseSitemap(`<urlset ${NS}>${entries.join('')}</urlset>`);
    assert.equal(parsed.entries.length, MAX_SITEMAP_ENTRIES);
    assert.equal(parsed.entries.at(-1)?.url, `https://shop.example/p/${MAX_SITEMAP_ENTRIES - 1}`);
  });
});

describe('sitemap classification', () => {
  const files: [string, ReturnType<typeof classifySitemapFile>][] = [
    ['https://shop.example/sitemap_products_1.xml?from=1&to=2', 'product'],
    ['https://shop.example/sitemap_collections_1.xml', 'category'],
    ['https://shop.example/product-sitemap2.xml', 'product'],
    ['https://shop.example/product_cat-sitemap.xml', 'category'],
    ['https://shop.example/category-sitemap.xml', 'category'],
    ['https://shop.example/wp-sitemap-taxonomies-product_cat-1.xml', 'category'],
    ['https://shop.example/wp-sitemap-posts-product-1.xml', 'product'],
    ['https://shop.example/xmlsitemap.php?type=categories&page=1', 'category'],
    ['https://shop.example/sitemap_0-product.xml', 'product'],
    ['https://shop.example/sitemap-products.xml?page=2', 'product'],
    ['https://shop.example/sitemap.xml', 'other'],
    ['https://shop.example/sitemap_pages_1.xml', 'other'],
  ];
  for (const [url, kind] of files) {
    it(`classifies the sitemap file ${new URL(url).pathname} as ${kind}`, () => assert.equal(classifySitemapFile(url), kind));
  }

  it('reads category sitemaps first, blog and page sitemaps last', () => {
    const urls = ['sitemap_blogs_1.xml', 'sitemap_products_1.xml', 'sitemap.xml', 'sitemap_collections_1.xml', 'post-sitemap.xml']
      .map((name) => `https://shop.example/${name}`);
    const ordered = [...urls].sort((a, b) => sitemapPriority(a) - sitemapPriority(b)).map((url) => new URL(url).pathname);
    assert.deepEqual(ordered, ['/sitemap_collections_1.xml', '/sitemap.xml', '/sitemap_products_1.xml', '/sitemap_blogs_1.xml', '/post-sitemap.xml']);
  });

  const pages: [string, ReturnType<typeof classifySitemapUrl>, ReturnType<typeof classifySitemapUrl>?][] = [
    ['https://shop.example/products/red-shoe', 'product'],
    ['https://shop.example/collections/shoes/products/red-shoe', 'product'],
    ['https://shop.example/product/red-shoe/', 'product'],
    ['https://shop.example/p/123', 'product'],
    ['https://shop.example/collections/shoes', 'category'],
    ['https://shop.example/product-category/shoes/', 'category'],
    ['https://shop.example/category/shoes', 'category'],
    ['https://shop.example/c/shoes-123', 'category'],
    ['https://shop.example/red-shoe.html', 'other'],
    ['https://shop.example/red-shoe.html', 'product', 'product'],
    ['https://shop.example/women/shoes.html', 'category', 'category'],
    ['https://shop.example/pages/about', 'other'],
  ];
  for (const [url, kind, fileKind] of pages) {
    it(`classifies ${new URL(url).pathname}${fileKind ? ` from a ${fileKind} sitemap` : ''} as ${kind}`, () => {
      assert.equal(classifySitemapUrl(url, fileKind), kind);
    });
  }
});
