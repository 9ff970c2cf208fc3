import { analytics, announcementBar, footer, navMenu } from '../chrome.js';
import { charsetMeta, esc, htmlDocument, jsonScript, schemaAvailability } from '../html.js';
import type { NonProductPage, PageContext } from '../page.types.js';
import type { ProductSpec } from '../catalog.js';
import { dawnPriceBlock } from './shopify-dawn.js';
import { shopifyImage } from './shopify-common.js';
import { wooImage, wooPriceHtml } from './woo-common.js';

function doc(context: PageContext, title: string, head: string[], body: string[], bodyAttributes?: string): string {
  return htmlDocument({ lang: context.locale.tag, charsetMeta: charsetMeta(context.charsetLabel), title, head, body, ...(bodyAttributes ? { bodyAttributes } : {}) });
}

function shopifyChrome(context: PageContext, main: string, pageType: string): string[] {
  const { store } = context;
  return [announcementBar(context, 'announcement-bar'), `<header class="header"><a href="/" class="header__heading-link"><span class="h2">${esc(store.name)}</span></a><nav class="header__inline-menu">${navMenu(context, 'list-menu', '/collections/')}</nav></header>`,
    `<main id="MainContent" class="content-for-layout" role="main">${main}</main>`, footer(context, 'footer'),
    `<script>window.ShopifyAnalytics = window.ShopifyAnalytics || {}; window.ShopifyAnalytics.meta = {"currency":"${context.product.price.currency}","page":{"pageType":"${pageType}"}};</script>`, analytics(context)];
}

function dawnCard(context: PageContext, other: ProductSpec): string {
  return `<li class="grid__item"><div class="card-wrapper product-card-wrapper"><div class="card card--standard card--media"><div class="card__inner"><div class="card__media"><img src="${esc(shopifyImage(context, other.imageKeys[0]!, 533, false))}" alt="${esc(other.title)}" loading="lazy" width="533" height="533"></div></div><div class="card__content"><h3 class="card__heading h5"><a href="/products/${esc(other.slug)}" class="full-unstyled-link">${esc(other.title)}</a></h3><div class="card-information"><div class="caption-with-letter-spacing light">${esc(other.brand ?? '')}</div>${dawnPriceBlock(context, other.price, other.compareAt)}</div></div></div></div></li>`;
}

/** A Shopify collection page: a grid of cards with prices, product meta of the listing. */
export const shopifyCollection: NonProductPage = {
  platform: 'shopify', style: 'collection',
  path: (context) => `/collections/${context.product.trail[context.product.trail.length - 1]!.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
  render(context) {
    const name = context.product.trail[context.product.trail.length - 1]!;
    const main = `<div class="collection-hero"><h1 class="collection-hero__title"><span class="visually-hidden">Collection: </span>${esc(name)}</h1><div class="collection-hero__description rte">${esc(context.locale.ui.categoryIntro)}</div></div>
<div class="facets-container"><facet-filters-form class="facets"><form id="FacetFiltersForm"><details class="disclosure-has-popup facets__disclosure"><summary>${esc(context.locale.ui.sortBy)}</summary></details><span class="product-count__text">${context.related.length} products</span></form></facet-filters-form></div>
<ul id="product-grid" class="grid product-grid grid--2-col-tablet-down grid--4-col-desktop">${context.related.map((other) => dawnCard(context, other)).join('\n')}</ul>
<nav class="pagination-wrapper" role="navigation" aria-label="Pagination"><ul class="pagination__list list-unstyled" role="list"><li><a class="pagination__item" aria-current="page">1</a></li><li><a href="?page=2" class="pagination__item link">2</a></li></ul></nav>`;
    return doc(context, `${name} – ${context.store.name}`, [`<meta property="og:type" content="website">`, `<meta property="og:title" content="${esc(name)}">`, `<link rel="canonical" href="${esc(context.url)}">`], shopifyChrome(context, main, 'collection'));
  },
};

/** A Shopify home page: hero, featured collection, Organization/WebSite JSON-LD. */
export const shopifyHome: NonProductPage = {
  platform: 'shopify', style: 'home',
  path: () => '/',
  render(context) {
    const { store } = context;
    const main = `<div class="banner banner--large"><div class="banner__content"><h2 class="banner__heading h0">${esc(context.locale.ui.categoryIntro)}</h2><a href="/collections/all" class="button button--primary">Shop all</a></div></div>
<div class="collection section-template--featured-padding"><div class="title-wrapper"><h2 class="title">Featured products</h2></div><ul class="grid product-grid contains-card grid--4-col-desktop">${context.related.slice(0, 8).map((other) => dawnCard(context, other)).join('\n')}</ul></div>`;
    return doc(context, store.name, [`<meta property="og:type" content="website">`, `<meta property="og:title" content="${esc(store.name)}">`,
      jsonScript({ '@context': 'http://schema.org', '@type': 'Organization', name: store.name, logo: `https://${store.host}/cdn/shop/files/logo.png`, sameAs: ['https://instagram.com/example'], url: `${store.origin}` }),
      jsonScript({ '@context': 'http://schema.org', '@type': 'WebSite', name: store.name, potentialAction: { '@type': 'SearchAction', target: `${store.origin}/search?q={search_term_string}`, 'query-input': 'required name=search_term_string' }, url: store.origin })],
    shopifyChrome(context, main, 'home'));
  },
};

/** Shopify's 404: "Page not found", continue shopping, a featured collection below. */
export const shopify404: NonProductPage = {
  platform: 'shopify', style: '404',
  path: (context) => `/products/${context.product.slug}-old`,
  render(context) {
    const main = `<div class="template-404 page-width page-margin center"><p class="caption-with-letter-spacing">404</p><h1 class="h2">${esc(context.locale.ui.notFound)}</h1><a href="/collections/all" class="button">Continue shopping</a></div>
<div class="collection"><h2 class="title">Bestsellers</h2><ul class="grid product-grid">${context.related.slice(0, 4).map((other) => dawnCard(context, other)).join('\n')}</ul></div>`;
    return doc(context, `404 Not Found – ${context.store.name}`, [], shopifyChrome(context, main, '404'));
  },
};

function wooCards(context: PageContext, items: ProductSpec[]): string {
  return `<ul class="products columns-4">${items.map((other, index) => `<li class="product type-product post-${other.id} status-publish ${index % 4 === 0 ? 'first ' : ''}instock has-post-thumbnail product-type-simple"><a href="${esc(context.store.origin)}/product/${esc(other.slug)}/" class="woocommerce-LoopProduct-link woocommerce-loop-product__link"><img width="324" height="324" src="${esc(wooImage(context, other.imageKeys[0]!, 324))}" class="attachment-woocommerce_thumbnail" alt=""><h2 class="woocommerce-loop-product__title">${esc(other.title)}</h2>${other.rating !== null ? `<div class="star-rating" role="img" aria-label="Rated ${other.rating} out of 5"><span style="width:${other.rating * 20}%">Rated <strong class="rating">${other.rating}</strong> out of 5</span></div>` : ''}<span class="price">${wooPriceHtml(context, other)}</span></a><a href="?add-to-cart=${other.id}" data-quantity="1" class="button product_type_simple add_to_cart_button ajax_add_to_cart" data-product_id="${other.id}" data-product_sku="${esc(other.sku ?? '')}" rel="nofollow">${esc(context.locale.ui.addToCart)}</a></li>`).join('\n')}</ul>`;
}

function wooChrome(context: PageContext, main: string, bodyClass: string): [string[], string] {
  const { store } = context;
  return [[`<header id="masthead" class="site-header"><div class="site-branding"><a href="${esc(store.origin)}/" class="site-title">${esc(store.name)}</a></div><nav id="site-navigation" class="main-navigation">${navMenu(context, 'menu', `${store.origin}/product-category/`)}</nav></header>`,
    `<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main" role="main">${main}</main></div></div>`, footer(context, 'site-footer'), analytics(context)], bodyClass];
}

/** A WooCommerce product category archive with a Yoast CollectionPage graph. */
export const wooCategory: NonProductPage = {
  platform: 'woocommerce', style: 'category',
  path: (context) => `/product-category/${context.product.trail[0]!.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/`,
  render(context) {
    const name = context.product.trail[0]!;
    const main = `<nav class="woocommerce-breadcrumb"><a href="${esc(context.store.origin)}">${esc(context.locale.ui.home)}</a>&nbsp;&#47;&nbsp;${esc(name)}</nav><header class="woocommerce-products-header"><h1 class="woocommerce-products-header__title page-title">${esc(name)}</h1><div class="term-description"><p>${esc(context.locale.ui.categoryIntro)}</p></div></header>
<p class="woocommerce-result-count">Showing 1&ndash;${context.related.length} of 48 results</p><form class="woocommerce-ordering" method="get"><select name="orderby" class="orderby" aria-label="Shop order"><option value="menu_order" selected='selected'>Default sorting</option><option value="price">Sort by price: low to high</option></select></form>
${wooCards(context, context.related)}<nav class="woocommerce-pagination"><ul class='page-numbers'><li><span aria-current="page" class="page-numbers current">1</span></li><li><a class="page-numbers" href="page/2/">2</a></li></ul></nav>`;
    const [body, bodyClass] = wooChrome(context, main, 'archive tax-product_cat woocommerce woocommerce-page');
    return doc(context, `${name} Archives - ${context.store.name}`, [jsonScript({ '@context': 'https://schema.org', '@graph': [{ '@type': 'CollectionPage', '@id': context.url, url: context.url, name: `${name} Archives - ${context.store.name}`, isPartOf: { '@id': `${context.store.origin}/#website` }, breadcrumb: { '@id': `${context.url}#breadcrumb` }, inLanguage: context.locale.tag }, { '@type': 'BreadcrumbList', '@id': `${context.url}#breadcrumb`, itemListElement: [{ '@type': 'ListItem', position: 1, name: context.locale.ui.home, item: `${context.store.origin}/` }, { '@type': 'ListItem', position: 2, name }] }] }, { attributes: 'class="yoast-schema-graph"' })], body, `class="${bodyClass}"`);
  },
};

/** WooCommerce 404: "Oops! That page can't be found." with a search form and popular products. */
export const woo404: NonProductPage = {
  platform: 'woocommerce', style: '404',
  path: (context) => `/product/${context.product.slug}-2/`,
  render(context) {
    const main = `<div class="error-404 not-found"><div class="page-content"><header class="page-header"><h1 class="page-title">Oops! That page can&rsquo;t be found.</h1></header><p>Nothing was found at this location. Try searching, or check out the links below.</p><form role="search" method="get" class="woocommerce-product-search" action="${esc(context.store.origin)}/"><input type="search" class="search-field" name="s"><button type="submit" value="Search">Search</button></form>
<section aria-label="Popular Products"><h2>Popular Products</h2>${wooCards(context, context.related.slice(0, 4))}</section></div></div>`;
    const [body, bodyClass] = wooChrome(context, main, 'error404 woocommerce-no-js');
    return doc(context, `Page not found - ${context.store.name}`, ['<meta name="robots" content="noindex, follow">'], body, `class="${bodyClass}"`);
  },
};

/** A WordPress blog post: BlogPosting in Yoast's graph, a product mentioned with a price in the text. */
export const blogPost: NonProductPage = {
  platform: 'woocommerce', style: 'blog-post',
  path: (context) => `/blog/2024/03/how-to-choose-${context.product.slug}/`,
  render(context) {
    const { product, store } = context;
    const title = `How to choose the right ${product.title}`;
    const main = `<article id="post-812" class="post-812 post type-post status-publish format-standard has-post-thumbnail hentry category-guides"><header class="entry-header"><h1 class="entry-title">${esc(title)}</h1><div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="2024-03-12T09:00:00+00:00">March 12, 2024</time></span> <span class="byline">by <span class="author vcard"><a class="url fn n" href="${esc(store.origin)}/author/anna/">Anna</a></span></span></div></header>
<div class="post-thumbnail"><img width="1200" height="800" src="${esc(wooImage(context, product.imageKeys[0]!, null))}" class="attachment-post-thumbnail wp-post-image" alt=""></div>
<div class="entry-content"><p>${esc(product.description)}</p><p>Our pick this season is the <a href="${esc(store.origin)}/product/${esc(product.slug)}/">${esc(product.title)}</a>, now ${esc(context.money(product.price))} (was ${esc(context.money({ amount: (Number(product.price.amount) * 1.2).toFixed(context.locale.decimals), currency: product.price.currency }))}).</p><h2>What to look for</h2><p>Fit, materials and warranty matter more than the brand. Compare at least three models before you buy.</p><div class="wp-block-buttons"><div class="wp-block-button"><a class="wp-block-button__link" href="${esc(store.origin)}/product/${esc(product.slug)}/">Shop now</a></div></div></div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="${esc(store.origin)}/category/guides/" rel="category tag">Guides</a></span></footer></article>
<div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts on &ldquo;${esc(title)}&rdquo;</h2></div>`;
    const [body] = wooChrome(context, main, 'post-template-default single single-post');
    return doc(context, `${title} - ${store.name}`, ['<meta property="og:type" content="article">', `<meta property="og:title" content="${esc(title)}">`, `<meta property="article:published_time" content="2024-03-12T09:00:00+00:00">`,
      jsonScript({ '@context': 'https://schema.org', '@graph': [{ '@type': 'Article', '@id': `${context.url}#article`, headline: title, datePublished: '2024-03-12T09:00:00+00:00', author: { name: 'Anna', '@id': `${store.origin}/#/schema/person/1` }, mainEntityOfPage: { '@id': context.url }, image: { '@id': `${context.url}#primaryimage` }, articleSection: ['Guides'], inLanguage: context.locale.tag }, { '@type': 'WebPage', '@id': context.url, url: context.url, name: title }] }, { attributes: 'class="yoast-schema-graph"' })], body, 'class="post-template-default single single-post"');
  },
};

/** A review article: Review JSON-LD whose itemReviewed is a Product with an offer (not a page that sells it). */
export const reviewArticle: NonProductPage = {
  platform: 'custom', style: 'review-article',
  path: (context) => `/reviews/${context.product.slug}-review`,
  render(context) {
    const { product, store } = context;
    const title = `${product.title} review: worth it?`;
    const review = jsonScript({ '@context': 'https://schema.org', '@type': 'Review', name: title, author: { '@type': 'Person', name: 'Sam Okafor' }, datePublished: '2024-05-02', reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 5 },
      itemReviewed: { '@type': 'Product', name: product.title, image: `https://images.${store.host}/reviews/${product.imageKeys[0]}.jpg`, ...(product.brand ? { brand: { '@type': 'Brand', name: product.brand } } : {}), offers: { '@type': 'Offer', price: product.price.amount, priceCurrency: product.price.currency, availability: schemaAvailability('IN_STOCK'), url: `https://shop.example/products/${product.slug}` } },
      publisher: { '@type': 'Organization', name: store.name } });
    const main = `<article class="review"><p class="kicker">Reviews</p><h1>${esc(title)}</h1><p class="byline">By Sam Okafor · May 2, 2024</p><img src="https://images.${esc(store.host)}/reviews/${esc(product.imageKeys[0]!)}.jpg" alt="${esc(product.title)}">
<aside class="verdict"><h2>Verdict: 4/5</h2><ul class="pros"><li>Comfortable</li><li>Well made</li></ul><ul class="cons"><li>Pricey</li></ul><p class="price-box">Price when reviewed: ${esc(context.money(product.price))}</p><a class="btn" rel="sponsored nofollow" href="https://shop.example/products/${esc(product.slug)}">Check price at Shop</a></aside>
<p>${esc(product.description)}</p><p>We tested it for six weeks. Here is what we found.</p></article>`;
    return doc(context, `${title} | ${store.name}`, ['<meta property="og:type" content="article">', `<meta property="og:title" content="${esc(title)}">`, review],
      [`<header class="site"><a href="/">${esc(store.name)}</a></header>`, `<main>${main}</main>`, footer(context, 'site-footer')]);
  },
};

function itemListLd(context: PageContext, items: ProductSpec[]): string {
  return jsonScript({ '@context': 'https://schema.org', '@type': 'ItemList', itemListElement: items.map((other, index) => ({ '@type': 'ListItem', position: index + 1,
    item: { '@type': 'Product', name: other.title, url: `${context.store.origin}/p/${other.slug}`, image: `https://images.${context.store.host}/products/${other.imageKeys[0]}.webp`, ...(other.sku ? { sku: other.sku } : {}), offers: { '@type': 'Offer', price: other.price.amount, priceCurrency: other.price.currency, availability: schemaAvailability('IN_STOCK') } } })) });
}

function tiles(context: PageContext, items: ProductSpec[]): string {
  return `<ul class="plp-grid">${items.map((other) => `<li class="tile" data-sku="${esc(other.sku ?? '')}"><a href="/p/${esc(other.slug)}"><img src="https://images.${esc(context.store.host)}/products/${esc(other.imageKeys[0]!)}.webp?w=400" alt="${esc(other.title)}"><h3 class="tile__name">${esc(other.title)}</h3></a>${other.compareAt ? `<s class="tile__was">${esc(context.money(other.compareAt))}</s>` : ''}<span class="tile__price">${esc(context.money(other.price))}</span><button class="tile__add">${esc(context.locale.ui.addToCart)}</button></li>`).join('')}</ul>`;
}

/** A headless shop's category page with ItemList JSON-LD of Products; `single` lists exactly one product. */
function customCategory(style: string, single: boolean): NonProductPage {
  return {
    platform: 'custom', style,
    path: (context) => `/c/${context.product.trail.map((name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-')).join('/')}${single ? '?brand=1' : ''}`,
    render(context) {
      const items = single ? context.related.slice(0, 1) : context.related;
      const name = context.product.trail[context.product.trail.length - 1]!;
      const main = `<nav aria-label="breadcrumb"><ol class="crumbs"><li><a href="/">${esc(context.locale.ui.home)}</a></li>${context.product.trail.slice(0, -1).map((crumb) => `<li><a href="/c/x">${esc(crumb)}</a></li>`).join('')}<li aria-current="page">${esc(name)}</li></ol></nav><h1 class="plp-title">${esc(name)}</h1><p class="plp-count">${items.length} ${items.length === 1 ? 'product' : 'products'}</p><aside class="filters"><h2>Filter</h2><label><input type="checkbox"> ${esc(context.locale.ui.inStock)}</label></aside>${tiles(context, items)}`;
      return doc(context, `${name} | ${context.store.name}`, ['<meta name="viewport" content="width=device-width">', itemListLd(context, items)], [`<header><a href="/">${esc(context.store.name)}</a>${navMenu(context, 'nav', '/c/')}</header>`, `<main>${main}</main>`, footer(context, 'footer')]);
    },
  };
}

export const customCategoryPage = customCategory('category-itemlist', false);
export const customSingleItemCategory = customCategory('category-one-item', true);

/** Search results of a custom shop. */
export const customSearch: NonProductPage = {
  platform: 'custom', style: 'search',
  path: (context) => `/search?q=${encodeURIComponent(context.product.trail[context.product.trail.length - 1]!)}`,
  render(context) {
    const query = context.product.trail[context.product.trail.length - 1]!;
    return doc(context, `${context.locale.ui.search}: ${query} | ${context.store.name}`, ['<meta name="robots" content="noindex">'],
      [`<header><a href="/">${esc(context.store.name)}</a><form action="/search"><input name="q" value="${esc(query)}"></form></header>`, `<main><h1>${context.related.length} results for “${esc(query)}”</h1>${tiles(context, context.related)}</main>`, footer(context, 'footer')]);
  },
};

/** A cart page with one line: title, price, quantity, total, checkout button. */
export const customCart: NonProductPage = {
  platform: 'custom', style: 'cart',
  path: () => '/cart',
  render(context) {
    const { product } = context;
    const main = `<h1>${esc(context.locale.ui.cart)}</h1><table class="cart-items"><thead><tr><th>Product</th><th>Price</th><th>${esc(context.locale.ui.quantity)}</th><th>Total</th></tr></thead><tbody><tr class="cart-item" data-sku="${esc(product.sku ?? '')}"><td><img src="https://images.${esc(context.store.host)}/products/${esc(product.imageKeys[0]!)}.webp?w=120" alt=""><a href="/p/${esc(product.slug)}">${esc(product.title)}</a>${product.brand ? `<div class="cart-item__brand">${esc(product.brand)}</div>` : ''}</td><td class="cart-item__price">${esc(context.money(product.price))}</td><td><input type="number" name="updates[]" value="1" min="0"></td><td>${esc(context.money(product.price))}</td></tr></tbody></table>
<div class="cart__footer"><p class="totals__subtotal">Subtotal ${esc(context.money(product.price))}</p><p>${esc(context.locale.ui.taxIncluded)}</p><button type="submit" name="checkout" class="cart__checkout-button button">Check out</button></div>`;
    return doc(context, `${context.locale.ui.cart} | ${context.store.name}`, ['<meta name="robots" content="noindex">'], [`<header><a href="/">${esc(context.store.name)}</a></header>`, `<main>${main}</main>`, footer(context, 'footer')]);
  },
};

/** A Magento category listing: Luma product items with price boxes (data-price-amount), toolbar, layered navigation. */
export const magentoCategory: NonProductPage = {
  platform: 'magento', style: 'category',
  path: (context) => `/${context.product.trail[0]!.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.html`,
  render(context) {
    const name = context.product.trail[0]!;
    const items = context.related.map((other) => `<li class="item product product-item"><div class="product-item-info" data-container="product-grid"><a href="${esc(context.store.origin)}/${esc(other.slug)}.html" class="product photo product-item-photo"><img class="product-image-photo" src="${esc(context.store.origin)}/media/catalog/product/cache/0f831c1845fc143d00d6d1ebc49f446a/${esc(other.imageKeys[0]![0]!)}/x/${esc(other.imageKeys[0]!)}.jpg" alt="${esc(other.title)}"></a><div class="product details product-item-details"><strong class="product name product-item-name"><a class="product-item-link" href="${esc(context.store.origin)}/${esc(other.slug)}.html">${esc(other.title)}</a></strong><div class="price-box price-final_price" data-role="priceBox" data-product-id="${other.id}" data-price-box="product-id-${other.id}"><span class="price-container price-final_price tax weee"><span id="product-price-${other.id}" data-price-amount="${Number(other.price.amount)}" data-price-type="finalPrice" class="price-wrapper "><span class="price">${esc(context.money(other.price))}</span></span></span></div><div class="product-item-inner"><div class="product actions product-item-actions"><div class="actions-primary"><form data-role="tocart-form" data-product-sku="${esc(other.sku ?? '')}" action="${esc(context.store.origin)}/checkout/cart/add/product/${other.id}/" method="post"><button type="submit" title="${esc(context.locale.ui.addToCart)}" class="action tocart primary"><span>${esc(context.locale.ui.addToCart)}</span></button></form></div></div></div></div></div></li>`).join('\n');
    const main = `<div class="page-title-wrapper"><h1 class="page-title" id="page-title-heading"><span class="base" data-ui-id="page-title-wrapper">${esc(name)}</span></h1></div><div class="toolbar toolbar-products"><p class="toolbar-amount" id="toolbar-amount">Items <span class="toolbar-number">1</span>-<span class="toolbar-number">${context.related.length}</span> of <span class="toolbar-number">87</span></p></div><div class="products wrapper grid products-grid"><ol class="products list items product-items">${items}</ol></div>`;
    return doc(context, name, ['<meta name="robots" content="INDEX,FOLLOW"/>', `<link rel="canonical" href="${esc(context.url)}" />`],
      [`<header class="page-header"><a class="logo" href="${esc(context.store.origin)}/">${esc(context.store.name)}</a></header>`, `<main id="maincontent" class="page-main"><div class="columns"><div class="column main">${main}</div></div></main>`, footer(context, 'page-footer')],
      'class="page-with-filter page-products categorypath-x category-x catalog-category-view page-layout-2columns-left"');
  },
};

/** A custom shop's soft 404 served with status 200. */
export const custom404: NonProductPage = {
  platform: 'custom', style: 'soft-404',
  path: (context) => `/p/${context.product.id}999`,
  render(context) {
    return doc(context, `${context.locale.ui.notFound} | ${context.store.name}`, ['<meta name="robots" content="noindex">'],
      [`<header><a href="/">${esc(context.store.name)}</a></header>`, `<main class="not-found"><h1>${esc(context.locale.ui.notFound)}</h1><p>${esc(context.locale.ui.notFoundText)}</p><a href="/" class="btn">${esc(context.locale.ui.home)}</a><h2>${esc(context.locale.ui.related)}</h2>${tiles(context, context.related.slice(0, 4))}</main>`, footer(context, 'footer')]);
  },
};
