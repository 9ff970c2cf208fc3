import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTrawlError } from '../../../src/domain/errors.js';
import { CheerioProductExtractor } from '../../../src/scrapers/extract/cheerio-product.extractor.js';
import { htmlPage } from '../support/page.js';

const extractor = new CheerioProductExtractor();

const OPENGRAPH_ONLY = `<!doctype html><html><head>
  <meta property="og:type" content="product">
  <meta property="og:title" content="Wool Scarf">
  <meta property="og:description" content="Warm   and soft.">
  <meta property="og:url" content="https://shop.example/products/wool-scarf">
  <meta property="og:image" content="/images/scarf-1.jpg">
  <meta property="og:image" content="https://shop.example/images/scarf-2.jpg">
  <meta property="product:price:amount" content="34.90">
  <meta property="product:price:currency" content="EUR">
  <meta property="product:availability" content="in stock">
  <meta property="product:brand" content="Knitwell">
  <meta property="product:retailer_item_id" content="SCARF-9">
</head><body><p>A scarf.</p></body></html>`;

const MICRODATA_ONLY = `<!doctype html><html lang="de"><body>
  <nav class="crumbs" itemscope itemtype="https://schema.org/BreadcrumbList">
    <span itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="/"><span itemprop="name">Start</span></a></span>
  </nav>
  <div itemscope itemtype="http://schema.org/Product">
    <h2 itemprop="name">Espressokanne</h2>
    <div itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">Bialetti</span></div>
    <img itemprop="image" src="/img/kanne.jpg" alt="">
    <span itemprop="sku">ESP-6</span>
    <meta itemprop="gtin13" content="8006363011242">
    <div itemprop="offers" itemscope itemtype="http://schema.org/Offer">
      <span itemprop="price" content="39.95">39,95 €</span>
      <meta itemprop="priceCurrency" content="EUR">
      <link itemprop="availability" href="http://schema.org/InStock">
    </div>
  </div>
</body></html>`;

const MARKUP_ONLY = `<!doctype html><html lang="en-GB"><head><title>Desk Lamp – Lights | Example</title>
  <link rel="canonical" href="/products/desk-lamp"></head><body>
  <header><a href="/"><img src="/logo.png" alt="Example"></a><span class="price">Free delivery over £50</span></header>
  <nav aria-label="Breadcrumb"><a href="/">Home</a> / <a href="/lights">Lights</a> / <a href="/lights/desk-lamp">Desk Lamp</a></nav>
  <main><div class="product">
    <div class="product-gallery">
      <img src="/img/lamp-small.jpg" srcset="/img/lamp-400.jpg 400w, /img/lamp-1200.jpg 1200w, /img/lamp-800.jpg 800w">
      <img data-src="/img/lamp-side.jpg" src="data:image/gif;base64,R0lGOD">
      <img src="/img/lamp-400.jpg">
    </div>
    <div class="product-info">
      <h1> Desk   Lamp </h1>
      <div class="price-box"><del>£59.00</del> <span class="price">£45.00</span></div>
      <form action="/cart/add" method="post"><button type="submit" name="add">Add to basket</button></form>
    </div>
  </div></main></body></html>`;

const SALE_PAGE = `<!doctype html><html lang="en-US"><head>
  <script type="application/ld+json">{"@type":"Product","name":"Rain Jacket","offers":{"@type":"Offer","price":"120.00","priceCurrency":"USD","availability":"InStock"}}</script>
  </head><body><div class="pdp"><h1>Rain Jacket</h1>
  <div class="price price--on-sale"><s class="price-item price-item--regular">$120.00</s><span class="price-item price-item--sale">$89.00</span></div>
  <button class="product-form__submit">Add to cart</button></div></body></html>`;

const ARTICLE = `<!doctype html><html><head><meta property="og:type" content="article"><meta property="og:title" content="10 tips for running">
  <title>Blog</title></head><body><h1>10 tips for running</h1><p>Shoes cost about $100.</p></body></html>`;

async function extract(html: string, contentType?: string): Promise<NonNullable<Awaited<ReturnType<CheerioProductExtractor['extract']>>>> {
  const product = await extractor.extract(htmlPage(html, contentType === undefined ? {} : { contentType }));
  assert.ok(product, 'expected a product');
  return product;
}

describe('CheerioProductExtractor', () => {
  it('extracts an OpenGraph-only product page', async () => {
    const product = await extract(OPENGRAPH_ONLY);
    assert.equal(product.title, 'Wool Scarf');
    assert.equal(product.description, 'Warm and soft.');
    assert.equal(product.canonicalUrl, 'https://shop.example/products/wool-scarf');
    assert.deepEqual(product.images, ['https://shop.example/images/scarf-1.jpg', 'https://shop.example/images/scarf-2.jpg']);
    assert.deepEqual(product.price, { amount: '34.90', currency: 'EUR' });
    assert.equal(product.availability, 'IN_STOCK');
    assert.equal(product.brand, 'Knitwell');
    assert.equal(product.sku, 'SCARF-9');
    assert.equal(product.sources.price, 'opengraph');
    assert.equal(product.sources.title, 'opengraph');
  });

  it('extracts a microdata-only product page, ignoring the breadcrumb item names', async () => {
    const product = await extract(MICRODATA_ONLY);
    assert.equal(product.title, 'Espressokanne');
    assert.equal(product.brand, 'Bialetti');
    assert.equal(product.sku, 'ESP-6');
    assert.equal(product.gtin, '8006363011242');
    assert.deepEqual(product.price, { amount: '39.95', currency: 'EUR' });
    assert.equal(product.availability, 'IN_STOCK');
    assert.deepEqual(product.images, ['https://shop.example/img/kanne.jpg']);
    assert.equal(product.language, 'de');
    assert.equal(product.sources.price, 'microdata');
  });

  it('extracts a markup-only page: h1, price near the title, compare-at, add-to-cart, gallery, breadcrumbs, canonical, lang', async () => {
    const product = await extract(MARKUP_ONLY);
    assert.equal(product.title, 'Desk Lamp');
    assert.deepEqual(product.price, { amount: '45.00', currency: 'GBP' });
    assert.deepEqual(product.compareAtPrice, { amount: '59.00', currency: 'GBP' });
    assert.equal(product.availability, 'IN_STOCK');
    assert.deepEqual(product.images, ['https://shop.example/img/lamp-1200.jpg', 'https://shop.example/img/lamp-side.jpg',
      'https://shop.example/img/lamp-400.jpg']);
    assert.deepEqual(product.breadcrumbs, ['Home', 'Lights']);
    assert.equal(product.canonicalUrl, 'https://shop.example/products/desk-lamp');
    assert.equal(product.language, 'en-GB');
    assert.ok(Object.values(product.sources).every((source) => source === 'markup'));
  });

  it('lets the page-shown sale price win over a stale JSON-LD price, which becomes the compare-at price', async () => {
    const product = await extract(SALE_PAGE);
    assert.deepEqual(product.price, { amount: '89.00', currency: 'USD' });
    assert.deepEqual(product.compareAtPrice, { amount: '120.00', currency: 'USD' });
    assert.equal(product.sources.price, 'markup');
    assert.equal(product.sources.title, 'json-ld');
    const unmarked = await extract(SALE_PAGE.replace('<s class="price-item price-item--regular">$120.00</s>', ''));
    assert.deepEqual(unmarked.price, { amount: '89.00', currency: 'USD' });
    assert.deepEqual(unmarked.compareAtPrice, { amount: '120.00', currency: 'USD' });
    assert.equal(unmarked.sources.compareAtPrice, 'json-ld');
  });

  it('lets a page-shown price above the structured one win without inventing a compare-at price', async () => {
    const product = await extract(SALE_PAGE.replace('<s class="price-item price-item--regular">$120.00</s>', '').replace('$89.00', '$135.00'));
    assert.deepEqual(product.price, { amount: '135.00', currency: 'USD' });
    assert.equal(product.compareAtPrice, undefined);
  });

  it('keeps the JSON-LD price when the page shows the same one, taking the struck price as compare-at', async () => {
    const html = SALE_PAGE.replace('"120.00"', '"89.00"');
    const product = await extract(html);
    assert.deepEqual(product.price, { amount: '89.00', currency: 'USD' });
    assert.equal(product.sources.price, 'json-ld');
    assert.deepEqual(product.compareAtPrice, { amount: '120.00', currency: 'USD' });
    assert.equal(product.sources.compareAtPrice, 'markup');
  });

  it('records which source each field came from when sources complement each other', async () => {
    const html = `<!doctype html><html lang="fr"><head>
      <script type="application/ld+json">{"@type":"Product","name":"Chaise","sku":"CH-1"}</script>
      <meta property="og:type" content="product"><meta property="og:title" content="Chaise | Boutique">
      <meta property="og:image" content="https://shop.example/chaise.jpg">
      <meta property="product:price:amount" content="149"><meta property="product:price:currency" content="EUR">
      </head><body><nav class="breadcrumb"><a href="/">Accueil</a><a href="/meubles">Meubles</a></nav><h1>Chaise</h1></body></html>`;
    const product = await extract(html);
    assert.deepEqual(product.sources, {
      title: 'json-ld', sku: 'json-ld', price: 'opengraph', images: 'opengraph', language: 'markup', breadcrumbs: 'markup',
    });
    assert.equal(product.title, 'Chaise');
    assert.deepEqual(product.price, { amount: '149.00', currency: 'EUR' });
    assert.equal(product.availability, 'UNKNOWN');
  });

  it('deduplicates images across sources after resolving them against the page URL', async () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"Product","name":"Pot","image":["/a.jpg","https://shop.example/b.jpg"]}</script>
      <meta property="og:image" content="https://shop.example/a.jpg"></head>
      <body><div class="product-gallery"><img src="b.jpg"><img src="/c.jpg#zoom"></div></body></html>`;
    const product = await extract(html);
    assert.deepEqual(product.images, ['https://shop.example/a.jpg', 'https://shop.example/b.jpg', 'https://shop.example/products/b.jpg',
      'https://shop.example/c.jpg']);
    assert.equal(product.sources.images, 'json-ld');
  });

  it('marks a markup-only product with a sold-out button as OUT_OF_STOCK', async () => {
    const html = MARKUP_ONLY.replace('<button type="submit" name="add">Add to basket</button>', '<button disabled>Sold out</button>');
    const product = await extract(html);
    assert.equal(product.availability, 'OUT_OF_STOCK');
  });

  it('returns null for a page without product signals', async () => {
    assert.equal(await extractor.extract(htmlPage(ARTICLE)), null);
    const listing = '<html><body><h1>Shoes</h1><ul><li><span class="price">$20</span></li><li><span class="price">$30</span></li></ul></body></html>';
    assert.equal(await extractor.extract(htmlPage(listing)), null);
    assert.equal(await extractor.extract(htmlPage('')), null);
    const items = [19, 24, 29, 35, 42].map((price) => `<li><a href="/p/${price}">Shoe ${price}</a><span class="price">$${price}.00</span><button>Add to cart</button></li>`);
    const category = `<html><body><main><h1>Running shoes</h1><ul class="grid">${items.join('')}</ul></main></body></html>`;
    assert.equal(await extractor.extract(htmlPage(category)), null, 'a category grid with add-to-cart buttons is not a product');
  });

  it('throws NOT_HTML for a JSON body, whether labelled JSON or not labelled at all', async () => {
    for (const contentType of ['application/json', '']) {
      await assert.rejects(extractor.extract(htmlPage('{"product":{"name":"x"}}', { contentType })), (error) => {
        assert.ok(isTrawlError(error));
        assert.equal(error.code, 'NOT_HTML');
        assert.equal(error.details.url, 'https://shop.example/products/widget');
        return true;
      });
    }
  });

  it('extracts from an HTML body served with a wrong Content-Type', async () => {
    const product = await extract(OPENGRAPH_ONLY, 'text/plain');
    assert.equal(product.title, 'Wool Scarf');
  });

  it('never throws on horribly malformed HTML', async () => {
    const deep = '<div>'.repeat(20_000);
    const samples = [
      '<html><head><title>x</title></head><body><div><h1>Broken <b><i>nest</b></i></h1><div class="price">$1<<<>>>2</div><button>Add to cart',
      `${deep}<h1>Deep</h1><span class="price">$5</span><button>Add to cart</button>`,
      '<html><script type="application/ld+json">{"@type":"Product","name":"x","offers":{"price":{"nested":[[[{}]]]},"priceCurrency":7}}',
      '<html \u0000\u0001\uFFFD><meta property="og:type" content="product"><img srcset=", ,, 2x" class="gallery"><a href="http://[::1">',
      '<!doctype html><html><body itemscope itemtype="http://schema.org/Product"><span itemprop="offers" itemscope><span itemprop="price">abc',
      `<html><head><script type="application/ld+json">${'['.repeat(5000)}</script></head><body><h1>t</h1></body></html>`,
    ];
    for (const body of samples) await assert.doesNotReject(extractor.extract(htmlPage(body)));
    const broken = await extractor.extract(htmlPage(samples[0]!));
    assert.equal(broken?.title, 'Broken nest');
    const buried = await extractor.extract(htmlPage(samples[1]!));
    assert.equal(buried?.title, 'Deep');
    assert.deepEqual(buried?.price, { amount: '5.00', currency: 'USD' });
    const wide = await extractor.extract(htmlPage(`${'<li><span class="price">$1</span></li>'.repeat(20_000)}`));
    assert.equal(wide, null);
  });
});
