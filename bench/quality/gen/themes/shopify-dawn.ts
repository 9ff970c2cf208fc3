import { collapseAvailability, selectedVariant } from '../catalog.js';
import { analytics, announcementBar, carousel, footer, iconSprite, navMenu } from '../chrome.js';
import { charsetMeta, esc, htmlDocument, jsonScript } from '../html.js';
import type { PageContext, ProductTheme } from '../page.types.js';
import {
  absolute, cents, judgeMeBadge, offerAvailability, reviewAppJsonLd, shopifyClassicJsonLd, shopifyGlobals, shopifyImage,
  shopifyProductId, shopifySocialMeta, shopifyVariantId,
} from './shopify-common.js';

const SECTION = 'template--16541353050395__main';

/** Makes the product agree with what any Shopify theme carries: vendor as brand, the selected variant's SKU and barcode, no MPN. */
export function prepareShopify(context: PageContext, legacyCdn: boolean, breadcrumbs: boolean): void {
  const { product } = context;
  product.images = product.imageKeys.map((key) => absolute(shopifyImage(context, key, null, legacyCdn)));
  product.brand = product.brand ?? context.store.name;
  const chosen = selectedVariant(product);
  if (chosen) {
    product.sku = chosen.sku;
    product.gtin = chosen.gtin;
  }
  product.mpn = null;
  collapseAvailability(product, ['IN_STOCK', 'OUT_OF_STOCK', 'PREORDER']);
  if (!breadcrumbs) product.breadcrumbs = null;
}

function priceBlock(context: PageContext, price = context.product.price, compareAt = context.product.compareAt, soldOut = false): string {
  const ui = context.locale.ui;
  const classes = ['price', 'price--large', compareAt ? 'price--on-sale' : '', soldOut ? 'price--sold-out' : '', 'price--show-badge'].filter(Boolean).join(' ');
  return `<div class="${classes}">
  <div class="price__container"><div class="price__regular"><span class="visually-hidden visually-hidden--inline">${esc(ui.regularPrice)}</span>
        <span class="price-item price-item--regular">${esc(context.money(price))}</span></div>
    <div class="price__sale">
        <span class="visually-hidden visually-hidden--inline">${esc(ui.regularPrice)}</span>
        <span><s class="price-item price-item--regular">${compareAt ? esc(context.money(compareAt)) : ''}</s></span><span class="visually-hidden visually-hidden--inline">${esc(ui.salePrice)}</span>
      <span class="price-item price-item--sale price-item--last">${esc(context.money(price))}</span>
    </div>
    <small class="unit-price caption hidden"><span class="visually-hidden">Unit price</span><span class="price-item price-item--last"><span></span><span aria-hidden="true">/</span><span class="visually-hidden">&nbsp;per&nbsp;</span><span></span></span></small>
  </div>
  <span class="badge price__badge-sale color-scheme-4">${esc(ui.sale)}</span>
  <span class="badge price__badge-sold-out color-scheme-3">${esc(ui.soldOut)}</span>
</div>`;
}

function productGroupJsonLd(context: PageContext, images: string[]): string {
  const { product } = context;
  const path = new URL(context.url).pathname;
  const stale = context.scenario.staleStructuredPrice ? product.compareAt : null;
  const availability = offerAvailability(context, true);
  if (product.variants.length === 0) {
    return jsonScript({
      '@context': 'http://schema.org/', '@id': `${path}#product`, '@type': 'Product', brand: { '@type': 'Brand', name: product.brand },
      category: product.trail[product.trail.length - 1], description: product.description, image: absolute(images[0] ?? ''),
      name: product.title, ...(product.gtin ? { gtin: product.gtin } : {}), sku: product.sku ?? undefined, url: context.url,
      offers: { '@id': `${path}?variant=${shopifyVariantId(product, 0)}#offer`, '@type': 'Offer', availability: availability(product.availability !== 'OUT_OF_STOCK'), price: (stale ?? product.price).amount, priceCurrency: product.price.currency, url: `${context.url}?variant=${shopifyVariantId(product, 0)}` },
    });
  }
  return jsonScript({
    '@context': 'http://schema.org/', '@id': `${path}#product`, '@type': 'ProductGroup', brand: { '@type': 'Brand', name: product.brand },
    category: product.trail[product.trail.length - 1], description: product.description,
    hasVariant: product.variants.map((variant, index) => ({
      '@id': `${path}?variant=${shopifyVariantId(product, index)}#variant`, '@type': 'Product', ...(variant.gtin ? { gtin: variant.gtin } : {}),
      image: absolute(images[0] ?? ''), name: `${product.title} - ${variant.value}`,
      offers: { '@id': `${path}?variant=${shopifyVariantId(product, index)}#offer`, '@type': 'Offer', availability: availability(variant.available), price: (stale ?? variant.price).amount, priceCurrency: variant.price.currency, url: `${context.url}?variant=${shopifyVariantId(product, index)}` },
      sku: variant.sku,
    })),
    name: product.title, productGroupID: String(shopifyProductId(product)), url: context.url,
  });
}

function variantPicker(context: PageContext): string {
  const { product, locale } = context;
  if (product.variants.length === 0) return '';
  const inputs = product.variants.map((variant, index) => `<input type="radio" id="${SECTION}-1-${index}" name="${esc(product.optionName ?? '')}" value="${esc(variant.value)}" form="product-form-${SECTION}"${index === product.selected ? ' checked' : ''}${variant.available ? '' : ' class="disabled"'}>
<label for="${SECTION}-1-${index}">${esc(variant.value)}<span class="visually-hidden label-unavailable">${variant.available ? '' : esc(locale.ui.soldOut)}</span></label>`);
  const json = product.variants.map((variant, index) => ({
    id: shopifyVariantId(product, index), title: variant.value, option1: variant.value, option2: null, option3: null, sku: variant.sku,
    requires_shipping: true, taxable: true, featured_image: null, available: variant.available, name: `${product.title} - ${variant.value}`,
    public_title: variant.value, options: [variant.value], price: cents(variant.price, locale.decimals), weight: 900,
    compare_at_price: cents(variant.compareAt, locale.decimals), inventory_management: 'shopify', barcode: variant.gtin ?? '', requires_selling_plan: false, selling_plan_allocations: [],
  }));
  return `<variant-radios id="variant-radios-${SECTION}" class="no-js-hidden" data-section="${SECTION}" data-url="${esc(new URL(context.url).pathname)}">
<fieldset class="js product-form__input"><legend class="form__label">${esc(product.optionName ?? '')}</legend>
${inputs.join('\n')}
</fieldset>
${jsonScript(json, { type: 'application/json' })}
</variant-radios>`;
}

function buyButtons(context: PageContext): string {
  const { product, locale } = context;
  const ui = locale.ui;
  const soldOut = product.availability === 'OUT_OF_STOCK' || product.availability === 'DISCONTINUED';
  const label = soldOut ? ui.soldOut : product.availability === 'PREORDER' ? ui.preorder : ui.addToCart;
  const note = product.availability === 'PREORDER' ? `<p class="preorder-note">${esc(ui.preorderNote.replace('{n}', '15'))}</p>` : '';
  return `<product-form class="product-form" data-hide-errors="false" data-section-id="${SECTION}">
<form method="post" action="/cart/add" id="product-form-${SECTION}" accept-charset="UTF-8" class="form" enctype="multipart/form-data" novalidate="novalidate" data-type="add-to-cart-form"><input type="hidden" name="form_type" value="product"><input type="hidden" name="utf8" value="✓"><input type="hidden" name="id" value="${shopifyVariantId(product, product.selected)}" class="product-variant-id">
<div class="product-form__buttons"><button id="ProductSubmitButton-${SECTION}" type="submit" name="add" class="product-form__submit button button--full-width button--secondary"${soldOut ? ' disabled' : ''}><span>${esc(label)}</span><div class="loading-overlay__spinner hidden"><svg aria-hidden="true" focusable="false" class="spinner" viewBox="0 0 66 66"><circle class="path" fill="none" stroke-width="6" cx="33" cy="33" r="30"></circle></svg></div></button>
${soldOut ? '' : '<div data-shopify="payment-button" class="shopify-payment-button"><shopify-accelerated-checkout recommendations="null"></shopify-accelerated-checkout></div>'}</div>
</form></product-form>${note}`;
}

function card(context: PageContext, other: PageContext['product'], index: number): string {
  const image = shopifyImage(context, other.imageKeys[0]!, 533, false);
  return `<div class="card-wrapper product-card-wrapper underline-links-hover"><div class="card card--standard card--media"><div class="card__inner ratio"><div class="card__media"><div class="media media--transparent media--hover-effect"><img src="${esc(image)}" alt="${esc(other.title)}" class="motion-reduce" loading="lazy" width="1000" height="1000"></div></div></div>
<div class="card__content"><div class="card__information"><h3 class="card__heading h5" id="title-${index}"><a href="/products/${esc(other.slug)}" class="full-unstyled-link">${esc(other.title)}</a></h3>
<div class="card-information"><div class="caption-with-letter-spacing light">${esc(other.brand ?? context.store.name)}</div>${priceBlock(context, other.price, other.compareAt)}</div></div></div></div></div>`;
}

function inventory(context: PageContext): string {
  const { product, locale } = context;
  if (product.availability !== 'IN_STOCK') return '';
  const text = product.stockLeft <= 5 ? locale.ui.lowStock.replace('{n}', String(product.stockLeft)) : locale.ui.inStock;
  return `<p class="product__inventory no-js-hidden" id="Inventory-${SECTION}" role="status"><svg width="15" height="15" aria-hidden="true"><circle cx="7.5" cy="7.5" r="7.5" fill="rgb(62,214,96)"/></svg> ${esc(text)}</p>`;
}

/** Shopify's Dawn (2.x-12.x): JSON-LD (classic Offer list or the ProductGroup of `structured_data`), variant radios with JSON, og:price. */
export const shopifyDawn: ProductTheme = {
  platform: 'shopify',
  style: 'dawn',
  path: (context) => `/products/${context.product.slug}`,
  prepare(context) {
    prepareShopify(context, false, false);
    // Dawn prints barcodes only in the variant JSON of multi-variant products and in JSON-LD.
    if (!context.scenario.structured && context.product.variants.length === 0) context.product.gtin = null;
  },
  render(context) {
    const { product, locale, scenario, store } = context;
    const images = product.imageKeys.map((key) => shopifyImage(context, key, 1946, false));
    const modern = context.rng.chance(0.5);
    if (scenario.staleStructuredPrice && scenario.structured) context.tags.push('stale-json-ld');
    const structured = !scenario.structured ? ''
      : modern ? productGroupJsonLd(context, images)
        : shopifyClassicJsonLd(context, images, { staleAmount: scenario.staleStructuredPrice ? product.compareAt : null, availability: offerAvailability(context, false) });
    const soldOut = product.availability === 'OUT_OF_STOCK' || product.availability === 'DISCONTINUED';
    const gallery = images.map((image, index) => `<li id="Slide-${SECTION}-${index}" class="product__media-item grid__item slider__slide${index === 0 ? ' is-active' : ''}" data-media-id="${SECTION}-${30_000_000 + index}"><div class="product-media-container media-type-image media-fit-contain global-media-settings gradient constrain-height" style="--ratio: 1.0; --preview-ratio: 1.0;"><modal-opener class="product__modal-opener product__modal-opener--image no-js-hidden" data-modal="#ProductModal-${SECTION}"><div class="product__media media media--transparent"><img src="${esc(image)}" alt="${esc(product.title)}" srcset="${esc(image.replace('width=1946', 'width=493'))} 493w, ${esc(image)} 1946w" width="1946" height="1946" loading="${index === 0 ? 'eager' : 'lazy'}" class="image-magnify-lightbox" sizes="(min-width: 1200px) 715px, calc(100vw - 30px)"></div></modal-opener></div></li>`);
    const skuBlock = context.rng.chance(0.6) && product.sku ? `<p class="product__sku no-js-hidden" id="Sku-${SECTION}" role="status"><span class="visually-hidden">${esc(locale.ui.sku)}:</span>${esc(product.sku)}</p>` : '';
    const vendorBlock = context.rng.chance(0.7) ? `<p class="product__text inline-richtext caption-with-letter-spacing">${esc(product.brand ?? store.name)}</p>` : '';
    const main = `<section id="MainProduct-${SECTION}" class="section-${SECTION}-padding gradient color-scheme-1" data-section="${SECTION}">
<div class="page-width"><div class="product product--large product--left product--stacked grid grid--1-col grid--2-col-tablet">
<div class="grid__item product__media-wrapper"><media-gallery id="MediaGallery-${SECTION}" role="region" class="product__column-sticky" aria-label="Gallery Viewer" data-desktop-layout="stacked"><slider-component id="GalleryViewer-${SECTION}" class="slider-mobile-gutter"><ul id="Slider-Gallery-${SECTION}" class="product__media-list contains-media grid grid--peek list-unstyled slider slider--mobile" role="list">
${gallery.join('\n')}
</ul></slider-component></media-gallery></div>
<div class="product__info-wrapper grid__item"><section id="ProductInfo-${SECTION}" class="product__info-container product__column-sticky">
${vendorBlock}
<div class="product__title"><h1>${esc(product.title)}</h1><a href="${esc(new URL(context.url).pathname)}" class="product__title"><h2 class="h1">${esc(product.title)}</h2></a></div>
${judgeMeBadge(context)}
<div class="no-js-hidden" id="price-${SECTION}" role="status">${priceBlock(context, product.price, product.compareAt, soldOut)}</div>
<div class="product__tax caption rte">${esc(locale.ui.taxIncluded)} <a href="/policies/shipping-policy">${esc(locale.ui.shipping)}</a></div>
${skuBlock}
${variantPicker(context)}
${inventory(context)}
<div class="product-form__input product-form__quantity"><label class="quantity__label form__label" for="Quantity-${SECTION}">${esc(locale.ui.quantity)}</label><quantity-input class="quantity"><input class="quantity__input" type="number" name="quantity" id="Quantity-${SECTION}" min="1" value="1" form="product-form-${SECTION}"></quantity-input></div>
${buyButtons(context)}
<div class="product__description rte quick-add-hidden"><p>${esc(product.description)}</p></div>
</section></div></div></div></section>`;
    return htmlDocument({
      lang: product.language, charsetMeta: charsetMeta(context.charsetLabel), title: `${product.title} – ${store.name}`,
      htmlAttributes: 'class="no-js"',
      head: [
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">', '<meta name="viewport" content="width=device-width,initial-scale=1">',
        `<link rel="canonical" href="${esc(context.url)}">`, '<link rel="preconnect" href="https://cdn.shopify.com" crossorigin>',
        `<meta name="description" content="${esc(product.description)}">`, shopifySocialMeta(context, images),
        shopifyGlobals(context, 'Dawn', 887), structured, reviewAppJsonLd(context),
        `<link href="//${store.host}/cdn/shop/t/12/assets/base.css?v=${product.id}" rel="stylesheet" type="text/css" media="all">`,
      ],
      bodyAttributes: 'class="gradient"',
      body: [
        iconSprite(), '<a class="skip-to-content-link button visually-hidden" href="#MainContent">Skip to content</a>',
        announcementBar(context, 'announcement-bar color-scheme-1 gradient'),
        `<sticky-header data-sticky-type="on-scroll-up" class="header-wrapper color-scheme-1 gradient header-wrapper--border-bottom"><header class="header header--middle-left header--mobile-center page-width header--has-menu"><a href="/" class="header__heading-link link link--text focus-inset"><span class="h2">${esc(store.name)}</span></a><nav class="header__inline-menu">${navMenu(context, 'list-menu', '/collections/')}</nav><a href="/cart" class="header__icon header__icon--cart link focus-inset" id="cart-icon-bubble"><span class="visually-hidden">${esc(locale.ui.cart)}</span></a></header></sticky-header>`,
        `<main id="MainContent" class="content-for-layout focus-none" role="main" tabindex="-1"><section id="shopify-section-${SECTION}" class="shopify-section section">`,
        main, '</section>',
        carousel(context, locale.ui.related, 'related-products page-width', (other, index) => card(context, other, index)),
        '</main>', footer(context, 'footer color-scheme-1 gradient section-sections--footer-padding'), analytics(context),
      ],
    });
  },
};

export { priceBlock as dawnPriceBlock };
