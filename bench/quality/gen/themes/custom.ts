import { analytics, carousel, footer, navMenu } from '../chrome.js';
import { charsetMeta, esc, htmlDocument, jsonScript, schemaAvailability, stars } from '../html.js';
import type { PageContext, ProductTheme } from '../page.types.js';

function cdnImage(context: PageContext, key: string, width: number | null): string {
  return `https://images.${context.store.host}/products/${key}.webp${width ? `?w=${width}&q=80` : ''}`;
}

function prepareCustom(context: PageContext): void {
  context.product.images = context.product.imageKeys.map((key) => cdnImage(context, key, null));
}

function stockText(context: PageContext): string {
  const { product, locale } = context;
  switch (product.availability) {
    case 'IN_STOCK':
      return product.stockLeft <= 5 ? locale.ui.lowStock.replace('{n}', String(product.stockLeft)) : locale.ui.inStock;
    case 'OUT_OF_STOCK':
      return locale.ui.outOfStock;
    case 'PREORDER':
      return locale.ui.preorderNote.replace('{n}', '18');
    case 'BACKORDER':
      return locale.ui.backorder;
    case 'DISCONTINUED':
      return locale.ui.discontinued;
    default:
      return '';
  }
}

function buyLabel(context: PageContext): string {
  const ui = context.locale.ui;
  switch (context.product.availability) {
    case 'OUT_OF_STOCK':
    case 'DISCONTINUED':
      return ui.soldOut;
    case 'PREORDER':
      return ui.preorder;
    default:
      return ui.addToCart;
  }
}

function simpleCard(context: PageContext, other: PageContext['product']): string {
  return `<a class="card" href="/p/${esc(other.slug)}" data-sku="${esc(other.sku ?? '')}"><img src="${esc(cdnImage(context, other.imageKeys[0]!, 400))}" alt="${esc(other.title)}" loading="lazy"><span class="card-title">${esc(other.title)}</span>${other.compareAt ? `<s class="card-was">${esc(context.money(other.compareAt))}</s>` : ''}<span class="card-price">${esc(context.money(other.price))}</span>${other.rating !== null ? `<span class="card-rating">${stars(other.rating)} (${other.reviewCount})</span>` : ''}</a>`;
}

function crumbList(context: PageContext, listClass: string, withHome: boolean): string {
  const { product, locale } = context;
  if (!product.breadcrumbs) return '';
  const items = [...(withHome ? [locale.ui.home] : []), ...product.breadcrumbs].map((name, i) => `<li><a href="/c/${i}">${esc(name)}</a></li>`);
  return `<nav aria-label="breadcrumb"><ol class="${listClass}">${items.join('')}<li aria-current="page">${esc(product.title)}</li></ol></nav>`;
}

/** A headless Next.js storefront: everything in __NEXT_DATA__, Tailwind markup with data-testid, JSON-LD when the team added it. */
export const customNextjs: ProductTheme = {
  platform: 'custom',
  style: 'nextjs',
  path: (context) => `/products/${context.product.slug}`,
  prepare: prepareCustom,
  render(context) {
    const { product, locale, scenario, store } = context;
    if (scenario.staleStructuredPrice && scenario.structured) context.tags.push('stale-json-ld');
    const shown = scenario.staleStructuredPrice && product.compareAt ? product.compareAt : product.price;
    const nextData = { props: { pageProps: { product: {
      id: `prod_${product.id}`, handle: product.slug, name: product.title, brand: product.brand ? { name: product.brand } : null, sku: product.sku,
      price: { value: Math.round(Number(product.price.amount) * 10 ** locale.decimals), currencyCode: product.price.currency, precision: locale.decimals },
      listPrice: product.compareAt ? { value: Math.round(Number(product.compareAt.amount) * 10 ** locale.decimals), currencyCode: product.compareAt.currency, precision: locale.decimals } : null,
      inventory: { status: product.availability.toLowerCase(), quantity: product.availability === 'IN_STOCK' ? product.stockLeft : 0 },
      media: product.imageKeys.map((key) => ({ url: cdnImage(context, key, null), width: 2000, height: 2000 })),
      gtin: product.gtin, mpn: product.mpn, rating: product.rating, reviewCount: product.reviewCount, breadcrumbs: product.breadcrumbs,
      variants: product.variants.map((variant) => ({ id: `var_${variant.id}`, sku: variant.sku, option: variant.value, available: variant.available })),
    }, recommendations: context.related.map((other) => ({ name: other.title, sku: other.sku, price: Number(other.price.amount), slug: other.slug })) } },
    page: '/products/[handle]', query: { handle: product.slug }, buildId: context.rng.chars('abcdefghijklmnopqrstuvwxyz0123456789_-', 21), isFallback: false, gssp: true, locale: locale.tag, locales: [locale.tag], scriptLoader: [] };
    const jsonLd = scenario.structured ? jsonScript({
      '@context': 'https://schema.org', '@type': 'Product', name: product.title, image: product.images, description: product.description,
      sku: product.sku ?? undefined, ...(product.gtin ? { gtin: product.gtin } : {}), ...(product.mpn ? { mpn: product.mpn } : {}), ...(product.brand ? { brand: { '@type': 'Brand', name: product.brand } } : {}),
      offers: { '@type': 'Offer', url: context.url, priceCurrency: shown.currency, price: Number(shown.amount), availability: schemaAvailability(product.availability), itemCondition: 'https://schema.org/NewCondition' },
      ...(product.rating !== null ? { aggregateRating: { '@type': 'AggregateRating', ratingValue: product.rating, reviewCount: product.reviewCount } } : {}),
    }) : '';
    const main = `<div class="mx-auto max-w-7xl px-4 sm:px-6 lg:px-8">${crumbList(context, 'flex items-center space-x-2 text-sm text-gray-500', true)}
<div class="lg:grid lg:grid-cols-2 lg:gap-x-8"><div class="aspect-square overflow-hidden rounded-lg"><img alt="${esc(product.title)}" fetchpriority="high" width="800" height="800" decoding="async" data-nimg="1" class="h-full w-full object-cover" srcset="/_next/image?url=${esc(encodeURIComponent(cdnImage(context, product.imageKeys[0]!, null)))}&amp;w=828&amp;q=75 1x, /_next/image?url=${esc(encodeURIComponent(cdnImage(context, product.imageKeys[0]!, null)))}&amp;w=1920&amp;q=75 2x" src="/_next/image?url=${esc(encodeURIComponent(cdnImage(context, product.imageKeys[0]!, null)))}&amp;w=1920&amp;q=75"></div>
<div class="mt-10 px-4 sm:mt-16 sm:px-0 lg:mt-0">${product.brand ? `<p class="text-sm font-medium uppercase tracking-wide text-indigo-600" data-testid="product-brand">${esc(product.brand)}</p>` : ''}
<h1 class="text-3xl font-bold tracking-tight text-gray-900" data-testid="product-title">${esc(product.title)}</h1>
<div class="mt-3"><h2 class="sr-only">Product information</h2><p class="text-3xl tracking-tight text-gray-900"><span data-testid="product-price">${esc(context.money(product.price))}</span>${product.compareAt ? ` <span class="ml-2 text-lg text-gray-500 line-through" data-testid="product-compare-price">${esc(context.money(product.compareAt))}</span>` : ''}</p></div>
${product.rating !== null ? `<div class="mt-3 flex items-center"><div class="flex items-center" aria-hidden="true">${stars(product.rating)}</div><p class="sr-only">${product.rating} out of 5 stars</p><a href="#reviews" class="ml-3 text-sm font-medium text-indigo-600">${product.reviewCount} reviews</a></div>` : ''}
<p class="mt-2 text-sm ${product.availability === 'IN_STOCK' ? 'text-green-700' : 'text-red-700'}" data-testid="stock-status">${esc(stockText(context))}</p>
${product.variants.length > 0 ? `<fieldset class="mt-6"><legend class="text-sm font-medium">${esc(product.optionName ?? '')}</legend><div class="grid grid-cols-4 gap-3">${product.variants.map((variant) => `<label class="flex items-center justify-center rounded-md border py-3 text-sm font-medium uppercase ${variant.available ? 'cursor-pointer bg-white' : 'cursor-not-allowed bg-gray-50 text-gray-200'}"><input type="radio" name="size" value="${esc(variant.value)}" class="sr-only"${variant.available ? '' : ' disabled'}><span>${esc(variant.value)}</span></label>`).join('')}</div></fieldset>` : ''}
<button type="button" class="mt-8 flex w-full items-center justify-center rounded-md bg-indigo-600 px-8 py-3 text-base font-medium text-white"${product.availability === 'OUT_OF_STOCK' || product.availability === 'DISCONTINUED' ? ' disabled' : ''}>${esc(buyLabel(context))}</button>
<div class="mt-6 prose prose-sm" data-testid="product-description"><p>${esc(product.description)}</p></div>
<dl class="mt-6 text-xs text-gray-500">${product.sku ? `<dt class="inline">${esc(locale.ui.sku)}:</dt> <dd class="inline" data-testid="product-sku">${esc(product.sku)}</dd>` : ''}${product.gtin ? `<dt class="inline ml-4">${esc(locale.ui.gtin)}:</dt> <dd class="inline">${esc(product.gtin)}</dd>` : ''}${product.mpn ? `<dt class="inline ml-4">${esc(locale.ui.mpn)}:</dt> <dd class="inline">${esc(product.mpn)}</dd>` : ''}</dl></div></div></div>`;
    return htmlDocument({
      lang: product.language, charsetMeta: charsetMeta(context.charsetLabel), title: `${product.title} | ${store.name}`,
      head: ['<meta name="viewport" content="width=device-width"/>', `<link rel="canonical" href="${esc(context.url)}"/>`, `<meta property="og:title" content="${esc(product.title)}"/>`, `<meta property="og:image" content="${esc(cdnImage(context, product.imageKeys[0]!, 1200))}"/>`, jsonLd,
        `<link rel="preload" href="/_next/static/css/${context.rng.hex(16)}.css" as="style"/>`],
      body: [`<div id="__next"><header class="bg-white"><nav class="mx-auto flex max-w-7xl items-center justify-between p-6"><a href="/" class="-m-1.5 p-1.5 font-bold">${esc(store.name)}</a>${navMenu(context, 'hidden lg:flex lg:gap-x-12', '/collections/')}</nav></header>`,
        `<main>${main}${carousel(context, locale.ui.related, 'mt-16 recommendations', (other) => simpleCard(context, other))}</main>`, footer(context, 'bg-gray-900'), '</div>',
        jsonScript(nextData, { type: 'application/json', attributes: 'id="__NEXT_DATA__"' }), analytics(context)],
    });
  },
};

/** A hand-rolled shop with schema.org microdata only (no JSON-LD, no OpenGraph). */
export const customMicrodata: ProductTheme = {
  platform: 'custom',
  style: 'microdata-only',
  path: (context) => `/shop/item/${context.product.id}/${context.product.slug}`,
  prepare: prepareCustom,
  render(context) {
    const { product, locale, store } = context;
    const brandNode = product.brand ? (context.rng.chance(0.5) ? `<div itemprop="brand" itemscope itemtype="https://schema.org/Brand">${esc(locale.ui.brand)}: <span itemprop="name">${esc(product.brand)}</span></div>` : `<p>${esc(locale.ui.brand)}: <span itemprop="brand">${esc(product.brand)}</span></p>`) : '';
    const main = `<article class="product" itemscope itemtype="https://schema.org/Product">
${crumbList(context, 'crumbs', true)}
<div class="product-gallery">${product.imageKeys.map((key, index) => `<img ${index === 0 ? 'itemprop="image" ' : ''}src="${esc(cdnImage(context, key, null))}" alt="${esc(product.title)}" width="600" height="600">`).join('')}</div>
<div class="product-info"><h1 itemprop="name">${esc(product.title)}</h1>${brandNode}
${product.rating !== null ? `<div class="rating" itemprop="aggregateRating" itemscope itemtype="https://schema.org/AggregateRating"><span itemprop="ratingValue">${product.rating}</span>/<span itemprop="bestRating">5</span> (<span itemprop="reviewCount">${product.reviewCount}</span> ${esc(locale.ui.reviews.replace('{n}', '').trim())})</div>` : ''}
<div class="offer" itemprop="offers" itemscope itemtype="https://schema.org/Offer">${product.compareAt ? `<del class="old">${esc(context.money(product.compareAt))}</del> ` : ''}<span class="now" itemprop="price" content="${Number(product.price.amount).toFixed(locale.decimals)}">${esc(context.money(product.price))}</span><meta itemprop="priceCurrency" content="${product.price.currency}"><link itemprop="availability" href="${schemaAvailability(product.availability)}"><span class="stock">${esc(stockText(context))}</span></div>
<ul class="ids">${product.sku ? `<li>${esc(locale.ui.sku)}: <span itemprop="sku">${esc(product.sku)}</span></li>` : ''}${product.gtin ? `<li>${esc(locale.ui.gtin)}: <span itemprop="gtin13">${esc(product.gtin)}</span></li>` : ''}${product.mpn ? `<li>${esc(locale.ui.mpn)}: <span itemprop="mpn">${esc(product.mpn)}</span></li>` : ''}</ul>
<form action="/cart/add" method="post"><input type="hidden" name="product" value="${product.id}"><button type="submit"${product.availability === 'OUT_OF_STOCK' || product.availability === 'DISCONTINUED' ? ' disabled' : ''}>${esc(buyLabel(context))}</button></form>
<div itemprop="description">${esc(product.description)}</div></div></article>`;
    return htmlDocument({
      lang: product.language, charsetMeta: charsetMeta(context.charsetLabel), title: `${product.title} - ${store.name}`, head: ['<meta name="viewport" content="width=device-width, initial-scale=1">', '<link rel="stylesheet" href="/css/shop.css">'],
      body: [`<header class="top"><a class="logo" href="/">${esc(store.name)}</a>${navMenu(context, 'menu', '/shop/')}</header>`, `<main>${main}`, carousel(context, locale.ui.related, 'also', (other) => simpleCard(context, other)), '</main>', footer(context, 'bottom')],
    });
  },
};

/** A shop marked up with schema.org in RDFa Lite only. */
export const customRdfa: ProductTheme = {
  platform: 'custom',
  style: 'rdfa-only',
  path: (context) => `/catalog/${context.product.slug}.html`,
  prepare: prepareCustom,
  render(context) {
    const { product, locale, store } = context;
    const main = `<div vocab="https://schema.org/" typeof="Product" resource="#product">
<h1 property="name">${esc(product.title)}</h1>
<img property="image" src="${esc(cdnImage(context, product.imageKeys[0]!, null))}" alt="${esc(product.title)}">
${product.imageKeys.slice(1).map((key) => `<img src="${esc(cdnImage(context, key, 300))}" alt="" class="thumb">`).join('')}
${product.brand ? `<p>${esc(locale.ui.brand)}: <span property="brand" typeof="Brand"><span property="name">${esc(product.brand)}</span></span></p>` : ''}
${product.sku ? `<p>${esc(locale.ui.sku)}: <span property="sku">${esc(product.sku)}</span></p>` : ''}
${product.gtin ? `<p>${esc(locale.ui.gtin)}: <span property="gtin13">${esc(product.gtin)}</span></p>` : ''}
${product.mpn ? `<p>${esc(locale.ui.mpn)}: <span property="mpn">${esc(product.mpn)}</span></p>` : ''}
${product.rating !== null ? `<div property="aggregateRating" typeof="AggregateRating"><span property="ratingValue">${product.rating}</span> / 5 — <span property="reviewCount">${product.reviewCount}</span> ${esc(locale.ui.reviews.replace('{n}', '').trim())}</div>` : ''}
<div property="offers" typeof="Offer">${product.compareAt ? `<s>${esc(context.money(product.compareAt))}</s> ` : ''}<span property="price" content="${Number(product.price.amount).toFixed(locale.decimals)}">${esc(context.money(product.price))}</span><meta property="priceCurrency" content="${product.price.currency}"><link property="availability" href="${schemaAvailability(product.availability)}"><span class="availability">${esc(stockText(context))}</span></div>
<p property="description">${esc(product.description)}</p>
<button type="button"${product.availability === 'OUT_OF_STOCK' ? ' disabled' : ''}>${esc(buyLabel(context))}</button>
</div>`;
    return htmlDocument({
      lang: product.language, charsetMeta: charsetMeta(context.charsetLabel), title: `${product.title} | ${store.name}`, head: ['<link rel="stylesheet" href="/static/site.css">'],
      body: [`<div id="header"><a href="/">${esc(store.name)}</a></div>`, crumbList(context, 'breadcrumb', true), main, carousel(context, locale.ui.related, 'related', (other) => simpleCard(context, other)), footer(context, 'footer')],
    });
  },
};

/** A shop whose only machine-readable data is OpenGraph/Facebook product tags. */
export const customOpenGraph: ProductTheme = {
  platform: 'custom',
  style: 'opengraph-only',
  path: (context) => `/item/${context.product.slug}`,
  prepare: prepareCustom,
  render(context) {
    const { product, locale, store } = context;
    const regularAsPrice = product.compareAt !== null && context.rng.chance(0.5);
    if (regularAsPrice) context.tags.push('og-sale-price');
    const ogAvailability = { IN_STOCK: 'in stock', OUT_OF_STOCK: 'out of stock', PREORDER: 'preorder', BACKORDER: 'available for order', DISCONTINUED: 'discontinued' }[product.availability];
    const og = [
      '<meta property="og:type" content="product">', `<meta property="og:title" content="${esc(product.title)}">`, `<meta property="og:url" content="${esc(context.url)}">`,
      `<meta property="og:site_name" content="${esc(store.name)}">`, `<meta property="og:description" content="${esc(product.description)}">`,
      ...product.imageKeys.slice(0, 3).map((key) => `<meta property="og:image" content="${esc(cdnImage(context, key, null))}">`),
      `<meta property="product:price:amount" content="${Number((regularAsPrice ? product.compareAt! : product.price).amount).toFixed(locale.decimals)}">`,
      `<meta property="product:price:currency" content="${product.price.currency}">`,
      ...(regularAsPrice ? [`<meta property="product:sale_price:amount" content="${Number(product.price.amount).toFixed(locale.decimals)}">`, `<meta property="product:sale_price:currency" content="${product.price.currency}">`]
        : product.compareAt ? [`<meta property="product:original_price:amount" content="${Number(product.compareAt.amount).toFixed(locale.decimals)}">`, `<meta property="product:original_price:currency" content="${product.price.currency}">`] : []),
      `<meta property="product:availability" content="${ogAvailability}">`, '<meta property="product:condition" content="new">',
      ...(product.brand ? [`<meta property="product:brand" content="${esc(product.brand)}">`] : []),
      ...(product.sku ? [`<meta property="product:retailer_item_id" content="${esc(product.sku)}">`] : []),
      ...(product.gtin ? [`<meta property="product:gtin" content="${esc(product.gtin)}">`] : []),
      ...(product.mpn ? [`<meta property="product:mfr_part_no" content="${esc(product.mpn)}">`] : []),
      `<meta property="og:locale" content="${(product.language ?? 'en-US').replace('-', '_')}">`,
    ];
    const body = `<div class="wrap"><h1 class="name">${esc(product.title)}</h1>
<div class="pic"><img src="${esc(cdnImage(context, product.imageKeys[0]!, 800))}" alt=""></div>
<div class="buy"><div class="amount">${product.compareAt ? `<span class="was">${esc(context.money(product.compareAt))}</span> ` : ''}<b>${esc(context.money(product.price))}</b></div>
<div class="avail">${esc(stockText(context))}</div><a class="btn" href="/cart/add/${product.id}">${esc(buyLabel(context))}</a></div>
${product.rating !== null ? `<div class="rv">${stars(product.rating)} ${product.rating} (${product.reviewCount})</div>` : ''}
<div class="txt">${esc(product.description)}</div></div>`;
    return htmlDocument({ lang: product.language, charsetMeta: charsetMeta(context.charsetLabel), title: product.title, head: og, body: [`<div class="bar"><a href="/">${esc(store.name)}</a></div>`, crumbList(context, 'path', false), body, carousel(context, locale.ui.related, 'more', (other) => simpleCard(context, other))] });
  },
};

/** A shop with no machine-readable product data at all: only what a person reads. */
export const customVisible: ProductTheme = {
  platform: 'custom',
  style: 'visible-only',
  path: (context) => `/p/${context.product.id}`,
  prepare: prepareCustom,
  render(context) {
    const { product, locale, store } = context;
    const ui = locale.ui;
    const body = `<div class="pdp"><div class="pdp__media">${product.imageKeys.map((key, index) => `<img class="pdp__img${index === 0 ? ' pdp__img--main' : ''}" src="${esc(cdnImage(context, key, index === 0 ? 1200 : 200))}" alt="${esc(product.title)}">`).join('')}</div>
<div class="pdp__info"><h1 class="pdp__title">${esc(product.title)}</h1>
${product.brand ? `<div class="pdp__brand">${esc(ui.brand)}: <a href="/brands/${esc(encodeURIComponent(product.brand))}">${esc(product.brand)}</a></div>` : ''}
${product.rating !== null ? `<div class="pdp__rating"><span class="stars">${stars(product.rating)}</span> ${product.rating} · ${esc(ui.reviews.replace('{n}', String(product.reviewCount)))}</div>` : ''}
<div class="pdp__price">${product.compareAt ? `<span class="pdp__price--old">${esc(ui.regularPrice)}: ${esc(context.money(product.compareAt))}</span> ` : ''}<span class="pdp__price--now">${esc(context.money(product.price))}</span> <small>${esc(ui.taxIncluded)}</small></div>
<div class="pdp__stock">${esc(stockText(context))}</div>
<button class="pdp__buy"${product.availability === 'OUT_OF_STOCK' || product.availability === 'DISCONTINUED' ? ' disabled' : ''}>${esc(buyLabel(context))}</button>
<table class="pdp__specs">${product.sku ? `<tr><th>${esc(ui.sku)}</th><td>${esc(product.sku)}</td></tr>` : ''}${product.gtin ? `<tr><th>${esc(ui.gtin)}</th><td>${esc(product.gtin)}</td></tr>` : ''}${product.mpn ? `<tr><th>${esc(ui.mpn)}</th><td>${esc(product.mpn)}</td></tr>` : ''}</table>
<div class="pdp__desc">${esc(product.description)}</div></div></div>`;
    return htmlDocument({ lang: product.language, charsetMeta: charsetMeta(context.charsetLabel), title: `${product.title} – ${store.name}`, head: [], body: [`<div class="nav"><a href="/">${esc(store.name)}</a> ${navMenu(context, 'nav__list', '/c/')}</div>`, crumbList(context, 'crumbs', true), body, carousel(context, locale.ui.related, 'reco', (other) => simpleCard(context, other)), footer(context, 'foot')] });
  },
};
