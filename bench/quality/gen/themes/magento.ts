import { analytics, footer, navMenu, reviewList } from '../chrome.js';
import { collapseAvailability, useFromPrice } from '../catalog.js';
import { charsetMeta, esc, htmlDocument, jsonScript, schemaAvailability } from '../html.js';
import type { PageContext, ProductTheme } from '../page.types.js';
import { Random } from '../random.js';

function cacheHash(seed: string): string {
  return new Random(seed).hex(32);
}

/** Magento media URL; `cached` puts it under /cache/<hash>/ as the frontend serves resized images. */
function mediaUrl(context: PageContext, key: string, cached: string | null): string {
  const file = `${key[0]}/${key[1] ?? '_'}/${key}.jpg`;
  return `${context.store.origin}/media/catalog/product/${cached ? `cache/${cacheHash(cached)}/` : ''}${file}`;
}

function prepareMagento(context: PageContext): void {
  const { product } = context;
  product.images = product.imageKeys.map((key) => mediaUrl(context, key, null));
  if (useFromPrice(product, true)) context.tags.push('price-from');
  collapseAvailability(product, ['IN_STOCK', 'OUT_OF_STOCK']);
}

const amountAttr = (amount: string): string => String(Number(amount));

/** A Luma price box; `microdata` adds the Offer itemprops of the main product. */
function priceBox(context: PageContext, productId: number, price: PageContext['product']['price'], compareAt: PageContext['product']['compareAt'], microdata: boolean): string {
  const ui = context.locale.ui;
  const offer = microdata ? ' itemprop="offers" itemscope itemtype="http://schema.org/Offer"' : '';
  const metas = microdata ? `<meta itemprop="price" content="${amountAttr(price.amount)}" /><meta itemprop="priceCurrency" content="${price.currency}" />` : '';
  const final = `<span id="product-price-${productId}" data-price-amount="${amountAttr(price.amount)}" data-price-type="finalPrice" class="price-wrapper "><span class="price">${esc(context.money(price))}</span></span>`;
  if (!compareAt) {
    return `<div class="price-box price-final_price" data-role="priceBox" data-product-id="${productId}" data-price-box="product-id-${productId}"><span class="price-container price-final_price tax weee"${offer}>${final}${metas}</span></div>`;
  }
  return `<div class="price-box price-final_price" data-role="priceBox" data-product-id="${productId}" data-price-box="product-id-${productId}"><span class="special-price"><span class="price-container price-final_price tax weee"${offer}><span class="price-label">${esc(ui.salePrice)}</span>${final}${metas}</span></span>
<span class="old-price"><span class="price-container price-final_price tax weee"><span class="price-label">${esc(ui.regularPrice)}</span><span id="old-price-${productId}" data-price-amount="${amountAttr(compareAt.amount)}" data-price-type="oldPrice" class="price-wrapper "><span class="price">${esc(context.money(compareAt))}</span></span></span></span></div>`;
}

function priceInit(context: PageContext, productId: number): string {
  const { product } = context;
  const f = context.format;
  const pattern = f.before ? `${f.symbol}${f.gap}%s` : `%s${f.gap}${f.symbol}`;
  const old = Number((product.compareAt ?? product.price).amount);
  return `<script type="text/x-magento-init">
    {
        "[data-role=priceBox][data-price-box=product-id-${productId}]": {
            "priceBox": {
                "priceConfig":  ${JSON.stringify({ productId: String(productId), priceFormat: { pattern, precision: context.locale.decimals, requiredPrecision: context.locale.decimals, decimalSymbol: f.decimal, groupSymbol: f.group, groupLength: 3, integerRequired: false }, prices: { baseOldPrice: { amount: old, adjustments: [] }, oldPrice: { amount: old, adjustments: [] }, basePrice: { amount: Number(product.price.amount), adjustments: [] }, finalPrice: { amount: Number(product.price.amount), adjustments: [] } }, idSuffix: '_clone', tierPrices: [], calculationAlgorithm: 'TOTAL_BASE_CALCULATION' })}
            }
        }
    }
</script>`;
}

/** The configurable product's swatch config: only saleable children are listed (sold-out sizes are missing). */
function swatchInit(context: PageContext, productId: number): string {
  const { product } = context;
  if (product.variants.length === 0) return '';
  const saleable = product.variants.filter((variant) => variant.available);
  const optionPrices = Object.fromEntries(saleable.map((variant) => [String(variant.id), { baseOldPrice: { amount: Number((variant.compareAt ?? variant.price).amount) }, oldPrice: { amount: Number((variant.compareAt ?? variant.price).amount) }, basePrice: { amount: Number(variant.price.amount) }, finalPrice: { amount: Number(variant.price.amount) }, tierPrices: [], msrpPrice: { amount: null } }]));
  const config = {
    attributes: { 93: { id: '93', code: (product.optionName ?? 'size').toLowerCase(), label: product.optionName, options: saleable.map((variant, i) => ({ id: String(160 + i), label: variant.value, products: [String(variant.id)] })), position: '0' } },
    template: context.format.before ? `${context.format.symbol}<%- data.price %>` : `<%- data.price %> ${context.format.symbol}`, optionPrices,
    productId: String(productId), chooseText: 'Choose an Option...', index: Object.fromEntries(saleable.map((variant, i) => [String(variant.id), { 93: String(160 + i) }])),
    sku: Object.fromEntries(saleable.map((variant) => [String(variant.id), variant.sku])), channel: 'website', salesChannelCode: 'base',
  };
  return `<div class="swatch-opt" data-role="swatch-options"></div>
<script type="text/x-magento-init">
    {
        "[data-role=swatch-options]": {
            "Magento_Swatches/js/swatch-renderer": {
                "jsonConfig": ${JSON.stringify(config)},
                "jsonSwatchConfig": {"93":{"${160}":{"type":"0","value":"${esc(saleable[0]?.value ?? '')}","label":"${esc(saleable[0]?.value ?? '')}"}}},
                "mediaCallback": "${context.store.origin.replace(/\//g, '\\/')}\\/swatches\\/ajax\\/media\\/",
                "gallerySwitchStrategy": "replace"
            }
        }
    }
</script>`;
}

function galleryInit(context: PageContext): string {
  const { product } = context;
  const data = product.imageKeys.map((key, index) => ({
    thumb: mediaUrl(context, key, 'thumb'), img: mediaUrl(context, key, 'img'), full: mediaUrl(context, key, 'full'),
    caption: product.title, position: String(index + 1), isMain: index === 0, type: 'image', videoUrl: null,
  }));
  return `<div class="gallery-placeholder _block-content-loading" data-gallery-role="gallery-placeholder"><img alt="main product photo" class="gallery-placeholder__image" src="${esc(data[0]!.img)}" /></div>
<script type="text/x-magento-init">
    {
        "[data-gallery-role=gallery-placeholder]": {
            "mage/gallery/gallery": {
                "mixins":["magnifier/magnify"],
                "magnifierOpts": {"fullscreenzoom":"20","top":"","left":"","width":"","height":"","eventType":"hover","enabled":false},
                "data": ${JSON.stringify(data).replace(/\//g, '\\/')},
                "options": {"nav":"thumbs","loop":true,"keyboard":true,"arrows":true,"allowfullscreen":true,"showCaption":false,"width":700,"thumbwidth":88,"thumbheight":110,"height":700,"transitionduration":0,"transition":"slide","navarrows":true,"navtype":"slides","navdir":"horizontal"}
            }
        }
    }
</script>`;
}

function stockBlock(context: PageContext, microdata: boolean): string {
  const { product, locale } = context;
  const available = product.availability === 'IN_STOCK';
  return `<div class="product-info-stock-sku"><div class="stock ${available ? 'available' : 'unavailable'}" title="Availability"><span>${esc(available ? locale.ui.inStock : locale.ui.outOfStock)}</span></div>
${product.sku ? `<div class="product attribute sku"><strong class="type">${esc(locale.lang === 'en' ? 'SKU' : locale.ui.sku)}</strong><div class="value"${microdata ? ' itemprop="sku"' : ''}>${esc(product.sku)}</div></div>` : ''}</div>`;
}

function moreInformation(context: PageContext): string {
  const { product, locale } = context;
  const rows: [string, string][] = [];
  if (product.brand) rows.push([locale.lang === 'en' ? 'Manufacturer' : locale.ui.brand, product.brand]);
  if (product.mpn) rows.push([locale.ui.mpn, product.mpn]);
  if (product.gtin) rows.push([locale.ui.gtin, product.gtin]);
  rows.push([locale.lang === 'en' ? 'Material' : 'Material', 'Polyester']);
  return `<div class="additional-attributes-wrapper table-wrapper"><table class="data table additional-attributes" id="product-attribute-specs-table"><caption class="table-caption">More Information</caption><tbody>${rows.map(([label, value]) => `<tr><th class="col label" scope="row">${esc(label)}</th><td class="col data" data-th="${esc(label)}">${esc(value)}</td></tr>`).join('')}</tbody></table></div>`;
}

function related(context: PageContext): string {
  if (!context.scenario.related) return '';
  context.tags.push('related-carousel');
  const items = context.related.map((other) => `<li class="item product product-item"><div class="product-item-info related-available"><a href="${esc(context.store.origin)}/${esc(other.slug)}.html" class="product photo product-item-photo"><span class="product-image-container product-image-container-${other.id}"><span class="product-image-wrapper"><img class="product-image-photo" src="${esc(mediaUrl(context, other.imageKeys[0]!, 'small'))}" loading="lazy" width="152" height="190" alt="${esc(other.title)}"/></span></span></a>
<div class="product details product-item-details"><strong class="product name product-item-name"><a class="product-item-link" title="${esc(other.title)}" href="${esc(context.store.origin)}/${esc(other.slug)}.html">${esc(other.title)}</a></strong>${priceBox(context, other.id, other.price, other.compareAt, false)}
<div class="field choice related"><input type="checkbox" class="checkbox related" id="related-checkbox${other.id}" name="related_products[]" value="${other.id}" /><label class="label" for="related-checkbox${other.id}"><span>Add to Cart</span></label></div></div></div></li>`);
  return `<div class="block related" data-mage-init='{"relatedProducts":{"relatedCheckbox":".related.checkbox"}}' data-limit="0" data-shuffle="0"><div class="block-title title"><strong id="block-related-heading" role="heading" aria-level="2">${esc(context.locale.ui.related)}</strong></div><div class="block-content content" aria-labelledby="block-related-heading"><div class="products wrapper grid products-grid products-related"><ol class="products list items product-items">${items.join('\n')}</ol></div></div></div>`;
}

function crumbs(context: PageContext): string {
  const { product, locale, store } = context;
  if (!product.breadcrumbs) return '';
  return `<div class="breadcrumbs"><ul class="items"><li class="item home"><a href="${esc(store.origin)}/" title="Go to Home Page">${esc(locale.ui.home)}</a></li>${product.breadcrumbs.map((name, i) => `<li class="item category${i + 3}"><a href="${esc(store.origin)}/${esc(name.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}.html" title="">${esc(name)}</a></li>`).join('')}<li class="item product"><strong>${esc(product.title)}</strong></li></ul></div>`;
}

function magentoHead(context: PageContext, theme: string): string[] {
  const { product, store } = context;
  const localeDir = (product.language ?? 'en-US').replace('-', '_');
  return [
    `<meta name="title" content="${esc(product.title)}"/>`, `<meta name="description" content="${esc(product.description)}"/>`, '<meta name="robots" content="INDEX,FOLLOW"/>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>', '<meta name="format-detection" content="telephone=no"/>',
    `<link rel="stylesheet" type="text/css" media="all" href="${esc(store.origin)}/static/version1701234567/frontend/${theme}/${localeDir}/css/styles-m.css" />`,
    `<script type="text/javascript" src="${esc(store.origin)}/static/version1701234567/frontend/${theme}/${localeDir}/requirejs/require.js"></script>`,
    `<link rel="canonical" href="${esc(context.url)}" />`, '<meta property="og:type" content="product" />', `<meta property="og:title" content="${esc(product.title)}" />`,
    `<meta property="og:image" content="${esc(mediaUrl(context, product.imageKeys[0]!, 'og'))}" />`, `<meta property="og:description" content="${esc(product.description)}" />`,
    `<meta property="og:url" content="${esc(context.url)}" />`, `<meta property="product:price:amount" content="${amountAttr(product.price.amount)}"/>`,
    `<meta property="product:price:currency" content="${product.price.currency}"/>`,
  ];
}

/** Magento 2 Luma: microdata on <body>, price boxes with data-price-amount, x-magento-init gallery/price/swatch config. */
export const magentoLuma: ProductTheme = {
  platform: 'magento',
  style: 'luma',
  path: (context) => `/${context.product.slug}.html`,
  prepare: prepareMagento,
  render(context) {
    const { product, locale, scenario, store } = context;
    const productId = product.id + 7;
    const micro = scenario.structured;
    const rating = product.rating !== null ? `<div class="product-reviews-summary"${micro ? ' itemprop="aggregateRating" itemscope itemtype="http://schema.org/AggregateRating"' : ''}><div class="rating-summary"><span class="label"><span>Rating:</span></span><div class="rating-result" title="${Math.round(product.rating * 20)}%"><span style="width:${Math.round(product.rating * 20)}%"><span><span${micro ? ' itemprop="ratingValue"' : ''}>${Math.round(product.rating * 20)}</span>% of <span${micro ? ' itemprop="bestRating"' : ''}>100</span></span></span></div></div><div class="reviews-actions"><a class="action view" href="${esc(context.url)}#reviews"><span${micro ? ' itemprop="reviewCount"' : ''}>${product.reviewCount}</span>&nbsp;<span>Reviews</span></a><a class="action add" href="${esc(context.url)}#review-form">Add Your Review</a></div></div>` : '';
    const soldOut = product.availability !== 'IN_STOCK';
    const main = `<div class="product-info-main">
<div class="page-title-wrapper product"><h1 class="page-title"><span class="base" data-ui-id="page-title-wrapper"${micro ? ' itemprop="name"' : ''}>${esc(product.title)}</span></h1></div>
${rating}
<div class="product-info-price">${priceBox(context, productId, product.price, product.compareAt, micro)}${stockBlock(context, micro)}</div>
${priceInit(context, productId)}
<div class="product-add-form"><form data-product-sku="${esc(product.sku ?? '')}" action="${esc(store.origin)}/checkout/cart/add/uenc/${Buffer.from(context.url).toString('base64').replace(/=/g, '~')}/product/${productId}/" method="post" id="product_addtocart_form"><input type="hidden" name="product" value="${productId}" /><input type="hidden" name="selected_configurable_option" value="" /><input name="form_key" type="hidden" value="${context.rng.chars('abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 16)}" />
<div class="product-options-wrapper" id="product-options-wrapper">${swatchInit(context, productId)}</div>
<div class="box-tocart"><div class="fieldset"><div class="field qty"><label class="label" for="qty"><span>Qty</span></label><div class="control"><input type="number" name="qty" id="qty" min="0" value="1" title="Qty" class="input-text qty"/></div></div>
<div class="actions"><button type="submit" title="${esc(locale.ui.addToCart)}" class="action primary tocart" id="product-addtocart-button"${soldOut ? ' disabled' : ''}><span>${esc(locale.ui.addToCart)}</span></button></div></div></div>
</form></div>
<div class="product-social-links"><div class="product-addto-links" data-role="add-to-links"><a href="#" class="action towishlist" data-action="add-to-wishlist"><span>${esc(locale.ui.wishlist)}</span></a></div></div>
<div class="product attribute overview"><div class="value"${micro ? ' itemprop="description"' : ''}>${esc(product.description)}</div></div>
</div>
<div class="product media"><a id="gallery-prev-area" tabindex="-1"></a><div class="action-skip-wrapper"><a class="action skip gallery-next-area" href="#gallery-next-area"><span>Skip to the end of the images gallery</span></a></div>${micro ? `<meta itemprop="image" content="${esc(mediaUrl(context, product.imageKeys[0]!, 'img'))}" />` : ''}${galleryInit(context)}</div>
<div class="product info detailed"><div class="product data items" data-mage-init='{"tabs":{"openedState":"active"}}'><div class="data item content" id="additional" data-role="content">${moreInformation(context)}</div><div class="data item content" id="reviews">${reviewList(context, 'block review-list')}</div></div></div>
${micro && product.brand ? `<meta itemprop="brand" content="${esc(product.brand)}" />` : ''}
${micro && product.gtin ? `<meta itemprop="gtin13" content="${esc(product.gtin)}" />` : ''}
${micro && product.mpn ? `<meta itemprop="mpn" content="${esc(product.mpn)}" />` : ''}
${micro ? `<div itemprop="offers" itemscope itemtype="http://schema.org/Offer" style="display:none"><link itemprop="availability" href="${schemaAvailability(product.availability, 'http')}" /></div>` : ''}
${related(context)}`;
    return htmlDocument({
      lang: product.language, charsetMeta: charsetMeta(context.charsetLabel), title: product.title, head: magentoHead(context, 'Magento/luma'),
      bodyAttributes: `data-container="body" data-mage-init='{"loaderAjax": {}, "loader": { "icon": "${esc(store.origin)}/static/version1701234567/frontend/Magento/luma/en_US/images/loader-2.gif"}}' id="html-body"${micro ? ' itemtype="http://schema.org/Product" itemscope="itemscope"' : ''} class="catalog-product-view product-${esc(product.slug)} page-layout-1column"`,
      body: [
        '<div class="page-wrapper"><header class="page-header"><div class="panel wrapper"><div class="panel header"><ul class="header links"><li class="greet welcome" data-bind="scope: \'customer\'"><span class="not-logged-in" data-bind="html: \'Default welcome msg!\'"></span></li></ul></div></div>',
        `<div class="header content"><a class="logo" href="${esc(store.origin)}/" title="${esc(store.name)}" aria-label="store logo"><img src="${esc(store.origin)}/static/version1701234567/frontend/Magento/luma/en_US/images/logo.svg" title="${esc(store.name)}" alt="${esc(store.name)}" width="170" /></a><div data-block="minicart" class="minicart-wrapper"><a class="action showcart" href="${esc(store.origin)}/checkout/cart/"><span class="text">My Cart</span><span class="counter qty empty"><span class="counter-number">0</span></span></a></div></div></header>`,
        `<div class="sections nav-sections"><nav class="navigation" data-action="navigation">${navMenu(context, 'ui-menu', `${store.origin}/`)}</nav></div>`,
        crumbs(context), '<main id="maincontent" class="page-main"><a id="contentarea" tabindex="-1"></a><div class="columns"><div class="column main">',
        main, '</div></div></main>', footer(context, 'page-footer'), '</div>', analytics(context),
      ],
    });
  },
};

/** Magento 2 with a Hyvä-like frontend: Tailwind/Alpine markup, no microdata, JSON-LD from an SEO extension when present. */
export const magentoHyva: ProductTheme = {
  platform: 'magento',
  style: 'hyva',
  path: (context) => `/${context.product.slug}`,
  prepare: prepareMagento,
  render(context) {
    const { product, locale, scenario, store } = context;
    const productId = product.id + 11;
    if (scenario.staleStructuredPrice && scenario.structured) context.tags.push('stale-json-ld');
    const shown = scenario.staleStructuredPrice && product.compareAt ? product.compareAt : product.price;
    const jsonLd = scenario.structured ? jsonScript({
      '@context': 'https://schema.org', '@type': 'Product', name: product.title, description: product.description, image: mediaUrl(context, product.imageKeys[0]!, 'img'),
      sku: product.sku, ...(product.gtin ? { gtin13: product.gtin } : {}), ...(product.mpn ? { mpn: product.mpn } : {}),
      ...(product.brand ? { brand: { '@type': 'Brand', name: product.brand } } : {}),
      offers: { '@type': 'Offer', url: context.url, price: Number(shown.amount).toFixed(context.locale.decimals), priceCurrency: shown.currency, availability: schemaAvailability(product.availability), itemCondition: 'https://schema.org/NewCondition', priceValidUntil: '2025-12-31' },
      ...(product.rating !== null ? { aggregateRating: { '@type': 'AggregateRating', ratingValue: Math.round(product.rating * 20), bestRating: 100, reviewCount: product.reviewCount } } : {}),
    }) : '';
    const old = product.compareAt ? `<span class="old-price text-gray-500 line-through mr-2"><span class="price" x-html="getFormattedBasePrice()">${esc(context.money(product.compareAt))}</span></span>` : '';
    const main = `<section class="text-gray-700 body-font"><div class="flex whitespace-nowrap" x-data="initPrice${productId}()" x-init="initPrice()" @update-prices-${productId}.window="eventPriceChange($event)">
<div class="order-first w-full pb-6 md:w-6/12 lg:w-1/2 md:pr-6 md:pb-0"><div x-data="initGallery()" class="relative self-center w-full"><img alt="${esc(product.title)}" title="${esc(product.title)}" class="object-contain object-center w-full h-auto max-h-screen-75" src="${esc(mediaUrl(context, product.imageKeys[0]!, 'img'))}" width="700" height="700" itemprop="image"/></div>
<script>function initGallery(){return {images: ${JSON.stringify(product.imageKeys.map((key) => ({ thumb: mediaUrl(context, key, 'thumb'), img: mediaUrl(context, key, 'img'), full: mediaUrl(context, key, 'full') })))}, active: 0}}</script></div>
<div class="w-full mb-6 md:w-6/12 lg:w-1/2 md:pl-6 lg:pl-10">
<h1 class="mb-4 text-3xl font-bold title-font text-gray-900">${esc(product.title)}</h1>
${product.rating !== null ? `<div class="flex flex-row items-center"><div class="rating-summary flex"><span class="sr-only">${Math.round(product.rating * 20)}%</span></div><a class="ml-1 text-sm" href="#customer-review-list">${esc(locale.ui.reviews.replace('{n}', String(product.reviewCount)))}</a></div>` : ''}
${product.sku ? `<div class="my-2 flex text-sm"><span class="mr-2">${esc(locale.ui.sku)}:</span><span>${esc(product.sku)}</span></div>` : ''}
<div class="flex flex-col sm:flex-row items-end justify-between my-4"><div role="group" aria-label="Price"><div class="price-container">${old}<span class="price-wrapper title-font font-semibold text-2xl text-gray-900"><span class="price" x-html="getFormattedFinalPrice()">${esc(context.money(product.price))}</span></span></div>
<script>function initPrice${productId}(){return {finalPrice: ${Number(product.price.amount)}, regularPrice: ${Number((product.compareAt ?? product.price).amount)}, productId: '${productId}', getFormattedFinalPrice(){return hyva.formatPrice(this.finalPrice)}}}</script></div>
<div class="text-right"><p class="flex items-center justify-end align-middle gap-1 available stock" title="Availability">${product.availability === 'IN_STOCK' ? `<span class="text-green-600">${esc(locale.ui.inStock)}</span>` : `<span class="text-red-600">${esc(locale.ui.outOfStock)}</span>`}</p></div></div>
${product.variants.length > 0 ? `<div class="w-full"><label class="label" for="attribute93">${esc(product.optionName ?? '')}</label><select name="super_attribute[93]" id="attribute93" class="form-select">${product.variants.filter((variant) => variant.available).map((variant) => `<option value="${variant.id}">${esc(variant.value)}</option>`).join('')}</select></div>` : ''}
<form method="post" action="${esc(store.origin)}/checkout/cart/add/product/${productId}/" id="product_addtocart_form"><input type="hidden" name="product" value="${productId}"><button type="submit" form="product_addtocart_form" title="${esc(locale.ui.addToCart)}" class="btn btn-primary w-full" id="product-addtocart-button"${product.availability === 'IN_STOCK' ? '' : ' disabled'}><span class="block">${esc(locale.ui.addToCart)}</span></button></form>
<div class="prose">${esc(product.description)}</div>
${product.brand || product.gtin || product.mpn ? `<div class="product-attributes">${moreInformation(context)}</div>` : ''}
</div></div></section>
${related(context)}`;
    return htmlDocument({
      lang: product.language, charsetMeta: charsetMeta(context.charsetLabel), title: product.title, head: [...magentoHead(context, 'Hyva/default'), jsonLd],
      bodyAttributes: 'id="html-body" class="catalog-product-view product-view page-layout-1column"',
      body: [`<header class="page-header"><a class="logo" href="${esc(store.origin)}/">${esc(store.name)}</a>${navMenu(context, 'navigation', `${store.origin}/`)}</header>`,
        crumbs(context).replace('<div class="breadcrumbs">', '<nav class="breadcrumbs bg-container-lighter" aria-label="Breadcrumb">').replace(/<\/div>$/, '</nav>'),
        `<main id="maincontent" class="page-main"><div class="columns"><div class="column main">${main}</div></div></main>`, footer(context, 'page-footer'), analytics(context)],
    });
  },
};

