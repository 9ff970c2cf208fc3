import { collapseAvailability } from '../catalog.js';
import { analytics, footer } from '../chrome.js';
import { charsetMeta, esc, htmlDocument, jsonScript, schemaAvailability } from '../html.js';
import { formatNumber } from '../money.js';
import type { PageContext, ProductTheme } from '../page.types.js';

const AMAZON_STORE: Record<string, (brand: string) => string> = {
  en: (brand) => `Visit the ${brand} Store`, de: (brand) => `Besuche den ${brand}-Store`, ja: (brand) => `ブランド: ${brand}`,
  fr: (brand) => `Visiter la boutique ${brand}`, es: (brand) => `Visita la tienda de ${brand}`, it: (brand) => `Visita lo Store di ${brand}`,
};

function amazonAvailability(context: PageContext): string {
  const { product, locale } = context;
  const en = locale.lang === 'en';
  switch (product.availability) {
    case 'IN_STOCK':
      return product.stockLeft <= 5 ? (en ? `Only ${product.stockLeft} left in stock - order soon.` : locale.ui.lowStock.replace('{n}', String(product.stockLeft))) : locale.ui.inStock;
    case 'OUT_OF_STOCK':
      return en ? 'Currently unavailable.' : locale.ui.outOfStock;
    case 'BACKORDER':
      return en ? 'Temporarily out of stock. Order now and we\'ll deliver when available.' : locale.ui.backorder;
    case 'PREORDER':
      return en ? 'This item will be released on March 15, 2025. Pre-order now.' : locale.ui.preorderNote.replace('{n}', '15');
    default:
      return en ? 'Currently unavailable.' : locale.ui.discontinued;
  }
}

function amazonPrice(context: PageContext, money: PageContext['product']['price'], extra: string): string {
  const [whole = '', fraction = ''] = formatNumber(money.amount, context.format).split(context.format.decimal);
  const f = context.format;
  return `<span class="a-price${extra}" data-a-size="xl" data-a-color="base"><span class="a-offscreen">${esc(context.money(money))}</span><span aria-hidden="true">${f.before ? `<span class="a-price-symbol">${esc(f.symbol)}</span>` : ''}<span class="a-price-whole">${esc(whole)}${fraction ? `<span class="a-price-decimal">${esc(f.decimal)}</span>` : ''}</span>${fraction ? `<span class="a-price-fraction">${esc(fraction)}</span>` : ''}${f.before ? '' : `<span class="a-price-symbol">${esc(f.gap + f.symbol)}</span>`}</span></span>`;
}

/** An Amazon-like marketplace page: no structured data, ASIN as the item id, split price spans, list price, ratings counts, sponsored carousel. */
export const marketplaceAmazon: ProductTheme = {
  platform: 'marketplace',
  style: 'amazon-like',
  path: (context) => `/${context.product.slug.slice(0, 40)}/dp/${context.product.sku}`,
  prepare(context) {
    const { product, rng } = context;
    product.sku = `B0${rng.chars('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 8)}`;
    product.images = product.imageKeys.map(() => `https://m.media-amazon.com/images/I/${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 11)}L._AC_SL1500_.jpg`);
    product.breadcrumbs = context.scenario.breadcrumbs ? product.trail : null;
    context.url = `${context.store.origin}/${product.slug.slice(0, 40)}/dp/${product.sku}`;
    collapseAvailability(product, ['IN_STOCK', 'OUT_OF_STOCK', 'PREORDER', 'BACKORDER']);
  },
  render(context) {
    const { product, locale, store } = context;
    const en = locale.lang === 'en';
    context.tags.push('no-structured-data');
    const images = Object.fromEntries(product.images.map((image) => [image.replace('_SL1500_', '_SX679_'), [679, 679]]));
    const related = context.scenario.related ? `<div id="sp_detail" class="a-carousel-container"><h2 class="a-carousel-heading">${en ? 'Products related to this item' : esc(locale.ui.related)}</h2><ol class="a-carousel">${context.related.map((other) => `<li class="a-carousel-card" data-asin="B0${other.id}X${other.id % 97}"><a class="a-link-normal" href="/dp/B0${other.id}X${other.id % 97}"><img alt="${esc(other.title)}" src="https://m.media-amazon.com/images/I/${other.id}abc._AC_UL320_.jpg"><div class="sponsored-products-truncator-truncated">${esc(other.title)}</div></a><i class="a-icon a-icon-star-small a-star-small-4-5"><span class="a-icon-alt">4.5 out of 5 stars</span></i><span class="a-size-mini">${other.reviewCount ?? 12}</span>${amazonPrice(context, other.price, '')}</li>`).join('')}</ol></div>` : '';
    if (related) context.tags.push('related-carousel');
    const main = `<div id="dp" class="${esc(product.trail[0]!.toLowerCase().replace(/\W+/g, '_'))} ${locale.tag}">
${product.breadcrumbs ? `<div id="wayfinding-breadcrumbs_feature_div" class="a-section a-spacing-none a-padding-medium"><ul class="a-unordered-list a-horizontal a-size-small">${product.breadcrumbs.map((name, i) => `${i > 0 ? '<li class="a-breadcrumb-divider"><span class="a-list-item a-color-tertiary">›</span></li>' : ''}<li><span class="a-list-item"><a class="a-link-normal a-color-tertiary" href="/b/?node=${1000 + i}">${esc(name)}</a></span></li>`).join('')}</ul></div>` : ''}
<div id="leftCol"><div id="imgTagWrapperId" class="imgTagWrapper"><img alt="${esc(product.title)}" src="${esc(product.images[0]!.replace('_SL1500_', '_SX679_'))}" data-old-hires="${esc(product.images[0]!)}" id="landingImage" data-a-dynamic-image="${esc(JSON.stringify(images))}" style="max-width:679px;max-height:679px;"></div></div>
<div id="centerCol"><div id="titleSection"><h1 id="title" class="a-size-large a-spacing-none"><span id="productTitle" class="a-size-large product-title-word-break">        ${esc(product.title)}       </span></h1></div>
${product.brand ? `<div id="bylineInfo_feature_div"><a id="bylineInfo" class="a-link-normal" href="/stores/${esc(encodeURIComponent(product.brand))}/page/${product.id}">${esc((AMAZON_STORE[locale.lang] ?? AMAZON_STORE.en!)(product.brand))}</a></div>` : ''}
${product.rating !== null ? `<div id="averageCustomerReviews"><span class="a-declarative"><a href="#customerReviews" class="a-popover-trigger"><span class="a-size-base a-color-base">${product.rating}</span> <i class="a-icon a-icon-star a-star-4-5"><span class="a-icon-alt">${product.rating} out of 5 stars</span></i></a></span><span class="a-letter-space"></span><a id="acrCustomerReviewLink" href="#customerReviews"><span id="acrCustomerReviewText" class="a-size-base">${product.reviewCount!.toLocaleString('en-US')} ${en ? 'ratings' : 'Sternebewertungen'}</span></a></div>` : ''}
<div id="corePriceDisplay_desktop_feature_div"><div class="a-section a-spacing-none aok-align-center aok-relative">${product.compareAt ? `<span class="a-size-large a-color-price savingPriceOverride aok-align-center reinventPriceSavingsPercentageMargin savingsPercentage">-${Math.round((1 - Number(product.price.amount) / Number(product.compareAt.amount)) * 100)}%</span>` : ''}${amazonPrice(context, product.price, ' aok-align-center reinventPricePriceToPayMargin priceToPay')}</div>
${product.compareAt ? `<div class="a-section a-spacing-small aok-align-center"><span class="a-size-small a-color-secondary aok-align-center basisPrice">${en ? 'List Price:' : 'UVP:'} <span class="a-price a-text-price" data-a-size="s" data-a-strike="true" data-a-color="secondary"><span class="a-offscreen">${esc(context.money(product.compareAt))}</span><span aria-hidden="true">${esc(context.money(product.compareAt))}</span></span></span></div>` : ''}</div>
<div id="feature-bullets" class="a-section a-spacing-medium a-spacing-top-small"><ul class="a-unordered-list a-vertical a-spacing-mini"><li><span class="a-list-item">${esc(product.description)}</span></li></ul></div>
<div id="detailBullets_feature_div"><ul class="a-unordered-list a-nostyle a-vertical a-spacing-none detail-bullet-list">
<li><span class="a-list-item"><span class="a-text-bold">ASIN &rlm; : &lrm;</span><span>${esc(product.sku!)}</span></span></li>
${product.mpn ? `<li><span class="a-list-item"><span class="a-text-bold">${en ? 'Item model number' : 'Modellnummer'} &rlm; : &lrm;</span><span>${esc(product.mpn)}</span></span></li>` : ''}
${product.gtin ? `<li><span class="a-list-item"><span class="a-text-bold">${product.gtin.length === 12 ? 'UPC' : 'EAN'} &rlm; : &lrm;</span><span>${esc(product.gtin)}</span></span></li>` : ''}
<li><span class="a-list-item"><span class="a-text-bold">Date First Available &rlm; : &lrm;</span><span>March 3, 2023</span></span></li></ul></div></div>
<div id="rightCol"><div id="buybox"><div id="availability" class="a-section a-spacing-base"><span class="a-size-medium ${product.availability === 'IN_STOCK' ? 'a-color-success' : 'a-color-price'}">${esc(amazonAvailability(context))}</span></div>
${product.availability === 'OUT_OF_STOCK' || product.availability === 'DISCONTINUED' ? '' : `<span class="a-button a-spacing-small a-button-primary a-button-icon" id="submit.add-to-cart"><span class="a-button-inner"><input id="add-to-cart-button" name="submit.add-to-cart" title="${esc(locale.ui.addToCart)}" class="a-button-input" type="submit" value="${esc(locale.ui.addToCart)}"><span class="a-button-text" aria-hidden="true">${esc(product.availability === 'PREORDER' ? locale.ui.preorder : locale.ui.addToCart)}</span></span></span>`}
<input type="hidden" id="ASIN" name="ASIN" value="${esc(product.sku!)}"><div id="merchant-info" class="a-section a-spacing-mini">Ships from and sold by ${esc(store.name)}.</div></div></div>
${related}</div>`;
    return htmlDocument({
      lang: product.language, htmlAttributes: 'class="a-no-js" data-19ax5a9jf="dingo"', charsetMeta: charsetMeta(context.charsetLabel), title: `${store.name}: ${product.title} : ${product.trail[0]}`,
      head: ['<meta name="viewport" content="width=device-width, maximum-scale=1, minimum-scale=1, initial-scale=1" />', `<link rel="canonical" href="${esc(context.url)}" />`, `<meta name="description" content="${esc(product.title)} : ${esc(store.name)}" />`],
      body: [`<header id="navbar-main"><a href="/ref=nav_logo" class="nav-logo-link nav-progressive-attribute" aria-label="${esc(store.name)}">${esc(store.name)}</a><div id="nav-search"><form accept-charset="utf-8" action="/s/ref=nb_sb_noss" method="GET" name="site-search" role="search"><input type="text" id="twotabsearchtextbox" name="field-keywords" placeholder="Search ${esc(store.name)}"></form></div></header>`, main, footer(context, 'navFooter')],
    });
  },
};

/** An eBay-like listing: x-price-primary with "US $", item specifics, quantity available, JSON-LD without SKU; the item number is a listing id, not a SKU. */
export const marketplaceEbay: ProductTheme = {
  platform: 'marketplace',
  style: 'ebay-like',
  path: (context) => `/itm/${context.product.id}${context.rng.digits(8)}`,
  prepare(context) {
    const { product } = context;
    product.images = product.imageKeys.map((key, index) => `https://i.ebayimg.example/images/g/${key.slice(0, 6).toUpperCase()}${index}AbCdE/s-l1600.jpg`);
    product.sku = null;
    product.breadcrumbs = context.scenario.breadcrumbs ? product.trail : null;
    collapseAvailability(product, ['IN_STOCK', 'OUT_OF_STOCK']);
  },
  render(context) {
    const { product, locale, scenario, store } = context;
    const en = locale.lang === 'en';
    const prefix = { USD: 'US $', GBP: '£', EUR: 'EUR ', AUD: 'AU $' }[product.price.currency] ?? '';
    const price = (money: PageContext['product']['price']): string => prefix ? `${prefix}${formatNumber(money.amount, context.format)}` : context.money(money);
    const specifics: [string, string][] = [['Condition', 'New'], ...(product.brand ? [['Brand', product.brand] as [string, string]] : []), ...(product.mpn ? [['MPN', product.mpn] as [string, string]] : []), ...(product.gtin ? [[product.gtin.length === 12 ? 'UPC' : 'EAN', product.gtin] as [string, string]] : []), ['Type', product.trail[product.trail.length - 1]!]];
    const jsonLd = scenario.structured ? jsonScript({ '@context': 'https://schema.org', '@type': 'Product', name: product.title, image: product.images[0], ...(product.brand ? { brand: { '@type': 'Brand', name: product.brand } } : {}), ...(product.gtin ? { gtin13: product.gtin } : {}), ...(product.mpn ? { mpn: product.mpn } : {}), offers: { '@type': 'Offer', availability: schemaAvailability(product.availability), price: Number(product.price.amount).toFixed(2), priceCurrency: product.price.currency, itemCondition: 'https://schema.org/NewCondition', url: context.url } }) : '';
    const main = `<div class="x-item-title" data-testid="x-item-title"><h1 class="x-item-title__mainTitle"><span class="ux-textspans ux-textspans--BOLD">${esc(product.title)}</span></h1></div>
<div class="x-photos-min-view"><div class="ux-image-carousel-item image-treatment active image" data-idx="0"><img loading="eager" alt="${esc(product.title)}" src="${esc(product.images[0]!.replace('s-l1600', 's-l500'))}" data-zoom-src="${esc(product.images[0]!)}"></div></div>
${product.rating !== null ? `<div class="x-sellercard-atf__data-item"><span class="ux-textspans">${product.reviewCount} product ratings</span> <span class="ux-textspans ux-textspans--PSEUDOLINK">${product.rating} out of 5 stars</span></div>` : ''}
<div class="x-price-section"><div class="x-price-primary" data-testid="x-price-primary"><span class="ux-textspans">${esc(price(product.price))}</span></div>
${product.compareAt ? `<div class="x-additional-info" data-testid="x-additional-info"><span class="ux-textspans ux-textspans--SECONDARY">${en ? 'List price' : 'Was'} </span><span class="ux-textspans ux-textspans--STRIKETHROUGH">${esc(price(product.compareAt))}</span> <span class="ux-textspans ux-textspans--EMPHASIS">Save ${esc(price({ amount: (Number(product.compareAt.amount) - Number(product.price.amount)).toFixed(2), currency: product.price.currency }))} (${Math.round((1 - Number(product.price.amount) / Number(product.compareAt.amount)) * 100)}% off)</span></div>` : ''}
<div class="x-price-approx"><span class="ux-textspans ux-textspans--SECONDARY">or Best Offer</span></div></div>
<div class="x-quantity__availability"><span class="ux-textspans ux-textspans--SECONDARY">${product.availability === 'IN_STOCK' ? (product.stockLeft > 10 ? 'More than 10 available' : `${product.stockLeft} available`) : 'Out of stock'}</span> <span class="ux-textspans ux-textspans--BOLD ux-textspans--EMPHASIS">${context.rng.int(3, 900)} sold</span></div>
${product.availability === 'IN_STOCK' ? '<div class="x-bin-action"><a class="ux-call-to-action fake-btn fake-btn--fluid fake-btn--large fake-btn--primary" href="#"><span class="ux-call-to-action__cell"><span class="ux-call-to-action__text">Buy It Now</span></span></a></div><div class="x-atc-action"><a class="ux-call-to-action fake-btn fake-btn--secondary" href="#"><span class="ux-call-to-action__text">Add to cart</span></a></div>' : '<div class="d-statusmessage"><span class="ux-textspans">This listing was ended by the seller because the item is no longer available.</span></div>'}
<div class="x-shipping"><span class="ux-textspans ux-textspans--BOLD">Shipping:</span> <span class="ux-textspans">${esc(price({ amount: '9.99', currency: product.price.currency }))} Standard Shipping</span></div>
<div class="ux-layout-section-evo ux-layout-section--features"><h2>Item specifics</h2>${specifics.map(([label, value]) => `<div class="ux-layout-section-evo__col"><div class="ux-labels-values__labels"><div class="ux-labels-values__labels-content"><span class="ux-textspans">${esc(label)}</span></div></div><div class="ux-labels-values__values"><div class="ux-labels-values__values-content"><span class="ux-textspans">${esc(value)}</span></div></div></div>`).join('')}</div>
<div class="ux-layout-section__textual-display--itemId"><span class="ux-textspans ux-textspans--SECONDARY">eBay item number:</span><span class="ux-textspans ux-textspans--BOLD">${esc(context.url.split('/').pop()!)}</span></div>`;
    return htmlDocument({
      lang: product.language, charsetMeta: charsetMeta(context.charsetLabel), title: `${product.title} | eBay`,
      head: [`<meta property="og:title" content="${esc(product.title)} | eBay">`, `<meta property="og:image" content="${esc(product.images[0]!.replace('s-l1600', 's-l400'))}">`, '<meta property="og:type" content="ebay-objects:item">', jsonLd],
      body: [`<header id="gh"><a href="/" id="gh-la">${esc(store.name)}</a></header>`, product.breadcrumbs ? `<nav class="breadcrumbs seo-breadcrumbs" aria-label="Breadcrumb"><ul>${product.breadcrumbs.map((name) => `<li><a class="seo-breadcrumb-text" href="/b/${esc(encodeURIComponent(name))}/"><span>${esc(name)}</span></a></li>`).join('')}</ul></nav>` : '', `<main id="mainContent">${main}</main>`, footer(context, 'glbfooter')],
    });
  },
};

/** A Mercado Libre-like page (CLP/BRL): andes-money-amount split into fraction and cents, installments, sold counts, JSON-LD. */
export const marketplaceMercado: ProductTheme = {
  platform: 'marketplace',
  style: 'mercado-like',
  path: (context) => `/${context.locale.tag === 'pt-BR' ? 'MLB' : 'MLC'}-${context.product.id}${context.product.id % 89}-${context.product.slug}-_JM`,
  prepare(context) {
    const { product } = context;
    const site = context.locale.tag === 'pt-BR' ? 'MLB' : 'MLC';
    product.sku = context.scenario.structured ? `${site}${product.id}${product.id % 89}` : null;
    product.images = product.imageKeys.map((key, index) => `https://http2.mlstatic.example/D_NQ_NP_${product.id}${index}-${site}${key.length}${index}_0${index}2024-O.webp`);
    product.breadcrumbs = context.scenario.breadcrumbs ? product.trail : null;
    collapseAvailability(product, ['IN_STOCK', 'OUT_OF_STOCK']);
  },
  render(context) {
    const { product, locale, scenario, store } = context;
    const money = (m: PageContext['product']['price'], extra: string, aria: string): string => {
      const [whole = '', cents = ''] = formatNumber(m.amount, { ...context.format, trimWhole: true }).split(context.format.decimal);
      return `<span class="andes-money-amount ${extra} andes-money-amount--cents-superscript" role="img" aria-label="${esc(aria)}" aria-roledescription="Precio"><span class="andes-money-amount__currency-symbol" aria-hidden="true">${esc(context.format.symbol)}</span><span class="andes-money-amount__fraction" aria-hidden="true">${esc(whole)}</span>${cents && cents !== '00' ? `<span class="andes-money-amount__cents andes-money-amount__cents--superscript-36" aria-hidden="true">${esc(cents)}</span>` : ''}</span>`;
    };
    context.tags.push('installments');
    const pesos = locale.tag === 'pt-BR' ? 'reais' : 'pesos';
    const installments = Number(product.price.amount) > 20 ? `<div class="ui-pdp-price__subtitles"><p class="ui-pdp-color--BLACK ui-pdp-size--MEDIUM ui-pdp-family--REGULAR">${locale.tag === 'pt-BR' ? 'em' : 'en'} 6x ${money({ amount: (Number(product.price.amount) / 6).toFixed(locale.decimals), currency: product.price.currency }, 'andes-money-amount--compact', `${(Number(product.price.amount) / 6).toFixed(0)} ${pesos}`)} ${locale.tag === 'pt-BR' ? 'sem juros' : 'sin interés'}</p></div>` : '';
    const jsonLd = scenario.structured ? jsonScript({ '@context': 'https://schema.org', '@type': 'Product', name: product.title, image: product.images[0], sku: product.sku, productID: product.sku, ...(product.brand ? { brand: product.brand } : {}), ...(product.gtin ? { gtin13: product.gtin } : {}), offers: { '@type': 'Offer', price: Number(product.price.amount), priceCurrency: product.price.currency, availability: schemaAvailability(product.availability), url: context.url }, ...(product.rating !== null ? { aggregateRating: { '@type': 'AggregateRating', ratingValue: product.rating, ratingCount: product.reviewCount } } : {}) }) : '';
    const main = `<div class="ui-pdp-container"><div class="ui-pdp-gallery"><figure class="ui-pdp-gallery__figure"><img width="410" height="500" src="${esc(product.images[0]!)}" class="ui-pdp-image ui-pdp-gallery__figure__image" alt="${esc(product.title)}"></figure></div>
<div class="ui-pdp-header"><div class="ui-pdp-header__subtitle"><span class="ui-pdp-subtitle">Nuevo | +${context.rng.int(1, 9) * 100} vendidos</span></div><div class="ui-pdp-header__title-container"><h1 class="ui-pdp-title">${esc(product.title)}</h1></div>
${product.rating !== null ? `<a href="#reviews_capability_v3" class="ui-pdp-review__label"><span class="ui-pdp-review__rating" aria-hidden="true">${product.rating}</span><span class="ui-pdp-review__ratings">★★★★★</span><span class="ui-pdp-review__amount" aria-hidden="true">(${product.reviewCount})</span></a>` : ''}</div>
<div class="ui-pdp-price mt-16 ui-pdp-price--size-large">${product.compareAt ? `<s class="andes-money-amount ui-pdp-price__part ui-pdp-price__original-value andes-money-amount--previous" role="img" aria-label="Antes: ${Number(product.compareAt.amount)} ${pesos}">${money(product.compareAt, '', '').replace(/^<span[^>]*>/, '').replace(/<\/span>$/, '')}</s>` : ''}
<div class="ui-pdp-price__second-line">${money(product.price, 'ui-pdp-price__part andes-money-amount--compact', `${Number(product.price.amount)} ${pesos}`)}${product.compareAt ? `<span class="andes-money-amount__discount ui-pdp-family--REGULAR">${Math.round((1 - Number(product.price.amount) / Number(product.compareAt.amount)) * 100)}% OFF</span>` : ''}</div>${installments}</div>
<div class="ui-pdp-stock-information"><p class="ui-pdp-stock-information__title">${product.availability === 'IN_STOCK' ? (locale.tag === 'pt-BR' ? 'Estoque disponível' : 'Stock disponible') : (locale.tag === 'pt-BR' ? 'Anúncio pausado' : 'Publicación pausada')}</p>${product.availability === 'IN_STOCK' ? `<span class="ui-pdp-buybox__quantity__available">(+${product.stockLeft} ${locale.tag === 'pt-BR' ? 'disponíveis' : 'disponibles'})</span>` : ''}</div>
${product.availability === 'IN_STOCK' ? `<button type="submit" class="andes-button andes-button--large andes-button--loud"><span class="andes-button__content">${locale.tag === 'pt-BR' ? 'Comprar agora' : 'Comprar ahora'}</span></button>` : ''}
<div class="ui-vpp-highlighted-specs"><table class="andes-table">${product.brand ? `<tr class="andes-table__row"><th class="andes-table__header">Marca</th><td class="andes-table__column"><span class="andes-table__column--value">${esc(product.brand)}</span></td></tr>` : ''}${product.gtin ? `<tr class="andes-table__row"><th class="andes-table__header">${locale.tag === 'pt-BR' ? 'Código universal de produto' : 'Código universal de producto'}</th><td class="andes-table__column"><span class="andes-table__column--value">${esc(product.gtin)}</span></td></tr>` : ''}${product.mpn ? `<tr class="andes-table__row"><th class="andes-table__header">Modelo</th><td><span>${esc(product.mpn)}</span></td></tr>` : ''}</table></div>
<div class="ui-pdp-description"><p class="ui-pdp-description__content">${esc(product.description)}</p></div></div>`;
    return htmlDocument({
      lang: product.language, charsetMeta: charsetMeta(context.charsetLabel), title: `${product.title} | ${store.name}`,
      head: [`<meta property="og:title" content="${esc(product.title)}">`, `<meta property="og:image" content="${esc(product.images[0]!)}">`, jsonLd],
      body: [`<header class="nav-header"><a class="nav-logo" href="/">${esc(store.name)}</a></header>`, product.breadcrumbs ? `<ol class="andes-breadcrumb">${product.breadcrumbs.map((name) => `<li class="andes-breadcrumb__item"><a class="andes-breadcrumb__link" href="/c/${esc(encodeURIComponent(name))}">${esc(name)}</a></li>`).join('')}</ol>` : '', `<main role="main">${main}</main>`, analytics(context)],
    });
  },
};

/** Obfuscated-class marketplaces (Flipkart-, Allegro-, Takealot-, Rakuten-like): visible markup with machine-generated classes, JSON-LD sometimes. */
export const marketplaceObfuscated: ProductTheme = {
  platform: 'marketplace',
  style: 'obfuscated',
  path: (context) => `/${context.product.slug}/p/itm${context.product.id.toString(16)}${context.product.id % 13}`,
  prepare(context) {
    const { product } = context;
    product.images = product.imageKeys.map((key) => `https://rukminim2.cdn.${context.store.host}/image/832/832/${key}.jpeg`);
    product.sku = null;
    product.mpn = null;
    collapseAvailability(product, ['IN_STOCK', 'OUT_OF_STOCK', 'DISCONTINUED']);
  },
  render(context) {
    const { product, locale, scenario, store, rng } = context;
    const cls = (): string => `_${rng.chars('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 6)}`;
    const [whole = '', cents = ''] = context.money(product.price).split(context.format.decimal);
    const splitPrice = context.format.decimals > 0 && rng.chance(0.5);
    const priceHtml = splitPrice ? `<div aria-label="${esc(context.money(product.price))}" class="${cls()} ${cls()}"><span>${esc(whole)}${esc(context.format.decimal)}</span><span class="${cls()}">${esc(cents)}</span></div>` : `<div class="${cls()} ${cls()}">${esc(context.money(product.price))}</div>`;
    if (splitPrice) context.tags.push('split-price');
    const reviews = product.rating !== null ? `<div class="${cls()}"><div class="${cls()}">${product.rating}★</div><span class="${cls()}"><span>${(product.reviewCount! * 9).toLocaleString(locale.tag)} Ratings&nbsp;</span><span>&amp;</span><span>&nbsp;${product.reviewCount!.toLocaleString(locale.tag)} ${esc(locale.ui.reviews.replace('{n}', '').trim())}</span></span></div>` : '';
    if (reviews) context.tags.push('ratings-and-reviews-counts');
    const jsonLd = scenario.structured ? jsonScript([{ '@context': 'http://schema.org', '@type': 'Product', name: product.title, image: product.images[0], ...(product.brand ? { brand: { '@type': 'Brand', name: product.brand } } : {}), ...(product.gtin ? { gtin13: product.gtin } : {}), offers: { '@type': 'Offer', price: Number(product.price.amount), priceCurrency: product.price.currency, availability: schemaAvailability(product.availability, 'http') }, ...(product.rating !== null ? { aggregateRating: { '@type': 'AggregateRating', ratingValue: product.rating, ratingCount: product.reviewCount! * 9, reviewCount: product.reviewCount } } : {}) }]) : '';
    const main = `<div class="${cls()}"><div class="${cls()}"><img loading="eager" class="${cls()} ${cls()}" alt="${esc(product.title)}" src="${esc(product.images[0]!.replace('/832/832/', '/416/416/'))}" srcset="${esc(product.images[0]!)} 2x"></div>
<div class="${cls()}">${product.breadcrumbs ? `<div class="${cls()}">${[locale.ui.home, ...product.breadcrumbs].map((name) => `<div class="${cls()}"><a class="${cls()}" href="/c/${esc(encodeURIComponent(name))}">${esc(name)}</a></div>`).join('<svg width="16" height="27" viewBox="0 0 16 27"><path d="M16 23.207L6.11 13.161 16 3.093 12.955 0 0 13.161l12.955 13.161z" fill="#fff"/></svg>')}</div>` : ''}
${product.brand ? `<div class="${cls()}"><a class="${cls()}" href="/brand/${esc(encodeURIComponent(product.brand))}">${esc(product.brand)}</a></div>` : ''}<h1 class="${cls()}"><span class="${cls()}">${esc(product.title)}</span></h1>
${reviews}
<div class="${cls()}">${priceHtml}${product.compareAt ? `<div class="${cls()} ${cls()}">${esc(context.money(product.compareAt))}</div><div class="${cls()} ${cls()}"><span>${Math.round((1 - Number(product.price.amount) / Number(product.compareAt.amount)) * 100)}% off</span></div>` : ''}</div>
<div class="${cls()}">${product.availability === 'IN_STOCK' ? (product.stockLeft <= 5 ? `Hurry, Only ${product.stockLeft} left!` : '') : `<div class="${cls()}">${esc(product.availability === 'OUT_OF_STOCK' ? locale.ui.soldOut : locale.ui.discontinued)}</div>`}</div>
${product.availability === 'IN_STOCK' ? `<ul class="row"><li class="${cls()}"><button class="${cls()} ${cls()}">${esc(locale.ui.addToCart.toUpperCase())}</button></li><li class="${cls()}"><button class="${cls()}">${esc(locale.ui.buyNow.toUpperCase())}</button></li></ul>` : ''}
${product.gtin ? `<table class="${cls()}"><tr><td class="${cls()}">${esc(locale.ui.gtin)}</td><td class="${cls()}"><ul><li class="${cls()}">${esc(product.gtin)}</li></ul></td></tr></table>` : ''}
<div class="${cls()}">${esc(product.description)}</div></div></div>`;
    return htmlDocument({
      lang: product.language, charsetMeta: charsetMeta(context.charsetLabel), title: `${product.title} - ${store.name}`,
      head: [`<meta name="description" content="${esc(product.title)}">`, jsonLd, `<link rel="stylesheet" href="https://static-assets-web.${esc(store.host)}/fk-p-linchpin-web/fk-cp-zion/css/app.${rng.hex(8)}.css">`],
      body: [`<div id="container"><div class="${cls()}"><a href="/" class="${cls()}">${esc(store.name)}</a></div>${main}</div>`, `<script nonce="${rng.hex(16)}">window.__INITIAL_STATE__ = ${JSON.stringify({ pageDataV4: { page: { pageData: { pageContext: { productId: `${product.id}`, fdpEventTracking: { events: { psi: { pls: { isAvailable: product.availability === 'IN_STOCK' } } } } } } } } })};</script>`],
    });
  },
};
