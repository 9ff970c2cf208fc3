import { collapseAvailability } from '../catalog.js';
import { analytics, announcementBar, carousel, footer, navMenu, reviewList } from '../chrome.js';
import { charsetMeta, esc, htmlDocument, jsonScript, schemaAvailability, stars } from '../html.js';
import type { PageContext, ProductTheme } from '../page.types.js';

function storeHash(context: PageContext): string {
  return `s-${(context.store.host.length * 7919).toString(36)}${context.store.name.length.toString(36)}q`;
}

function stencilImage(context: PageContext, key: string, index: number, size: string, productId: number): string {
  return `https://cdn11.bigcommerce.com/${storeHash(context)}/images/stencil/${size}/products/${productId}/${380 + index}/${key}__${16_800_000 + productId}.1690000000.jpg?c=2`;
}

function money(context: PageContext, amount: PageContext['product']['price']): Record<string, unknown> {
  return { formatted: context.money(amount), value: Number(amount.amount), currency: amount.currency };
}

/** BigCommerce Cornerstone: productView markup, Was/Now price sections, BCData with sku/upc/mpn/instock, JSON-LD in newer versions. */
export const bigcommerceCornerstone: ProductTheme = {
  platform: 'bigcommerce',
  style: 'cornerstone',
  path: (context) => `/${context.product.slug}/`,
  prepare(context) {
    const { product } = context;
    const productId = product.id % 997;
    product.images = product.imageKeys.map((key, index) => stencilImage(context, key, index, '1280x1280', productId));
    collapseAvailability(product, ['IN_STOCK', 'OUT_OF_STOCK']);
    // Without JSON-LD, Cornerstone's rating is star icons only: no exact value to label.
    if (!context.scenario.structured) {
      product.rating = null;
      product.reviewCount = null;
    }
  },
  render(context) {
    const { product, locale, scenario, store } = context;
    const productId = product.id % 997;
    const inStock = product.availability === 'IN_STOCK';
    const withTax = locale.tag !== 'en-US';
    const taxClass = withTax ? 'withTax' : 'withoutTax';
    if (scenario.staleStructuredPrice && scenario.structured) context.tags.push('stale-json-ld');
    const shown = scenario.staleStructuredPrice && product.compareAt ? product.compareAt : product.price;
    const bcData = {
      csrf_token: context.rng.hex(64),
      product_attributes: {
        sku: product.sku, upc: product.gtin && product.gtin.length === 12 ? product.gtin : null, mpn: product.mpn, gtin: product.gtin && product.gtin.length !== 12 ? product.gtin : null,
        weight: null, base: true, image: null,
        price: { [`${withTax ? 'with' : 'without'}_tax`]: money(context, product.price), tax_label: withTax ? 'VAT' : 'Tax',
          ...(product.compareAt ? { [`sale_price_${withTax ? 'with' : 'without'}_tax`]: money(context, product.price), [`non_sale_price_${withTax ? 'with' : 'without'}_tax`]: money(context, product.compareAt) } : {}) },
        stock: null, instock: inStock, stock_message: null, purchasable: inStock, purchasing_message: inStock ? null : 'The selected product combination is currently unavailable.', call_for_price_message: null,
      },
    };
    const jsonLd = scenario.structured ? jsonScript({
      '@context': 'https://schema.org/', '@type': 'Product', name: product.title, sku: product.sku ?? undefined,
      ...(product.gtin ? { [product.gtin.length === 12 ? 'gtin12' : 'gtin13']: product.gtin } : {}), ...(product.mpn ? { mpn: product.mpn } : {}), url: context.url,
      ...(product.brand ? { brand: { '@type': 'Brand', url: `${store.origin}/brands/${encodeURIComponent(product.brand)}.html`, name: product.brand } } : {}),
      description: product.description, image: product.images[0],
      offers: { '@type': 'Offer', priceCurrency: shown.currency, price: String(Number(shown.amount)), itemCondition: 'https://schema.org/NewCondition', availability: schemaAvailability(product.availability), url: context.url, priceValidUntil: '2025-09-30' },
      ...(product.rating !== null ? { aggregateRating: { '@type': 'AggregateRating', ratingValue: product.rating, ratingCount: product.reviewCount } } : {}),
    }, { pretty: true }) : '';
    const images = product.imageKeys.map((key, index) => `<li class="productView-thumbnail"><a class="productView-thumbnail-link" href="${esc(stencilImage(context, key, index, '1280x1280', productId))}" data-image-gallery-item data-image-gallery-new-image-url="${esc(stencilImage(context, key, index, '500x659', productId))}" data-image-gallery-zoom-image-url="${esc(stencilImage(context, key, index, '1280x1280', productId))}"><img src="${esc(stencilImage(context, key, index, '50x50', productId))}" alt="${esc(product.title)}" title="${esc(product.title)}"></a></li>`);
    const ratingBlock = product.rating !== null ? `<div class="productView-rating">${stars(product.rating).split('').map((star) => `<span class="icon icon--rating${star === '★' ? 'Full' : 'Empty'}"><svg><use xlink:href="#icon-star" /></svg></span>`).join('')}<span class="productView-reviewLink"><a href="${esc(context.url)}#product-reviews">${product.reviewCount} ${locale.lang === 'en' ? 'reviews' : locale.ui.reviews.replace('{n} ', '')}</a></span><span class="productView-reviewLink"><a href="${esc(context.url)}?action=write_review" data-reveal-id="modal-review-form">Write a Review</a></span></div>` : '';
    const main = `<div class="productView" data-event-type="product" data-entity-id="${productId}" data-name="${esc(product.title)}" data-product-category="${esc(product.trail.join('/'))}" data-product-brand="${esc(product.brand ?? '')}" data-product-price="${Number(product.price.amount)}" data-product-variant="single-product-option">
<section class="productView-images" data-image-gallery><figure class="productView-image" data-image-gallery-main data-zoom-image="${esc(stencilImage(context, product.imageKeys[0]!, 0, '1280x1280', productId))}"><div class="productView-img-container"><a href="${esc(stencilImage(context, product.imageKeys[0]!, 0, '1280x1280', productId))}" target="_blank"><img src="${esc(stencilImage(context, product.imageKeys[0]!, 0, '500x659', productId))}" alt="${esc(product.title)}" title="${esc(product.title)}" data-sizes="auto" class="productView-image--default lazyload" data-main-image /></a></div></figure>
<ul class="productView-thumbnails">${images.join('')}</ul></section>
<section class="productView-details product-data"><div class="productView-product">
<h1 class="productView-title">${esc(product.title)}</h1>
${product.brand ? `<h2 class="productView-brand"><a href="${esc(store.origin)}/brands/${esc(encodeURIComponent(product.brand))}.html"><span>${esc(product.brand)}</span></a></h2>` : ''}
<div class="productView-price">
<div class="price-section price-section--${taxClass} rrp-price--${taxClass}" style="display: none;">MSRP: <span data-product-rrp-price-${withTax ? 'with' : 'without'}-tax class="price price--rrp"></span></div>
<div class="price-section price-section--${taxClass} non-sale-price--${taxClass}"${product.compareAt ? '' : ' style="display: none;"'}>Was: <span data-product-non-sale-price-${withTax ? 'with' : 'without'}-tax class="price price--non-sale">${product.compareAt ? esc(context.money(product.compareAt)) : ''}</span></div>
<div class="price-section price-section--${taxClass}"><span class="price-label"${product.compareAt ? ' style="display: none;"' : ''}></span><span class="price-now-label"${product.compareAt ? '' : ' style="display: none;"'}>Now:</span><span data-product-price-${withTax ? 'with' : 'without'}-tax class="price price--${taxClass}">${esc(context.money(product.price))}</span>${withTax ? '<abbr title="Including Tax">(Inc. VAT)</abbr>' : ''}</div>
<div class="price-section price-section--saving price"${product.compareAt ? '' : ' style="display: none;"'}><span class="price">(You save</span><span data-product-price-saved class="price price--saving">${product.compareAt ? esc(context.money({ amount: (Number(product.compareAt.amount) - Number(product.price.amount)).toFixed(locale.decimals), currency: product.price.currency })) : ''}</span><span class="price">)</span></div>
</div>
<div data-content-region="product_below_price"></div>
${ratingBlock}
<dl class="productView-info">
${product.sku ? `<dt class="productView-info-name sku-label">SKU:</dt><dd class="productView-info-value" data-product-sku>${esc(product.sku)}</dd>` : ''}
${product.gtin ? `<dt class="productView-info-name upc-label">${product.gtin.length === 12 ? 'UPC' : 'GTIN'}:</dt><dd class="productView-info-value" data-product-upc>${esc(product.gtin)}</dd>` : ''}
${product.mpn ? `<dt class="productView-info-name mpn-label">MPN:</dt><dd class="productView-info-value" data-product-mpn>${esc(product.mpn)}</dd>` : ''}
<dt class="productView-info-name">Weight:</dt><dd class="productView-info-value" data-product-weight>1.20 LBS</dd>
<dt class="productView-info-name">Shipping:</dt><dd class="productView-info-value">Calculated at Checkout</dd>
</dl></div></section>
<section class="productView-details product-options"><div class="productView-options"><form class="form" method="post" action="${esc(store.origin)}/cart.php" enctype="multipart/form-data" data-cart-item-add><input type="hidden" name="action" value="add"><input type="hidden" name="product_id" value="${productId}"/>
${product.variants.length > 0 ? `<div class="form-field" data-product-attribute="set-rectangle" role="radiogroup"><label class="form-label form-label--alternate form-label--inlineSmall">${esc(product.optionName ?? '')}: <span data-option-value></span></label>${product.variants.map((variant, index) => `<input class="form-radio" type="radio" id="attribute_rectangle__${index}" name="attribute[${index + 100}]" value="${variant.id}"${index === product.selected ? ' checked' : ''}${variant.available ? '' : ' data-product-attribute-value-unavailable'}><label class="form-option${variant.available ? '' : ' unavailable'}" for="attribute_rectangle__${index}" data-product-attribute-value="${variant.id}"><span class="form-option-variant">${esc(variant.value)}</span></label>`).join('')}</div>` : ''}
<div class="form-field form-field--stock u-hiddenVisually"><label class="form-label form-label--alternate">Current Stock:<span data-product-stock></span></label></div>
<div id="add-to-cart-wrapper" class="add-to-cart-wrapper"${inStock ? '' : ' style="display: none"'}><div class="form-field form-field--increments"><label class="form-label form-label--alternate" for="qty[]">Quantity:</label><input class="form-input form-input--incrementTotal" id="qty[]" name="qty[]" type="tel" value="1" min="1" pattern="[0-9]*"></div>
<div class="add-to-cart-buttons"><div class="form-action"><input id="form-action-addToCart" data-wait-message="Adding to cart…" class="button button--primary" type="submit" value="${esc(locale.lang === 'en' ? 'Add to Cart' : locale.ui.addToCart)}"></div></div></div>
${inStock ? '' : `<div class="alertBox productAttributes-message"><div class="alertBox-column alertBox-icon"><icon glyph="ic-success" class="icon" aria-hidden="true"></icon></div><p class="alertBox-column alertBox-message"><span>${esc(locale.lang === 'en' ? 'Out of stock' : locale.ui.outOfStock)}</span></p></div>`}
</form></div></section>
<article class="productView-description" data-product-description><div class="tabs-contents"><div class="tab-content is-active" id="tab-description"><p>${esc(product.description)}</p></div></div></article></div>
${reviewList(context, 'productReviews')}`;
    return htmlDocument({
      lang: product.language, charsetMeta: charsetMeta(context.charsetLabel), title: `${product.title} - ${store.name}`, htmlAttributes: 'class="no-js"',
      head: [`<link rel="dns-prefetch preconnect" href="https://cdn11.bigcommerce.com/${storeHash(context)}" crossorigin>`,
        `<meta property="product:price:amount" content="${Number(product.price.amount)}" /><meta property="product:price:currency" content="${product.price.currency}" /><meta property="og:url" content="${esc(context.url)}" /><meta property="og:site_name" content="${esc(store.name)}" />`,
        `<link rel='canonical' href='${esc(context.url)}' /><meta name='platform' content='bigcommerce.stencil' /><meta property="og:type" content="product" /><meta property="og:title" content="${esc(product.title)}" /><meta property="og:description" content="${esc(product.description)}" />`,
        `<meta property="og:image" content="https://cdn11.bigcommerce.com/${storeHash(context)}/products/${productId}/images/380/${esc(product.imageKeys[0]!)}__${16_800_000 + productId}.1690000000.386.513.jpg?c=2" /><meta property="og:availability" content="${inStock ? 'instock' : 'oos'}" /><meta property="pinterest:richpins" content="enabled" />`,
        jsonLd],
      bodyAttributes: 'class="page-type-product"',
      body: [announcementBar(context, 'banners'), `<header class="header" role="banner"><h2 class="header-logo header-logo--center"><a href="${esc(store.origin)}/" class="header-logo__link" data-header-logo-link><span class="header-logo-text">${esc(store.name)}</span></a></h2><div class="navPages-container" id="menu" data-menu><nav class="navPages">${navMenu(context, 'navPages-list', `${store.origin}/`)}</nav></div></header>`,
        `<main class="body" id="main-content" role="main" data-currency-code="${product.price.currency}"><div class="container">`,
        product.breadcrumbs ? `<nav aria-label="Breadcrumb"><ol class="breadcrumbs"><li class="breadcrumb "><a class="breadcrumb-label" href="${esc(store.origin)}/"><span>${esc(locale.ui.home)}</span></a></li>${product.breadcrumbs.map((name) => `<li class="breadcrumb "><a class="breadcrumb-label" href="${esc(store.origin)}/${esc(encodeURIComponent(name.toLowerCase()))}/"><span>${esc(name)}</span></a></li>`).join('')}<li class="breadcrumb is-active"><a class="breadcrumb-label" href="${esc(context.url)}" aria-current="page"><span>${esc(product.title)}</span></a></li></ol></nav>` : '',
        `<div itemscope itemtype="http://schema.org/WebPage">${main}</div>`,
        carousel(context, 'Related Products', 'productCarousel', (other) => `<article class="card" data-test="card-${other.id}" data-event-type="list" data-entity-id="${other.id}" data-name="${esc(other.title)}" data-product-price="${Number(other.price.amount)}"><figure class="card-figure"><a href="${esc(store.origin)}/${esc(other.slug)}/" class="card-figure__link"><div class="card-img-container"><img src="${esc(stencilImage(context, other.imageKeys[0]!, 0, '500x659', other.id % 997))}" alt="${esc(other.title)}" class="card-image lazyload"></div></a></figure><div class="card-body"><p class="card-text" data-test-info-type="brandName">${esc(other.brand ?? '')}</p><h3 class="card-title"><a href="${esc(store.origin)}/${esc(other.slug)}/">${esc(other.title)}</a></h3><div class="card-text" data-test-info-type="price"><div class="price-section price-section--${taxClass} non-sale-price--${taxClass}"${other.compareAt ? '' : ' style="display: none;"'}>Was: <span data-product-non-sale-price-without-tax class="price price--non-sale">${other.compareAt ? esc(context.money(other.compareAt)) : ''}</span></div><div class="price-section price-section--${taxClass}"><span data-product-price-without-tax class="price price--${taxClass}">${esc(context.money(other.price))}</span></div></div></div></article>`),
        '</div></main>', footer(context, 'footer'),
        `<script>\n  var BCData = ${JSON.stringify(bcData)};\n</script>`, analytics(context)],
    });
  },
};
