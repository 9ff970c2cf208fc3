import { collapseAvailability } from '../catalog.js';
import { analytics, footer, navMenu } from '../chrome.js';
import { charsetMeta, esc, htmlDocument, jsonAttr, jsonScript, schemaAvailability } from '../html.js';
import type { PageContext, ProductTheme } from '../page.types.js';

function psImage(context: PageContext, index: number, slug: string, size: string): string {
  return `${context.store.origin}/${(context.product.id % 500) + index}-${size}_default/${slug}.jpg`;
}

function relatedImage(context: PageContext, id: number, slug: string, size: string): string {
  return `${context.store.origin}/${id % 700}-${size}_default/${slug}.jpg`;
}

/** PrestaShop 1.7/8 classic theme: microdata Product on #main (with nested related miniatures), data-product JSON, tax-excl og price, brand as a logo alt. */
export const prestashopClassic: ProductTheme = {
  platform: 'prestashop',
  style: 'classic',
  path: (context) => `/${context.locale.lang}/${context.product.trail[0]!.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-')}/${context.product.id % 500}-${context.product.slug}.html`,
  prepare(context) {
    const { product } = context;
    product.images = product.imageKeys.map((_, index) => psImage(context, index, product.slug, 'large'));
    product.sku = `${product.trail[0]!.slice(0, 3).toUpperCase().normalize('NFKD').replace(/[^A-Z]/g, 'X')}${product.id % 1000}`;
    collapseAvailability(product, ['IN_STOCK', 'OUT_OF_STOCK']);
    product.language = context.locale.lang;
  },
  render(context) {
    const { product, locale, scenario, store } = context;
    const micro = scenario.structured;
    const jsonLd = scenario.structured && context.rng.chance(0.5);
    const taxRate = locale.lang === 'fr' ? 1.2 : locale.lang === 'de' ? 1.19 : locale.lang === 'pl' ? 1.23 : locale.lang === 'it' ? 1.22 : 1.21;
    const pretax = (Number(product.price.amount) / taxRate).toFixed(6);
    context.tags.push('pretax-og-price');
    const item = (prop: string): string => (micro ? ` itemprop="${prop}"` : '');
    const discount = product.compareAt ? Math.round((1 - Number(product.price.amount) / Number(product.compareAt.amount)) * 100) : 0;
    const available = product.availability === 'IN_STOCK';
    const brandAsLogo = context.rng.chance(0.5);
    const brand = product.brand ? (brandAsLogo
      ? `<div class="product-manufacturer"><a href="${esc(store.origin)}/${locale.lang}/brand/2-${esc(product.brand.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}"><img src="${esc(store.origin)}/img/m/2.jpg" class="img img-thumbnail manufacturer-logo" alt="${esc(product.brand)}" loading="lazy"></a></div>`
      : `<div class="product-manufacturer"><label class="label">${esc(locale.ui.brand)}</label><span><a href="${esc(store.origin)}/${locale.lang}/brand/2-x">${esc(product.brand)}</a></span></div>`) : '';
    const dataProduct = { id_shop_default: '1', id_manufacturer: product.brand ? '2' : '0', reference: product.sku, ean13: product.gtin ?? '', mpn: product.mpn ?? '', price: context.money(product.price), price_amount: Number(product.price.amount), regular_price: context.money(product.compareAt ?? product.price), quantity: available ? product.stockLeft : 0, availability: available ? 'available' : 'unavailable', availability_message: available ? locale.ui.inStock : locale.ui.outOfStock, name: product.title, rate: Math.round((taxRate - 1) * 100), tax_name: `TVA FR ${Math.round((taxRate - 1) * 100)}%` };
    const images = product.imageKeys.map((_, index) => `<li class="thumb-container js-thumb-container"><img class="thumb js-thumb${index === 0 ? ' selected js-thumb-selected' : ''}" data-image-medium-src="${esc(psImage(context, index, product.slug, 'medium'))}" data-image-large-src="${esc(psImage(context, index, product.slug, 'large'))}" src="${esc(psImage(context, index, product.slug, 'small'))}" alt="${esc(product.title)}" loading="lazy" width="98" height="98"${item('image')}></li>`);
    const crumbTrail = product.breadcrumbs ? [locale.ui.home, ...product.breadcrumbs, product.title] : null;
    const related = scenario.related ? `<section class="product-accessories clearfix"><p class="h5 text-uppercase">${esc(locale.ui.related)}</p><div class="products">${context.related.map((other) => `<div class="js-product product col-xs-12 col-sm-6 col-lg-4 col-xl-3"><article class="product-miniature js-product-miniature" data-id-product="${other.id % 700}" data-id-product-attribute="0"${micro ? ' itemscope itemtype="http://schema.org/Product"' : ''}><div class="thumbnail-container"><a href="${esc(store.origin)}/${locale.lang}/${other.id % 700}-${esc(other.slug)}.html" class="thumbnail product-thumbnail"><img src="${esc(relatedImage(context, other.id, other.slug, 'home'))}" alt="${esc(other.title)}" loading="lazy" data-full-size-image-url="${esc(relatedImage(context, other.id, other.slug, 'large'))}" width="250" height="250"></a><div class="product-description"><h3 class="h3 product-title"${item('name')}><a href="${esc(store.origin)}/${locale.lang}/${other.id % 700}-${esc(other.slug)}.html" content="${esc(store.origin)}/${other.id % 700}-${esc(other.slug)}.html">${esc(other.title)}</a></h3><div class="product-price-and-shipping">${other.compareAt ? `<span class="regular-price" aria-label="${esc(locale.ui.regularPrice)}">${esc(context.money(other.compareAt))}</span>` : ''}<span class="price" aria-label="${esc(locale.ui.salePrice)}">${esc(context.money(other.price))}</span>${micro ? `<div itemprop="offers" itemscope itemtype="http://schema.org/Offer" class="invisible"><meta itemprop="priceCurrency" content="${other.price.currency}" /><meta itemprop="price" content="${other.price.amount}" /></div>` : ''}</div></div></div></article></div>`).join('')}</div></section>` : '';
    if (related) context.tags.push('related-carousel', 'nested-microdata');
    const main = `<section id="main"${micro ? ' itemscope itemtype="https://schema.org/Product"' : ''}>${micro ? `<meta itemprop="url" content="${esc(context.url)}">` : ''}
<div class="row product-container js-product-container"><div class="col-md-6"><section class="page-content" id="content"><ul class="product-flags js-product-flags">${product.compareAt ? `<li class="product-flag discount">-${discount}%</li>` : ''}${available ? '' : `<li class="product-flag out_of_stock">${esc(locale.ui.outOfStock)}</li>`}</ul>
<div class="images-container js-images-container"><div class="product-cover"><img class="js-qv-product-cover img-fluid" src="${esc(psImage(context, 0, product.slug, 'large'))}" alt="${esc(product.title)}" title="${esc(product.title)}" loading="lazy" width="800" height="800"${item('image')}><div class="layer hidden-sm-down" data-toggle="modal" data-target="#product-modal"><i class="material-icons zoom-in">search</i></div></div>
<div class="js-qv-mask mask"><ul class="product-images js-qv-product-images">${images.join('')}</ul></div></div></section></div>
<div class="col-md-6"><h1 class="h1"${item('name')}>${esc(product.title)}</h1>
${product.rating !== null ? `<div class="product-comments-additional-info"><div class="grade-stars small-stars" data-grade="${product.rating}"></div><a class="link-comment post-product-comment" href="#product-comments-list-header"><i class="material-icons chat" data-icon="chat"></i>${esc(locale.ui.reviews.replace('{n}', String(product.reviewCount)))}</a></div>` : ''}
<div class="product-prices js-product-prices">${product.compareAt ? `<div class="product-discount"><span class="regular-price">${esc(context.money(product.compareAt))}</span></div>` : ''}
<div class="product-price h5${product.compareAt ? ' has-discount' : ''}"${micro ? ' itemprop="offers" itemscope itemtype="https://schema.org/Offer"' : ''}>${micro ? `<link itemprop="availability" href="${schemaAvailability(product.availability)}"/><meta itemprop="priceCurrency" content="${product.price.currency}">` : ''}
<div class="current-price"><span class='current-price-value'${micro ? ` itemprop="price" content="${Number(product.price.amount).toFixed(2)}"` : ''}>${esc(context.money(product.price))}</span>${product.compareAt ? `<span class="discount discount-percentage">-${discount}%</span>` : ''}</div></div>
<div class="tax-shipping-delivery-label">${esc(locale.ui.taxIncluded)}</div></div>
<div class="product-information"><div id="product-description-short-${product.id % 500}" class="product-description"${item('description')}><p>${esc(product.description)}</p></div>
<div class="product-actions js-product-actions"><form action="${esc(store.origin)}/${locale.lang}/panier" method="post" id="add-to-cart-or-refresh"><input type="hidden" name="token" value="${context.rng.hex(32)}"><input type="hidden" name="id_product" value="${product.id % 500}" id="product_page_product_id">
${product.variants.length > 0 ? `<div class="product-variants js-product-variants"><div class="clearfix product-variants-item"><span class="control-label">${esc(product.optionName ?? '')}</span><select class="form-control form-control-select" id="group_1" aria-label="${esc(product.optionName ?? '')}" data-product-attribute="1" name="group[1]">${product.variants.map((variant, index) => `<option value="${index + 1}" title="${esc(variant.value)}"${index === product.selected ? ' selected="selected"' : ''}>${esc(variant.value)}</option>`).join('')}</select></div></div>` : ''}
<div class="product-add-to-cart js-product-add-to-cart"><span class="control-label">${esc(locale.ui.quantity)}</span><div class="product-quantity clearfix"><div class="qty"><input type="number" name="qty" id="quantity_wanted" inputmode="numeric" pattern="[0-9]*" value="1" min="1" class="input-group" aria-label="${esc(locale.ui.quantity)}"></div><div class="add"><button class="btn btn-primary add-to-cart" data-button-action="add-to-cart" type="submit"${available ? '' : ' disabled'}><i class="material-icons shopping-cart">&#xE547;</i>${esc(locale.ui.addToCart)}</button></div></div>
<span id="product-availability" class="js-product-availability">${available ? `<i class="material-icons rtl-no-flip product-available">&#xE5CA;</i>${esc(locale.ui.inStock)}` : `<i class="material-icons product-unavailable">&#xE14B;</i>${esc(locale.ui.outOfStock)}`}</span>
<p class="product-minimal-quantity js-product-minimal-quantity"></p></div></form></div>
<div class="tabs"><div class="tab-content" id="tab-content"><div class="tab-pane fade in active js-product-tab-active" id="description" role="tabpanel"><div class="product-description"><p>${esc(product.description)}</p></div></div>
<div class="js-product-details tab-pane fade" id="product-details" data-product="${jsonAttr(dataProduct)}" role="tabpanel">
${brand}
<div class="product-reference"><label class="label">${esc(locale.ui.sku)} </label><span${item('sku')}>${esc(product.sku ?? '')}</span></div>
<div class="product-quantities"><label class="label">${esc(available ? locale.ui.inStock : locale.ui.outOfStock)}</label><span data-stock="${available ? product.stockLeft : 0}" data-allow-oosp="0">${available ? product.stockLeft : 0} Produits</span></div>
${product.gtin || product.mpn ? `<section class="product-features"><p class="h6">Références spécifiques</p><dl class="data-sheet">${product.gtin ? `<dt class="name">ean13</dt><dd class="value">${esc(product.gtin)}</dd>` : ''}${product.mpn ? `<dt class="name">mpn</dt><dd class="value">${esc(product.mpn)}</dd>` : ''}</dl></section>` : ''}
</div></div></div></div></div></div>
${related}
</section>`;
    const ld = jsonLd ? jsonScript({
      '@context': 'https://schema.org/', '@type': 'Product', name: product.title, description: product.description, category: product.trail[0], image: psImage(context, 0, product.slug, 'home'),
      sku: product.sku, ...(product.mpn ? { mpn: product.mpn } : {}), ...(product.gtin ? { gtin13: product.gtin } : {}), ...(product.brand ? { brand: { '@type': 'Brand', name: product.brand } } : {}),
      offers: { '@type': 'Offer', priceCurrency: product.price.currency, name: product.title, price: Number(product.price.amount).toFixed(2), url: context.url, priceValidUntil: '2025-03-01', image: [psImage(context, 0, product.slug, 'large')], sku: product.sku, availability: schemaAvailability(product.availability), seller: { '@type': 'Organization', name: store.name } },
    }, { pretty: true }) : '';
    return htmlDocument({
      lang: product.language, charsetMeta: charsetMeta(context.charsetLabel), title: product.title,
      head: ['<meta http-equiv="x-ua-compatible" content="ie=edge">', `<link rel="canonical" href="${esc(context.url)}">`, `<meta name="description" content="">`,
        '<meta property="og:type" content="product">', `<meta property="og:url" content="${esc(context.url)}">`, `<meta property="og:title" content="${esc(product.title)}">`,
        `<meta property="og:site_name" content="${esc(store.name)}">`, `<meta property="og:image" content="${esc(psImage(context, 0, product.slug, 'large'))}">`,
        `<meta property="product:pretax_price:amount" content="${Number(pretax)}">`, `<meta property="product:pretax_price:currency" content="${product.price.currency}">`,
        `<meta property="product:price:amount" content="${Number(product.price.amount)}">`, `<meta property="product:price:currency" content="${product.price.currency}">`,
        `<script type="text/javascript">\n        var prestashop = ${JSON.stringify({ currency: { id: 1, name: product.price.currency, iso_code: product.price.currency, sign: context.format.symbol }, language: { iso_code: locale.lang, locale: locale.tag }, page: { page_name: 'product' }, shop: { name: store.name }, breadcrumb: crumbTrail ? { links: crumbTrail.map((title) => ({ title, url: store.origin })), count: crumbTrail.length } : { links: [], count: 0 } }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\//g, '\\/')};\n</script>`, ld],
      bodyAttributes: `id="product" class="lang-${locale.lang} country-${locale.tag.split('-')[1]!.toLowerCase()} currency-${product.price.currency.toLowerCase()} layout-full-width page-product tax-display-enabled product-id-${product.id % 500} product-${esc(product.slug)}"`,
      body: ['<main>', `<header id="header"><div class="header-top"><div class="container"><div id="_desktop_logo"><a href="${esc(store.origin)}/"><img class="logo img-fluid" src="${esc(store.origin)}/img/logo.png" alt="${esc(store.name)}" width="200" height="50"></a></div><div class="menu js-top-menu position-static hidden-sm-down" id="_desktop_top_menu">${navMenu(context, 'top-menu', `${store.origin}/${locale.lang}/`)}</div></div></div></header>`,
        '<section id="wrapper"><div class="container">',
        crumbTrail ? `<nav data-depth="${crumbTrail.length}" class="breadcrumb hidden-sm-down"><ol${micro ? ' itemscope itemtype="http://schema.org/BreadcrumbList"' : ''}>${crumbTrail.map((title, i) => `<li${micro ? ' itemprop="itemListElement" itemscope itemtype="http://schema.org/ListItem"' : ''}><a${micro ? ' itemprop="item"' : ''} href="${esc(store.origin)}/${locale.lang}/${i}"><span${micro ? ' itemprop="name"' : ''}>${esc(title)}</span></a>${micro ? `<meta itemprop="position" content="${i + 1}">` : ''}</li>`).join('')}</ol></nav>` : '',
        '<div id="content-wrapper" class="js-content-wrapper">', main, '</div></div></section>', footer(context, 'footer-container'), '</main>', analytics(context)],
    });
  },
};
