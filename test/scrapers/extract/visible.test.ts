import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExtractedProduct } from '../../../src/domain/entities/product.js';
import { htmlPage } from '../support/page.js';
import { extractProduct, extractor, money } from './fixtures/extract.helper.js';
import { BITRIX, JAPANESE_SHOP, LEGACY_TABLES, MARKETPLACE, MERCADO, NEXT_APP, NOT_PRODUCTS, OBFUSCATED } from './fixtures/visible.fixture.js';

interface Case {
  name: string;
  html: string;
  url: string;
  expect: Partial<ExtractedProduct>;
}

const CASES: Case[] = [
  {
    name: 'a marketplace buy box: list price struck by data-a-strike, detail bullets, the stock line next to the add-to-cart',
    html: MARKETPLACE, url: 'https://acme-market.example/gooseneck-kettle/dp/B0KETTLE01',
    expect: {
      title: 'Gooseneck Kettle 1L', brand: 'Brewline', sku: 'B0KETTLE01', mpn: 'GK-1000', gtin: '036000291452', price: money('44.99', 'USD'),
      compareAtPrice: money('59.99', 'USD'), availability: 'BACKORDER', rating: 4.6, reviewCount: 2318,
      images: ['https://m.media.example/images/I/51abc._AC_SL1500_.jpg'],
    },
  },
  {
    name: 'obfuscated class names: prices by their currency, the higher one old by its "% off", a brand link, a link trail',
    html: OBFUSCATED, url: 'https://kartwala.example/night-cream/p/itm1',
    expect: {
      title: 'Night Cream', brand: 'Tidewater', price: money('123269.00', 'INR'), compareAtPrice: money('159999.00', 'INR'),
      availability: 'IN_STOCK', rating: 4.4, reviewCount: 605, breadcrumbs: ['Home', 'Beauty', 'Skincare'],
    },
  },
  {
    name: 'a table layout: heading without h1, <s> old price, "Marke:" and "Lieferstatus:" lines, the SKU in brackets, <base href>',
    html: LEGACY_TABLES, url: 'https://elektro-schmidt.example/product_info.php?products_id=7',
    expect: {
      title: 'Gusseiserne Bratpfanne 28 cm', brand: 'Eisenwerk', sku: 'PF-2207', price: money('64.90', 'EUR'), compareAtPrice: money('89.00', 'EUR'),
      availability: 'OUT_OF_STOCK', breadcrumbs: ['Top', 'Küche', 'Pfannen'], images: ['https://elektro-schmidt.example/images/bratpfanne-28.jpg'],
      language: 'de',
    },
  },
  {
    name: 'a Next.js storefront: data-testid names, a line-through old price, a <dl> of SKU, EAN and manufacturer number',
    html: NEXT_APP, url: 'https://nordljus.example/products/ryggsack-oland',
    expect: {
      title: 'Ryggsäck Öland', brand: 'Kestrel Works', sku: '28-VAT23', gtin: '5901234123457', mpn: 'KLB7254', price: money('1495.00', 'SEK'),
      compareAtPrice: money('1995.00', 'SEK'), availability: 'IN_STOCK', rating: 3.9, reviewCount: 328, breadcrumbs: ['Hem', 'Friluftsliv'],
      description: 'Vattentät ryggsäck för fjället. Designad i Sverige.', canonicalUrl: 'https://nordljus.example/products/ryggsack-oland',
    },
  },
  {
    name: 'a Japanese shop: an <h2> title, a spec table, SOLD OUT and no add-to-cart button',
    html: JAPANESE_SHOP, url: 'https://kamogawa.example/shopdetail/000000003230/',
    expect: {
      title: '真鍮 ペンダントライト', brand: 'アトリエ木漏れ日', sku: '003230-779', mpn: 'ELF45846/A', price: money('30100', 'JPY'),
      availability: 'OUT_OF_STOCK', breadcrumbs: ['ホーム', 'インテリア', '照明'],
    },
  },
  {
    name: 'a Bitrix shop: old and current price classes, the savings line ignored, a hidden buy button, a <dl> in Russian',
    html: BITRIX, url: 'https://tehno.example/catalog/2/7620/',
    expect: {
      title: 'Набор ножей X2', brand: 'Север', sku: 'BU00047', gtin: '4609914237562', price: money('7900.00', 'RUB'),
      compareAtPrice: money('10590.00', 'RUB'), availability: 'OUT_OF_STOCK', rating: 3.8, reviewCount: 2189,
    },
  },
  {
    name: 'a marketplace with split cents and an instalment line: R$ 1.012,95, not the 10x R$ 101,29',
    html: MERCADO, url: 'https://mercadosul.example/MLB-644032-fone-flex',
    expect: { title: 'Fone Flex', price: money('1012.95', 'BRL'), compareAtPrice: money('1349.90', 'BRL'), availability: 'IN_STOCK' },
  },
];

describe('visible-page extraction (no structured data)', () => {
  for (const { name, html, url, expect } of CASES) {
    it(`reads ${name}`, async () => {
      const product = await extractProduct(html, { url });
      for (const [field, value] of Object.entries(expect)) assert.deepEqual(product[field as keyof ExtractedProduct], value, field);
      assert.equal(product.sources.title, 'markup');
      assert.equal(product.sources.price, 'markup');
    });
  }

  for (const [name, html] of Object.entries(NOT_PRODUCTS)) {
    it(`returns null for ${name}`, async () => {
      assert.equal(await extractor.extract(htmlPage(html)), null);
    });
  }
});
