import { collapseAvailability, useFromPrice } from '../catalog.js';
import { analytics, carousel, footer, navMenu } from '../chrome.js';
import { charsetMeta, esc, htmlDocument, jsonScript, schemaAvailability } from '../html.js';
import type { PageContext, ProductTheme } from '../page.types.js';

function sfccImage(context: PageContext, key: string, query: boolean): string {
  const site = context.store.name.replace(/[^A-Za-z]/g, '').slice(0, 4).toUpperCase();
  return `${context.store.origin}/dw/image/v2/${site}_PRD/on/demandware.static/-/Sites-master-catalog/default/dw${(context.product.id * 2654435761 >>> 0).toString(16).slice(0, 8)}/images/large/${key}.jpg${query ? '?sw=800&sh=800&sm=fit' : ''}`;
}

function availabilityMessage(context: PageContext): string {
  const { product, locale } = context;
  switch (product.availability) {
    case 'IN_STOCK':
      return product.stockLeft <= 5 ? locale.ui.lowStock.replace('{n}', String(product.stockLeft)) : locale.ui.inStock;
    case 'PREORDER':
      return locale.ui.preorderNote.replace('{n}', '10');
    case 'BACKORDER':
      return locale.ui.backorder;
    default:
      return locale.ui.outOfStock;
  }
}

/** Salesforce Commerce Cloud SFRA: product-detail markup, strike-through list price with content="", SFRA's JSON-LD (brand as Thing, `"url":{}`). */
export const sfccSfra: ProductTheme = {
  platform: 'sfcc',
  style: 'sfra',
  path: (context) => `/${context.locale.tag.toLowerCase()}/${context.product.slug}/${context.product.sku}.html`,
  prepare(context) {
    const { product } = context;
    product.sku = `${product.id * 25519 % 100_000_000}M`;
    product.images = product.imageKeys.map((key) => sfccImage(context, key, false));
    context.url = `${context.store.origin}/${context.locale.tag.toLowerCase()}/${product.slug}/${product.sku}.html`;
    if (context.scenario.structured && !product.mpn) product.mpn = product.sku;
    if (useFromPrice(product, false)) context.tags.push('price-from');
    const master = product.variants.length > 0;
    collapseAvailability(product, master && !context.scenario.structured ? ['IN_STOCK', 'OUT_OF_STOCK', 'PREORDER'] : ['IN_STOCK', 'OUT_OF_STOCK', 'PREORDER', 'BACKORDER']);
    // SFRA shows the rating but not the count; only its JSON-LD carries the count.
    if (!context.scenario.structured) product.reviewCount = null;
  },
  render(context) {
    const { product, locale, scenario, store } = context;
    const pid = product.sku!;
    const master = product.variants.length > 0;
    if (scenario.staleStructuredPrice && scenario.structured) context.tags.push('stale-json-ld');
    if (master) context.tags.push('select-for-availability');
    const shown = scenario.staleStructuredPrice && product.compareAt ? product.compareAt : product.price;
    const jsonLd = scenario.structured ? jsonScript({
      '@context': 'http://schema.org/', '@type': 'Product', name: product.title, description: product.description,
      mpn: product.mpn ?? pid, sku: pid, ...(product.gtin ? { gtin13: product.gtin } : {}),
      ...(product.brand ? { brand: { '@type': 'Thing', name: product.brand } } : {}),
      image: product.imageKeys.map((key) => sfccImage(context, key, true)),
      offers: { url: {}, '@type': 'Offer', priceCurrency: shown.currency, price: Number(shown.amount).toFixed(locale.decimals), availability: schemaAvailability(product.availability, 'http') },
      ...(product.rating !== null ? { aggregateRating: { '@type': 'AggregateRating', ratingValue: product.rating, reviewCount: product.reviewCount } } : {}),
    }) : '';
    const crumbs = product.breadcrumbs ? `<ol class="breadcrumb">${product.breadcrumbs.map((name) => `<li class="breadcrumb-item"><a href="${esc(store.origin)}/${esc(encodeURIComponent(name.toLowerCase()))}/">${esc(name)}</a></li>`).join('')}</ol>` : '';
    const prices = product.compareAt
      ? `<span><del><span class="strike-through list"><span class="value" content="${Number(product.compareAt.amount).toFixed(locale.decimals)}"><span class="sr-only">Price reduced from</span>${esc(context.money(product.compareAt))}<span class="sr-only">to</span></span></span></del><span class="sales"><span class="value" content="${Number(product.price.amount).toFixed(locale.decimals)}">${esc(context.money(product.price))}</span></span></span>`
      : `<span><span class="sales"><span class="value" content="${Number(product.price.amount).toFixed(locale.decimals)}">${esc(context.money(product.price))}</span></span></span>`;
    const ready = !master && product.availability !== 'OUT_OF_STOCK';
    const message = master ? (locale.lang === 'en' ? 'Select Styles for Availability' : locale.ui.size) : availabilityMessage(context);
    const slides = product.imageKeys.map((key, index) => `<div class='carousel-item${index === 0 ? ' active' : ''}'><img src="${esc(sfccImage(context, key, true))}" class="d-block img-fluid" alt="${esc(product.title)} image number ${index}" itemprop="image" /></div>`);
    const attributes = master ? `<div class="row" data-attr="size"><div class="col-8"><div class="attribute"><label class="size" for="size-1">${esc(product.optionName ?? '')}</label><select class="custom-select form-control select-size" id="size-1"><option value="null" data-attr-value="">Select ${esc(product.optionName ?? '')}</option>${product.variants.map((variant) => `<option value="${esc(store.origin)}/on/demandware.store/Sites-${esc(store.name.replace(/\W/g, ''))}-Site/${locale.tag.replace('-', '_')}/Product-Variation?dwvar_${pid}_size=${esc(encodeURIComponent(variant.value))}&amp;pid=${pid}&amp;quantity=1" data-attr-value="${esc(variant.value)}"${variant.available ? '' : ' disabled'}>${esc(variant.value)}</option>`).join('')}</select></div></div></div>` : '';
    const main = `<div class="container product-detail product-wrapper" data-pid="${pid}">
<div class="row"><div class="col-12"><div class="product-breadcrumb d-md-none">${crumbs}</div><div class="d-md-none"><h1 class="product-name">${esc(product.title)}</h1></div></div></div>
<div class="row"><div class="col-12 col-sm-6"><div class="primary-images"><div id="pdpCarousel-${pid}" class="carousel slide" data-interval="0" data-prev="Previous" data-next="Next"><div class="carousel-inner" role="listbox">${slides.join('')}</div></div></div></div>
<div class="col-12 col-sm-6"><div class="row"><div class="col"><div class="product-breadcrumb d-none d-md-block">${crumbs}</div><h1 class="product-name hidden-sm-down">${esc(product.title)}</h1></div></div>
<div class="row"><div class="col"><div class="product-number-rating clearfix"><div class="product-number pull-left">Item No. <span class="product-id">${pid}</span></div>${product.rating !== null ? `<div class="ratings pull-right"><span class="sr-only">${product.rating} out of 5 Customer Rating</span>${'<i class="fa fa-star"></i>'.repeat(Math.round(product.rating))}</div>` : ''}</div></div></div>
<div class="attributes">${attributes}
<div class="row"><div class="col-8"><div class="quantity"><label for="quantity-1">${esc(locale.ui.quantity)}</label><select class="quantity-select custom-select form-control" id="quantity-1"><option value="1" data-url="${esc(store.origin)}/on/demandware.store/Product-Variation?pid=${pid}&amp;quantity=1" selected>1</option><option value="2">2</option></select></div></div></div>
<div class="product-availability" data-ready-to-order="${ready}" data-available="${product.availability !== 'OUT_OF_STOCK'}"><div class="row"><div class="col-12"><label class="availability">Availability:</label><ul class="list-unstyled availability-msg"><li><div>${esc(message)}</div></li></ul></div></div></div>
<div class="row"><div class="col-12"><div class="promotions"></div></div></div></div>
<div class="prices-add-to-cart-actions"><div class="row"><div class="col-12"><div class="prices"><div class="price">${prices}</div></div></div></div>
<div class="cart-and-ipay"><div class="col-sm-12"><input type="hidden" class="add-to-cart-url" value="${esc(store.origin)}/on/demandware.store/Sites-Site/${locale.tag.replace('-', '_')}/Cart-AddProduct"/><button class="add-to-cart btn btn-primary" data-toggle="modal" data-target="#chooseBonusProductModal" data-pid="${pid}"${ready ? '' : ' disabled'}><i class="fa fa-shopping-bag"></i> ${esc(product.availability === 'PREORDER' ? locale.ui.preorder : locale.ui.addToCart)}</button></div></div></div>
${product.brand && !scenario.structured ? `<div class="product-brand"><span class="brand-name">${esc(product.brand)}</span></div>` : ''}
</div></div>
<div class="row collapsible-xs"><div class="col-sm-12"><div class="description-and-detail"><div class="row product-attributes collapsible-xs"><div class="col-sm-12 col-md-4 col-lg-3"><h2 class="title">${esc(locale.ui.description)}</h2></div><div class="col-sm-12 col-md-8 col-lg-9 value content" id="collapsible-description-1">${esc(product.description)}</div></div>
${product.gtin && !scenario.structured ? `<div class="row"><div class="col-sm-12 col-md-8 col-lg-9 value content">${esc(locale.ui.gtin)}: ${esc(product.gtin)}</div></div>` : ''}
${product.mpn && product.mpn !== pid && !scenario.structured ? `<div class="row"><div class="col value content">${esc(locale.ui.mpn)}: ${esc(product.mpn)}</div></div>` : ''}
</div></div></div></div>`;
    return htmlDocument({
      lang: product.language, charsetMeta: charsetMeta(context.charsetLabel.toUpperCase()), title: `${product.title} | ${store.name}`,
      head: ['<meta http-equiv="x-ua-compatible" content="ie=edge">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<meta name="description" content="${esc(product.description)}"/>`, `<link rel="stylesheet" href="/on/demandware.static/Sites-Site/-/${locale.tag.replace('-', '_')}/v1701234567890/css/global.css" />`,
        `<meta property="og:title" content="${esc(product.title)} | ${esc(store.name)}" />`, `<meta property="og:image" content="${esc(sfccImage(context, product.imageKeys[0]!, true))}" />`,
        `<link rel="canonical" href="${esc(context.url)}"/>`, jsonLd],
      body: [`<div class="page" data-action="Product-Show" data-querystring="pid=${pid}">`,
        `<header><nav role="navigation"><div class="header container"><div class="navbar-header brand"><a class="logo-home" href="${esc(store.origin)}/${locale.tag.toLowerCase()}/home" title="${esc(store.name)} Home">${esc(store.name)}</a></div><div class="main-menu navbar-toggleable-sm menu-toggleable-left multilevel-dropdown d-none d-md-block" id="sg-navbar-collapse">${navMenu(context, 'nav navbar-nav', `${store.origin}/`)}</div><div class="minicart" data-action-url="/on/demandware.store/Cart-MiniCartShow"><div class="minicart-total hide-link-med"><a class="minicart-link" href="/cart" title="${esc(locale.ui.cart)}"><span class="minicart-quantity">0</span></a></div></div></div></nav></header>`,
        '<div role="main" id="maincontent">', main,
        carousel(context, locale.ui.related, 'recommendations', (other) => `<div class="product" data-pid="${(other.id * 25519 % 100_000_000)}M"><div class="product-tile"><div class="image-container"><a href="${esc(store.origin)}/${esc(other.slug)}.html"><img class="tile-image" src="${esc(sfccImage(context, other.imageKeys[0]!, true))}" alt="${esc(other.title)}" title="${esc(other.title)}" itemprop="image" /></a></div><div class="tile-body"><div class="pdp-link"><a class="link" href="${esc(store.origin)}/${esc(other.slug)}.html" itemprop="name">${esc(other.title)}</a></div><div class="price"><span>${other.compareAt ? `<del><span class="strike-through list"><span class="value" content="${other.compareAt.amount}">${esc(context.money(other.compareAt))}</span></span></del>` : ''}<span class="sales"><span class="value" content="${other.price.amount}">${esc(context.money(other.price))}</span></span></span></div></div></div></div>`),
        '</div>', footer(context, 'footer'), '</div>', analytics(context)],
    });
  },
};
