import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classifyCategory, normaliseCategoryText } from '../../src/domain/category-classifier.js';
import type { CategoryType } from '../../src/domain/entities/category.js';

type Case = readonly [name: string, expected: CategoryType, url?: string, section?: string];

const slug = (name: string): string => `/collections/${normaliseCategoryText(name).replace(/ /g, '-') || 'x'}`;

const PRODUCT_CASES: readonly Case[] = [
  ['Shoes', 'PRODUCT'], ['SHOES', 'PRODUCT'], ['shoes', 'PRODUCT'], ['Clothing', 'PRODUCT'], ['Apparel', 'PRODUCT'],
  ['Accessories', 'PRODUCT'], ['Bags', 'PRODUCT'], ['Jewelry', 'PRODUCT'], ['Jewellery', 'PRODUCT'], ['Boots', 'PRODUCT'],
  ['Sneakers', 'PRODUCT'], ['Dresses', 'PRODUCT'], ['T-Shirts', 'PRODUCT'], ['Jeans', 'PRODUCT'], ['Trousers', 'PRODUCT'],
  ['Jackets & Coats', 'PRODUCT'], ['Knitwear', 'PRODUCT'], ['Watches', 'PRODUCT'], ['Hats', 'PRODUCT'], ['Socks', 'PRODUCT'],
  ['Underwear', 'PRODUCT'], ['Swimwear', 'PRODUCT'], ['Beauty', 'PRODUCT'], ['Home & Living', 'PRODUCT'], ['Furniture', 'PRODUCT'],
  ['Electronics', 'PRODUCT'], ['Toys', 'PRODUCT'], ['Sports', 'PRODUCT'], ['Overshirts', 'PRODUCT'], ['Earrings', 'PRODUCT'],
  ["Men's Shoes", 'PRODUCT'], ["Men's Boots", 'PRODUCT'], ["WOMEN'S DRESSES", 'PRODUCT'], ['Kids Clothing', 'PRODUCT'],
  ['Shoes on Sale', 'PRODUCT'], ['New In Shoes', 'PRODUCT'],
  ['Vêtements', 'PRODUCT'], ['Chaussures', 'PRODUCT'], ['Bijoux', 'PRODUCT'], ['Sacs', 'PRODUCT'], ['Robes', 'PRODUCT'],
  ['Kleidung', 'PRODUCT'], ['Schuhe', 'PRODUCT'], ['Taschen', 'PRODUCT'], ['Schmuck', 'PRODUCT'], ['Damenschuhe', 'PRODUCT'],
  ['Handtaschen', 'PRODUCT'], ['Ropa', 'PRODUCT'], ['Zapatos', 'PRODUCT'], ['Bolsos', 'PRODUCT'], ['Joyería', 'PRODUCT'],
  ['Ropa interior', 'PRODUCT'], ['Abbigliamento', 'PRODUCT'], ['Scarpe', 'PRODUCT'], ['Borse', 'PRODUCT'], ['Gioielli', 'PRODUCT'],
  ['Kleding', 'PRODUCT'], ['Schoenen', 'PRODUCT'], ['Tassen', 'PRODUCT'], ['Roupas', 'PRODUCT'], ['Sapatos', 'PRODUCT'],
  ['Calçados', 'PRODUCT'], ['Acessórios', 'PRODUCT'],
];

const GENDER_CASES: readonly Case[] = [
  ['Men', 'GENDER'], ['MEN', 'GENDER'], ['Women', 'GENDER'], ["Men's", 'GENDER'], ["WOMEN'S", 'GENDER'], ['Mens', 'GENDER'],
  ['Womens', 'GENDER'], ['Unisex', 'GENDER'], ['Kids', 'GENDER'], ['Boys', 'GENDER'], ['Girls', 'GENDER'], ['Baby', 'GENDER'],
  ['Homme', 'GENDER'], ['Femme', 'GENDER'], ['Herren', 'GENDER'], ['Damen', 'GENDER'], ['Kinder', 'GENDER'],
  ['Hombre', 'GENDER'], ['Mujer', 'GENDER'], ['Niños', 'GENDER'], ['Uomo', 'GENDER'], ['Donna', 'GENDER'],
  ['Bambini', 'GENDER'], ['Heren', 'GENDER'], ['Dames', 'GENDER'], ['Mulher', 'GENDER'], ['Herrenmode', 'GENDER'],
  ["Women's Fashion", 'GENDER'], ['Menswear', 'GENDER'], ['For Him', 'GENDER'],
];

const FEATURED_CASES: readonly Case[] = [
  ['Sale', 'FEATURED'], ['SALE', 'FEATURED'], ['New', 'FEATURED'], ['NEW IN', 'FEATURED'], ['New Arrivals', 'FEATURED'],
  ["What's New", 'FEATURED'], ['Featured', 'FEATURED'], ['Trending', 'FEATURED'], ['Bestsellers', 'FEATURED'],
  ['Best Sellers', 'FEATURED'], ['Clearance', 'FEATURED'], ['Outlet', 'FEATURED'], ['Gift Guide', 'FEATURED'],
  ['Limited Edition', 'FEATURED'], ['Last Chance', 'FEATURED'], ['Nouveautés', 'FEATURED'], ['Soldes', 'FEATURED'],
  ['Neuheiten', 'FEATURED'], ['Novedades', 'FEATURED'], ['Rebajas', 'FEATURED'], ['Novità', 'FEATURED'], ['Saldi', 'FEATURED'],
  ['Nieuw binnen', 'FEATURED'], ['Uitverkoop', 'FEATURED'], ['Promoções', 'FEATURED'], ["Women's Sale", 'FEATURED'],
  ['New for Men', 'FEATURED'], ['Nouvelle collection', 'FEATURED'],
];

const BRAND_CASES: readonly Case[] = [
  ['Nike', 'BRAND'], ['New Balance', 'BRAND'], ['NEW BALANCE', 'BRAND'], ['Acne Studios', 'BRAND'], ['A.P.C.', 'BRAND'],
  ['Comme des Garçons', 'BRAND'], ['Marks & Spencer', 'BRAND'], ['3.1 Phillip Lim', 'BRAND'], ['New Look', 'BRAND'],
  ['Dr. Martens', 'BRAND'], ['adidas', 'BRAND', '/collections/adidas', 'Brands'], ['Stone Island', 'BRAND', '/designers/stone-island'],
  ['and wander', 'BRAND', '/x', 'Marken'],
];

const OTHER_CASES: readonly Case[] = [
  ['Gift Cards', 'OTHER'], ['gift cards', 'OTHER'], ['E-Gift Card', 'OTHER'], ['Lookbook', 'OTHER'], ['Journal', 'OTHER'],
  ['Stores', 'OTHER'], ['About Us', 'OTHER'], ['Carte cadeau', 'OTHER'], ['Gutschein', 'OTHER'], ['Tarjeta regalo', 'OTHER'],
  ['widgets', 'OTHER'], ['Shop All', 'OTHER'], ['Brands', 'OTHER'], ['All Brands', 'OTHER', '/brands', 'Brands'], ['', 'OTHER'],
  ['Free Shipping On All Orders Today', 'OTHER'],
];

const CONTEXT_CASES: readonly Case[] = [
  ['Shop', 'PRODUCT', '/collections/shoes'], ['View all', 'PRODUCT', '/women/dresses'], ['Shop', 'FEATURED', '/collections/sale'],
  ['Shop', 'GENDER', '/collections/womens'], ['widgets', 'PRODUCT', '/collections/shoes'], ['Men', 'PRODUCT', '/collections/mens-shoes'],
  ['Men', 'PRODUCT', '/men', 'Shoes'], ['Sale', 'PRODUCT', '/sale', 'Clothing'], ['Chelsea', 'PRODUCT', '/collections/chelsea-boots'],
  ['Cashmere', 'BRAND', '/collections/cashmere'], ['Shop', 'FEATURED', '/collections/new-in'], ['Shop', 'OTHER', '/collections/new-balance'],
  ['Men', 'GENDER', '/collections/men'], ['Shop', 'PRODUCT', 'https://shop.example/de/damen/schuhe.html'],
];

function check(cases: readonly Case[]): void {
  for (const [name, expected, url, section] of cases) {
    const input = section === undefined ? { name, url: url ?? slug(name) } : { name, url: url ?? slug(name), section };
    const result = classifyCategory(input);
    assert.equal(result.type, expected, `${JSON.stringify(input)} -> ${result.type} (${result.reason})`);
    assert.ok(result.reason.length > 0);
  }
}

describe('category classifier', () => {
  it('has a table of at least 80 cases across seven languages', () => {
    const total = [PRODUCT_CASES, GENDER_CASES, FEATURED_CASES, BRAND_CASES, OTHER_CASES, CONTEXT_CASES].reduce((sum, cases) => sum + cases.length, 0);
    assert.ok(total >= 80, `only ${total} cases`);
  });

  it('recognises product words in any language and casing, even beside gender or featured words', () => check(PRODUCT_CASES));
  it('recognises pure gender and age-group names', () => check(GENDER_CASES));
  it('recognises featured collections, and featured wins over gender', () => check(FEATURED_CASES));
  it('recognises capitalised brand names and brand sections, including "New" brands', () => check(BRAND_CASES));
  it('leaves gift cards, editorial, store and unknown lower-case labels as OTHER', () => check(OTHER_CASES));
  it('types generic labels and gender/featured names from url path and section hints', () => check(CONTEXT_CASES));

  it('names both words when a product word beats a gender word', () => {
    const { type, reason } = classifyCategory({ name: "Men's Shoes", url: '/collections/mens-shoes' });
    assert.equal(type, 'PRODUCT');
    assert.match(reason, /product word "shoe"/);
    assert.match(reason, /gender "mens"/);
  });

  it('says which url or section word narrowed a gender name to a product', () => {
    const { reason } = classifyCategory({ name: 'Men', url: '/men', section: 'Shoes' });
    assert.match(reason, /gender word "men".*product word "shoe" in section "Shoes"/);
  });

  it('explains a brand decided by its section', () => {
    const { type, reason } = classifyCategory({ name: 'adidas', url: '/collections/adidas', section: 'Shop by Brand' });
    assert.equal(type, 'BRAND');
    assert.match(reason, /brand section "Shop by Brand"/);
  });

  it('tolerates malformed url encodings', () => {
    assert.equal(classifyCategory({ name: 'Shop', url: '/collections/%E0%A4%A-shoes' }).type, 'PRODUCT');
  });

  it('normalises case, accents, apostrophes and punctuation', () => {
    assert.equal(normaliseCategoryText("  WOMEN'S  Nouveautés & Co.  "), 'womens nouveautes co');
    assert.equal(normaliseCategoryText('Unterwäsche / Straße'), 'unterwasche strasse');
    assert.equal(normaliseCategoryText('Men’s'), 'mens');
  });
});
