import { selectedVariant } from '../catalog.js';
import { analytics, announcementBar, carousel, cookieBanner, footer, navMenu, reviewList } from '../chrome.js';
import { charsetMeta, esc, htmlDocument, jsonScript, schemaAvailability } from '../html.js';
import type { PageContext, ProductTheme } from '../page.types.js';
import {
  judgeMeBadge, offerAvailability, reviewAppJsonLd, shopifyClassicJsonLd, shopifyGlobals, shopifyImage, shopifyProductJson,
  shopifySocialMeta, shopifyVariantId,
} from './shopify-common.js';
import { prepareShopify } from './shopify-dawn.js';

function soldOut(context: PageContext): boolean {
  return context.product.availability === 'OUT_OF_STOCK' || context.product.availability === 'DISCONTINUED';
}

function buttonLabel(context: PageContext): string {
  const ui = context.locale.ui;
  return soldOut(context) ? ui.soldOut : context.product.availability === 'PREORDER' ? ui.preorder : ui.addToCart;
}

function variantSelect(context: PageContext, id: string): string {
  const { product, locale } = context;
  const variants = product.variants.length > 0 ? product.variants : [null];
  const options = variants.map((variant, index) => {
    const name = variant ? variant.value : 'Default Title';
    const unavailable = variant ? !variant.available : soldOut(context);
    return `<option value="${shopifyVariantId(product, index)}"${index === product.selected ? ' selected="selected"' : ''}${unavailable ? ' disabled="disabled"' : ''}>${esc(name)}${unavailable ? ` - ${esc(locale.ui.soldOut)}` : ''}</option>`;
  });
  return `<select name="id" id="${id}" class="product-form__variants no-js">\n${options.join('\n')}\n</select>`;
}

/** Debut's microdata block (Debut printed microdata before JSON-LD); price in the shop's decimal form. */
function debutMicrodata(context: PageContext, images: string[]): string {
  const { product } = context;
  const chosen = selectedVariant(product);
  const price = context.scenario.staleStructuredPrice && product.compareAt ? product.compareAt : product.price;
  return `<meta itemprop="name" content="${esc(product.title)}${chosen ? ` - ${esc(chosen.value)}` : ''}">
<meta itemprop="url" content="${esc(context.url)}${chosen ? `?variant=${shopifyVariantId(product, product.selected)}` : ''}">
<meta itemprop="brand" content="${esc(product.brand ?? '')}">
<meta itemprop="image" content="https:${esc(images[0]?.replace(/_\d+x(?=\.jpg)/, '_600x600') ?? '')}">
<meta itemprop="description" content="${esc(product.description)}">
${product.sku ? `<meta itemprop="sku" content="${esc(product.sku)}">` : ''}
${product.gtin ? `<meta itemprop="gtin13" content="${esc(product.gtin)}">` : ''}
<div itemprop="offers" itemscope itemtype="http://schema.org/Offer">
  <meta itemprop="priceCurrency" content="${esc(product.price.currency)}">
  <meta itemprop="price" content="${esc(Number(price.amount).toFixed(context.locale.decimals))}">
  <link itemprop="availability" href="${schemaAvailability(product.availability === 'PREORDER' ? 'IN_STOCK' : product.availability, 'http')}">
</div>`;
}

function debutPrice(context: PageContext, price = context.product.price, compareAt = context.product.compareAt): string {
  const ui = context.locale.ui;
  return `<dl class="price${compareAt ? ' price--on-sale' : ''}${soldOut(context) ? ' price--sold-out' : ''}" data-price>
  <div class="price__regular"><dt><span class="visually-hidden visually-hidden--inline">${esc(ui.regularPrice)}</span></dt>
    <dd><span class="price-item price-item--regular" data-regular-price>${esc(context.money(compareAt ?? price))}</span></dd></div>
  <div class="price__sale"><dt><span class="visually-hidden visually-hidden--inline">${esc(ui.salePrice)}</span></dt>
    <dd><span class="price-item price-item--sale" data-sale-price>${esc(context.money(price))}</span></dd>
    <dt><span class="visually-hidden visually-hidden--inline">${esc(ui.regularPrice)}</span></dt>
    <dd><s class="price-item price-item--regular" data-regular-price>${compareAt ? esc(context.money(compareAt)) : ''}</s></dd></div>
  <div class="price__badges"><span class="price__badge price__badge--sale" aria-hidden="true"><span>${esc(ui.sale)}</span></span><span class="price__badge price__badge--sold-out"><span>${esc(ui.soldOut)}</span></span></div>
</dl>`;
}

/** Shopify's Debut (2018-2021): microdata in the product section, ProductJson script, lazysizes images on cdn.shopify.com. */
export const shopifyDebut: ProductTheme = {
  platform: 'shopify',
  style: 'debut',
  path: (context) => `/collections/${encodeURIComponent(context.product.trail[context.product.trail.length - 1]!.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}/products/${context.product.slug}`,
  prepare: (context) => prepareShopify(context, true, false),
  render(context) {
    const { product, locale, scenario, store } = context;
    const images = product.imageKeys.map((key) => shopifyImage(context, key, 1024, true));
    if (scenario.staleStructuredPrice && scenario.structured) context.tags.push('stale-microdata');
    const featured = images[0]!;
    const thumbs = images.map((image, index) => `<li class="grid__item medium-up--one-quarter product-single__thumbnails-item js"><a href="${esc(image.replace('_1024x', '_1024x1024'))}" class="text-link product-single__thumbnail product-single__thumbnail--product-template${index === 0 ? ' active-thumb' : ''}" data-thumbnail-id="product-template-${index}"><img class="product-single__thumbnail-image" src="${esc(image.replace('_1024x', '_110x110@2x'))}" alt="Load image ${index + 1} in gallery view"></a></li>`);
    const section = `<div class="product-template__container page-width" id="ProductSection-product-template" data-section-id="product-template" data-section-type="product" data-enable-history-state="true"${scenario.structured ? ' itemscope itemtype="http://schema.org/Product"' : ''}>
${scenario.structured ? debutMicrodata(context, images) : ''}
<div class="grid product-single product-single--medium-image">
<div class="grid__item product-single__photos medium-up--one-half"><div id="FeaturedImageZoom-product-template-0" class="product-single__photo js-zoom-enabled product-single__photo--has-thumbnails" data-image-id="0" data-zoom="${esc(featured.replace('_1024x', '_1024x1024'))}">
<div class="product-single__photo-wrapper js"><img id="FeaturedImage-product-template-0" class="feature-row__image product-featured-img lazyload" src="${esc(featured.replace('_1024x', '_300x300'))}" data-src="${esc(featured.replace('_1024x', '_{width}x'))}" data-widths="[180, 360, 540, 720, 900, 1080, 1296, 1512, 1728, 2048]" data-aspectratio="1.0" data-sizes="auto" tabindex="-1" alt="${esc(product.title)}"></div>
<noscript><img src="${esc(featured.replace('_1024x', '_530x@2x'))}" alt="${esc(product.title)}" class="product-featured-img"></noscript></div>
<div class="thumbnails-wrapper"><ul class="product-single__thumbnails product-single__thumbnails-product-template">${thumbs.join('')}</ul></div></div>
<div class="grid__item medium-up--one-half"><div class="product-single__meta">
<h1 class="product-single__title">${esc(product.title)}</h1>
${context.rng.chance(0.5) ? `<p class="product-single__vendor">${esc(product.brand ?? store.name)}</p>` : ''}
<div class="product__price">${debutPrice(context)}</div>
<div class="product__policies rte" data-product-policies>${esc(locale.ui.taxIncluded)} <a href="/policies/shipping-policy">${esc(locale.ui.shipping)}</a></div>
<form method="post" action="/cart/add" id="product_form_${product.id}" accept-charset="UTF-8" class="product-form product-form-product-template" enctype="multipart/form-data" novalidate="novalidate">
${product.variants.length > 0 ? `<div class="selector-wrapper js product-form__item"><label for="SingleOptionSelector-0">${esc(product.optionName ?? '')}</label><select class="single-option-selector single-option-selector-product-template product-form__input" id="SingleOptionSelector-0" data-index="option1">${product.variants.map((variant, index) => `<option value="${esc(variant.value)}"${index === product.selected ? ' selected="selected"' : ''}>${esc(variant.value)}</option>`).join('')}</select></div>` : ''}
${variantSelect(context, 'ProductSelect-product-template')}
<div class="product-form__controls-group product-form__controls-group--submit"><div class="product-form__item product-form__item--submit product-form__item--payment-button">
<button type="submit" name="add" id="AddToCart-product-template"${soldOut(context) ? ' aria-disabled="true" disabled="disabled"' : ''} aria-label="${esc(buttonLabel(context))}" class="btn product-form__cart-submit btn--secondary-accent" data-add-to-cart><span data-add-to-cart-text>${esc(buttonLabel(context))}</span></button>
</div></div></form>
${judgeMeBadge(context)}
<div class="product-single__description rte"><p>${esc(product.description)}</p></div>
</div></div></div></div>
${jsonScript(shopifyProductJson(context, images), { type: 'application/json', attributes: 'id="ProductJson-product-template"' })}`;
    return htmlDocument({
      lang: product.language, charsetMeta: charsetMeta(context.charsetLabel), title: `${product.title} – ${store.name}`,
      htmlAttributes: 'class="no-js supports-no-cookies"',
      head: ['<meta http-equiv="X-UA-Compatible" content="IE=edge">', `<link rel="canonical" href="${esc(context.url.replace(/\/collections\/[^/]+/, ''))}">`,
        shopifySocialMeta(context, images), shopifyGlobals(context, 'Debut', 796), reviewAppJsonLd(context)],
      bodyAttributes: 'class="template-product"',
      body: [
        announcementBar(context, 'announcement-bar'),
        `<header class="site-header border-bottom logo--left" role="banner"><div class="grid grid--no-gutters grid--table site-header__mobile-nav"><div class="grid__item medium-up--one-quarter logo-align--left"><h1 class="h2 site-header__logo"><a href="/" class="site-header__logo-link">${esc(store.name)}</a></h1></div><nav class="grid__item medium-up--one-half small--hide" id="AccessibleNav" role="navigation">${navMenu(context, 'site-nav', '/collections/')}</nav></div></header>`,
        '<main class="main-content js-focus-hidden" id="MainContent" role="main" tabindex="-1">', section,
        reviewList(context, 'jdgm-rev-widg'),
        carousel(context, locale.ui.related, 'product-recommendations', (other) => `<div class="grid-view-item product-card"><a class="grid-view-item__link" href="/products/${esc(other.slug)}"><img class="grid-view-item__image" src="${esc(shopifyImage(context, other.imageKeys[0]!, 345, true))}" alt=""><div class="h4 grid-view-item__title product-card__title">${esc(other.title)}</div></a>${debutPrice(context, other.price, other.compareAt)}</div>`),
        '</main>', footer(context, 'site-footer'), cookieBanner('cookie-banner'), analytics(context),
      ],
    });
  },
};

function impulsePrice(context: PageContext): string {
  const { product } = context;
  const ui = context.locale.ui;
  const savings = product.compareAt ? { amount: (Number(product.compareAt.amount) - Number(product.price.amount)).toFixed(context.locale.decimals), currency: product.price.currency } : null;
  return `<div class="product-block product-block--price" data-dynamic-variant-price>
<label class="variant__label" for="ProductPrice-template--main">${esc(ui.regularPrice)}</label>
<span data-a11y-price class="visually-hidden" aria-hidden="false">${esc(ui.regularPrice)}</span>
<span data-product-price-wrap class="${product.compareAt ? '' : 'hide'}"><span data-compare-price class="product__price product__price--compare">${product.compareAt ? esc(context.money(product.compareAt)) : ''}</span></span>
<span data-compare-price-a11y class="visually-hidden">${esc(ui.salePrice)}</span>
<span data-product-price class="product__price${product.compareAt ? ' on-sale' : ''}">${esc(context.money(product.price))}</span>
${savings ? `<span data-save-price class="product__price-savings">${esc(ui.sale)} ${esc(context.money(savings))}</span>` : ''}
<div class="product__policies rte small--text-center">${esc(context.locale.ui.taxIncluded)} <a href="/policies/shipping-policy">${esc(context.locale.ui.shipping)}</a></div>
</div>`;
}

/** An Impulse-like premium theme: breadcrumbs, vendor link, SKU line, savings badge, JSON-LD with an Offer per variant. */
export const shopifyImpulse: ProductTheme = {
  platform: 'shopify',
  style: 'impulse',
  path: (context) => `/products/${context.product.slug}`,
  prepare(context) {
    prepareShopify(context, true, context.scenario.breadcrumbs);
    const trail = context.product.trail;
    if (context.product.breadcrumbs) context.product.breadcrumbs = [trail[trail.length - 1]!];
  },
  render(context) {
    const { product, locale, scenario, store } = context;
    const images = product.imageKeys.map((key) => shopifyImage(context, key, 1800, true));
    if (scenario.staleStructuredPrice && scenario.structured) context.tags.push('stale-json-ld');
    if (product.compareAt) context.tags.push('savings-amount');
    const crumbs = product.breadcrumbs ? `<nav class="breadcrumb" role="navigation" aria-label="breadcrumbs"><a href="/" title="Back to the frontpage">${esc(locale.ui.home)}</a><span class="breadcrumb__divider" aria-hidden="true">/</span><a href="/collections/all">${esc(product.breadcrumbs[0]!)}</a><span class="breadcrumb__divider" aria-hidden="true">/</span><span>${esc(product.title)}</span></nav>` : '';
    const gallery = images.map((image, index) => `<div class="product-main-slide${index === 0 ? ' starting-slide' : ''}" data-index="${index}"><div class="image-wrap" style="height: 0; padding-bottom: 100%;"><img class="photoswipe__image lazyload" data-photoswipe-src="${esc(image.replace('_1800x', '_1800x1800'))}" data-photoswipe-width="2000" data-photoswipe-height="2000" data-index="${index + 1}" data-src="${esc(image.replace('_1800x', '_{width}x'))}" data-widths="[360, 540, 720, 900, 1080]" data-aspectratio="1.0" data-sizes="auto" alt="${esc(product.title)}"><noscript><img class="lazyloaded" src="${esc(image.replace('_1800x', '_400x'))}" alt="${esc(product.title)}"></noscript></div></div>`);
    const main = `<div id="ProductSection-template--main" class="product-section" data-section-id="template--main" data-section-type="product" data-product-handle="${esc(product.slug)}" data-product-url="/products/${esc(product.slug)}">
<div class="page-content page-content--product"><div class="page-width">
${crumbs}
<div class="grid grid--product-images--partial"><div class="grid__item medium-up--three-fifths product-single__sticky"><div class="product__main-photos" data-product-single-media-group><div data-product-photos class="product-slideshow" id="ProductPhotos-template--main">${gallery.join('')}</div></div></div>
<div class="grid__item medium-up--two-fifths"><div class="product-single__meta">
<div class="product-block product-block--header">
<div class="product-single__vendor"><a href="/collections/vendors?q=${esc(encodeURIComponent(product.brand ?? store.name))}">${esc(product.brand ?? store.name)}</a></div>
<h1 class="h2 product-single__title">${esc(product.title)}</h1>
${product.rating !== null ? `<span class="product-single__review-link"><span class="yotpo bottomLine" data-product-id="${product.id}"><span class="sr-only">${product.rating} star rating</span> ${esc(locale.ui.reviews.replace('{n}', String(product.reviewCount)))}</span></span>` : ''}
${product.sku && context.rng.chance(0.7) ? `<p data-sku class="product-single__sku">${esc(locale.ui.sku)}: ${esc(product.sku)}</p>` : ''}
</div><hr class="hr--medium">
${impulsePrice(context)}
<div class="product-block"><form method="post" action="/cart/add" id="AddToCartForm-template--main" accept-charset="UTF-8" class="product-single__form" enctype="multipart/form-data">
${product.variants.length > 0 ? `<div class="variant-wrapper variant-wrapper--button js"><label class="variant__label">${esc(product.optionName ?? '')}</label><fieldset class="variant-input-wrap" name="${esc(product.optionName ?? '')}" data-index="option1">${product.variants.map((variant, index) => `<div class="variant-input" data-index="option1" data-value="${esc(variant.value)}"><input type="radio"${index === product.selected ? ' checked="checked"' : ''} value="${esc(variant.value)}" data-index="option1" name="${esc(product.optionName ?? '')}" class="variant__input-${index}${variant.available ? '' : ' disabled'}" id="ProductSelect-option-${index}"><label for="ProductSelect-option-${index}" class="variant__button-label${variant.available ? '' : ' disabled'}">${esc(variant.value)}</label></div>`).join('')}</fieldset></div>` : ''}
${variantSelect(context, 'ProductSelect-template--main')}
<button type="submit" name="add" data-add-to-cart class="btn btn--full add-to-cart"${soldOut(context) ? ' disabled="disabled"' : ''}><span data-add-to-cart-text data-default-text="${esc(locale.ui.addToCart)}">${esc(buttonLabel(context))}</span></button>
${product.availability === 'PREORDER' ? `<p class="product__inventory">${esc(locale.ui.preorderNote.replace('{n}', '20'))}</p>` : product.availability === 'IN_STOCK' && product.stockLeft <= 5 ? `<div class="product__inventory">${esc(locale.ui.lowStock.replace('{n}', String(product.stockLeft)))}</div>` : ''}
</form></div>
<div class="product-block"><div class="rte"><p>${esc(product.description)}</p></div></div>
</div></div></div></div></div>
${jsonScript(shopifyProductJson(context, images), { type: 'application/json', attributes: `id="ProductJson-template--main"` })}
</div>`;
    return htmlDocument({
      lang: product.language, charsetMeta: charsetMeta(context.charsetLabel), title: `${product.title} | ${store.name}`, htmlAttributes: 'class="no-js"',
      head: [`<link rel="canonical" href="${esc(context.url)}">`, shopifySocialMeta(context, images), shopifyGlobals(context, 'Impulse', 857),
        scenario.structured ? shopifyClassicJsonLd(context, images, { staleAmount: scenario.staleStructuredPrice ? product.compareAt : null, availability: offerAvailability(context, context.rng.chance(0.5)) }) : '',
        reviewAppJsonLd(context)],
      bodyAttributes: 'class="template-product"',
      body: [announcementBar(context, 'announcement-bar'), `<div class="header-sticky-wrapper"><header class="site-header" data-sticky="true"><div class="page-width"><a href="/" class="site-header__logo-link">${esc(store.name)}</a>${navMenu(context, 'site-nav', '/collections/')}</div></header></div>`,
        '<main class="main-content" id="MainContent">', main,
        carousel(context, locale.ui.related, 'product-recommendations', (other) => `<div class="grid-product__content"><a href="/products/${esc(other.slug)}" class="grid-product__link"><div class="grid-product__image-mask"><img class="grid-product__image lazyload" data-src="${esc(shopifyImage(context, other.imageKeys[0]!, null, true).replace('.jpg', '_{width}x.jpg'))}" alt="${esc(other.title)}"></div><div class="grid-product__meta"><div class="grid-product__title grid-product__title--body">${esc(other.title)}</div><div class="grid-product__vendor">${esc(other.brand ?? '')}</div><div class="grid-product__price">${other.compareAt ? `<span class="visually-hidden">${esc(locale.ui.regularPrice)}</span><span class="grid-product__price--original">${esc(context.money(other.compareAt))}</span><span class="visually-hidden">${esc(locale.ui.salePrice)}</span>` : ''}${esc(context.money(other.price))}</div></div></a></div>`),
        '</main>', footer(context, 'site-footer'), analytics(context)],
    });
  },
};
