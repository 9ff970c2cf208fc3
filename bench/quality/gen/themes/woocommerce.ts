import { analytics, announcementBar, cookieBanner, footer, navMenu, reviewList } from '../chrome.js';
import { charsetMeta, esc, htmlDocument } from '../html.js';
import type { PageContext, ProductTheme } from '../page.types.js';
import { prepareWoo, wooCartForm, wooCoreJsonLd, wooImage, wooPriceHtml, wooRating, wooRelated, wooStock, yoastGraph } from './woo-common.js';

function gallery(context: PageContext, extraClass: string): string {
  const { product } = context;
  const slides = product.imageKeys.map((key, index) => {
    const full = wooImage(context, key, null);
    return `<div data-thumb="${esc(wooImage(context, key, 100))}" data-thumb-alt="" class="woocommerce-product-gallery__image${extraClass}${index === 0 ? ' first' : ''}"><a href="${esc(full)}"><img width="600" height="600" src="${esc(wooImage(context, key, 600))}" class="${index === 0 ? 'wp-post-image' : ''}" alt="" title="${esc(key)}" data-caption="" data-src="${esc(full)}" data-large_image="${esc(full)}" data-large_image_width="1200" data-large_image_height="1200" decoding="async" srcset="${esc(wooImage(context, key, 600))} 600w, ${esc(wooImage(context, key, 300))} 300w, ${esc(full)} 1200w" sizes="(max-width: 600px) 100vw, 600px"></a></div>`;
  });
  return slides.join('\n');
}

const CATEGORY_LABEL: Record<string, string> = {
  en: 'Category', de: 'Kategorie', fr: 'Catégorie', es: 'Categoría', it: 'Categoria', nl: 'Categorie', pl: 'Kategoria', sv: 'Kategori', pt: 'Categoria',
};

function meta(context: PageContext): string {
  const { product, locale } = context;
  const category = product.trail[product.trail.length - 1]!;
  return `<div class="product_meta">
${product.sku ? `<span class="sku_wrapper">${esc(locale.ui.sku)}: <span class="sku">${esc(product.sku)}</span></span>` : ''}
<span class="posted_in">${esc(CATEGORY_LABEL[locale.lang] ?? 'Category')}: <a href="${esc(context.store.origin)}/product-category/${esc(encodeURIComponent(category.toLowerCase()))}/" rel="tag">${esc(category)}</a></span>
${product.brand && context.rng.chance(0.5) ? `<span class="posted_in">${esc(locale.ui.brand)}: <a href="${esc(context.store.origin)}/brand/${esc(encodeURIComponent(product.brand.toLowerCase()))}/" rel="tag">${esc(product.brand)}</a></span>` : ''}
</div>`;
}

/** The "Additional information" tab: brand, EAN and MPN as product attributes when the meta line does not show them. */
function attributesTab(context: PageContext): string {
  const { product, locale } = context;
  const rows: [string, string, string][] = [];
  if (product.brand) rows.push(['pa_brand', locale.ui.brand, product.brand]);
  if (product.gtin) rows.push(['pa_ean', locale.ui.gtin, product.gtin]);
  if (product.mpn) rows.push(['pa_mpn', locale.ui.mpn, product.mpn]);
  if (rows.length === 0) return '';
  return `<div class="woocommerce-Tabs-panel woocommerce-Tabs-panel--additional_information panel entry-content wc-tab" id="tab-additional_information" role="tabpanel"><table class="woocommerce-product-attributes shop_attributes">${rows.map(([key, label, value]) => `<tr class="woocommerce-product-attributes-item woocommerce-product-attributes-item--attribute_${key}"><th class="woocommerce-product-attributes-item__label">${esc(label)}</th><td class="woocommerce-product-attributes-item__value"><p>${esc(value)}</p></td></tr>`).join('')}</table></div>`;
}

/** German Market / Germanized notes under the price: tax, shipping, delivery time and a unit price (a second price). */
function germanNotes(context: PageContext): string {
  if (context.locale.lang !== 'de') return '';
  context.tags.push('unit-price');
  const unit = { amount: (Number(context.product.price.amount) / (context.rng.int(2, 9) / 2)).toFixed(2), currency: context.product.price.currency };
  return `<div class="legal-price-info"><p class="wc-gzd-additional-info"><span class="wc-gzd-additional-info tax-info">inkl. 19 % MwSt.</span> <span class="wc-gzd-additional-info shipping-costs-info">zzgl. <a href="/versandarten/" target="_blank">Versandkosten</a></span></p></div>
<p class="price price-unit smaller wc-gzd-additional-info">${esc(context.money(unit))} / 1 kg</p>
<p class="delivery-time-info wc-gzd-additional-info">Lieferzeit: 2-4 Werktage</p>`;
}

function storefrontCrumbs(context: PageContext): string {
  const { product, locale } = context;
  if (!product.breadcrumbs) return '';
  const links = product.breadcrumbs.map((name, i) => `<a href="${esc(context.store.origin)}/product-category/${i}/">${esc(name)}</a>`);
  return `<nav class="woocommerce-breadcrumb" aria-label="Breadcrumb"><a href="${esc(context.store.origin)}">${esc(locale.ui.home)}</a>&nbsp;&#47;&nbsp;${links.join('&nbsp;&#47;&nbsp;')}&nbsp;&#47;&nbsp;${esc(product.title)}</nav>`;
}

function head(context: PageContext, withYoastProduct: boolean): string[] {
  const { product, store } = context;
  return [
    '<meta name="viewport" content="width=device-width, initial-scale=1">', '<meta name="robots" content="index, follow, max-image-preview:large">',
    `<link rel="canonical" href="${esc(context.url)}">`, `<meta property="og:locale" content="${esc((product.language ?? 'en_US').replace('-', '_'))}">`,
    '<meta property="og:type" content="product">', `<meta property="og:title" content="${esc(product.title)} - ${esc(store.name)}">`,
    `<meta property="og:url" content="${esc(context.url)}">`, `<meta property="og:site_name" content="${esc(store.name)}">`,
    `<meta property="og:image" content="${esc(product.images[0] ?? '')}">`, '<meta name="twitter:card" content="summary_large_image">',
    context.scenario.structured ? yoastGraph(context, withYoastProduct) : '',
    `<link rel='stylesheet' id='woocommerce-general-css' href='${esc(store.origin)}/wp-content/plugins/woocommerce/assets/css/woocommerce.css?ver=8.5.2' media='all'>`,
    '<script id="wc-add-to-cart-js-extra">\nvar wc_add_to_cart_params = {"ajax_url":"\\/wp-admin\\/admin-ajax.php","wc_ajax_url":"\\/?wc-ajax=%%endpoint%%","i18n_view_cart":"View cart","is_cart":"","cart_redirect_after_add":"no"};\n</script>',
  ];
}

/** WooCommerce with Storefront: Storefront breadcrumb, core JSON-LD in the footer, Yoast @graph in the head, variations form. */
export const wooStorefront: ProductTheme = {
  platform: 'woocommerce',
  style: 'storefront',
  path: (context) => `/product/${context.product.slug}/`,
  prepare: prepareWoo,
  render(context) {
    const { product, locale, scenario, store } = context;
    const postId = product.id * 3;
    if (scenario.staleStructuredPrice && scenario.structured) context.tags.push('stale-json-ld');
    const summary = `<div class="summary entry-summary">
<h1 class="product_title entry-title">${esc(product.title)}</h1>
${wooRating(context)}
<p class="price">${wooPriceHtml(context, product)}</p>
${germanNotes(context)}
<div class="woocommerce-product-details__short-description"><p>${esc(product.description.split('. ')[0]!)}.</p></div>
${wooStock(context)}
${wooCartForm(context, postId)}
${meta(context)}
</div>`;
    const main = `<div id="product-${postId}" class="product type-product post-${postId} status-publish first ${product.availability === 'OUT_OF_STOCK' ? 'outofstock' : 'instock'}${product.compareAt ? ' sale' : ''} has-post-thumbnail shipping-taxable purchasable product-type-${product.variants.length > 0 ? 'variable' : 'simple'}">
${product.compareAt ? '<span class="onsale">Sale!</span>' : ''}
<div class="woocommerce-product-gallery woocommerce-product-gallery--with-images woocommerce-product-gallery--columns-4 images" data-columns="4" style="opacity: 0; transition: opacity .25s ease-in-out;"><div class="woocommerce-product-gallery__wrapper">
${gallery(context, '')}
</div></div>
${summary}
<div class="woocommerce-tabs wc-tabs-wrapper"><ul class="tabs wc-tabs" role="tablist"><li class="description_tab active" id="tab-title-description" role="tab"><a href="#tab-description">${esc(locale.ui.description)}</a></li><li class="reviews_tab" id="tab-title-reviews" role="tab"><a href="#tab-reviews">Reviews (${product.reviewCount ?? 0})</a></li></ul>
<div class="woocommerce-Tabs-panel woocommerce-Tabs-panel--description panel entry-content wc-tab" id="tab-description" role="tabpanel"><h2>${esc(locale.ui.description)}</h2><p>${esc(product.description)}</p></div>
${attributesTab(context)}
${reviewList(context, 'woocommerce-Reviews')}
</div>
${wooRelated(context, locale.lang === 'en' ? 'Related products' : locale.ui.related)}
</div>`;
    return htmlDocument({
      lang: product.language, charsetMeta: charsetMeta(context.charsetLabel), title: `${product.title} - ${store.name}`,
      head: head(context, false),
      bodyAttributes: `class="product-template-default single single-product postid-${postId} theme-storefront woocommerce woocommerce-page woocommerce-js storefront-align-wide right-sidebar woocommerce-active"`,
      body: [
        '<div id="page" class="hfeed site">', announcementBar(context, 'storefront-announcement'),
        `<header id="masthead" class="site-header" role="banner"><div class="col-full"><div class="site-branding"><a href="${esc(store.origin)}/" class="site-title" rel="home">${esc(store.name)}</a></div><div class="site-search"><form role="search" method="get" class="woocommerce-product-search" action="${esc(store.origin)}/"><input type="search" class="search-field" placeholder="${esc(locale.ui.search)}" name="s"><input type="hidden" name="post_type" value="product"></form></div><ul id="site-header-cart" class="site-header-cart menu"><li><a class="cart-contents" href="${esc(store.origin)}/cart/"><span class="woocommerce-Price-amount amount"><bdi>${esc(context.money({ amount: '0', currency: product.price.currency }))}</bdi></span> <span class="count">0 items</span></a></li></ul></div>
<nav id="site-navigation" class="main-navigation" role="navigation" aria-label="Primary Navigation">${navMenu(context, 'menu', `${store.origin}/product-category/`)}</nav></header>`,
        `<div class="storefront-breadcrumb"><div class="col-full">${storefrontCrumbs(context)}</div></div>`,
        '<div id="content" class="site-content" tabindex="-1"><div class="col-full"><div class="woocommerce"></div><div id="primary" class="content-area"><main id="main" class="site-main" role="main">',
        main, '</main></div></div></div>', footer(context, 'site-footer'), '</div>',
        scenario.structured ? wooCoreJsonLd(context, context.rng.chance(0.5)) : '', cookieBanner('cmplz-cookiebanner'), analytics(context),
      ],
    });
  },
};

/** WooCommerce with a Flatsome-like theme: breadcrumb above the title, discount badge, Yoast WooCommerce SEO Product in the @graph. */
export const wooFlatsome: ProductTheme = {
  platform: 'woocommerce',
  style: 'flatsome',
  path: (context) => `/shop/${context.product.trail[0]!.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/${context.product.slug}/`,
  prepare: prepareWoo,
  render(context) {
    const { product, locale, scenario, store } = context;
    const postId = product.id * 3 + 1;
    if (scenario.staleStructuredPrice && scenario.structured) context.tags.push('stale-json-ld');
    const discount = product.compareAt ? Math.round((1 - Number(product.price.amount) / Number(product.compareAt.amount)) * 100) : 0;
    const crumbs = product.breadcrumbs ? `<nav class="woocommerce-breadcrumb breadcrumbs uppercase"><a href="${esc(store.origin)}">${esc(locale.ui.home)}</a> <span class="divider">&#47;</span> ${product.breadcrumbs.map((name, i) => `<a href="${esc(store.origin)}/product-category/${i}/">${esc(name)}</a>`).join(' <span class="divider">&#47;</span> ')}</nav>` : '';
    const main = `<div class="product-container"><div class="product-main"><div class="row content-row mb-0">
<div class="product-gallery large-6 col"><div class="product-images relative mb-half has-hover woocommerce-product-gallery woocommerce-product-gallery--with-images woocommerce-product-gallery--columns-4 images" data-columns="4">
${discount ? `<div class="badge-container is-larger absolute left top z-1"><div class="callout badge badge-circle"><div class="badge-inner secondary on-sale"><span class="onsale">-${discount}%</span></div></div></div>` : ''}
<figure class="woocommerce-product-gallery__wrapper product-gallery-slider slider slider-nav-small mb-half" data-flickity-options='{"cellAlign":"center","wrapAround":true,"autoPlay":false,"prevNextButtons":true,"adaptiveHeight":true,"imagesLoaded":true,"lazyLoad":1,"dragThreshold":15,"pageDots":false,"rightToLeft":false}'>
${gallery(context, ' slide')}
</figure></div></div>
<div class="product-info summary col-fit col entry-summary product-summary">
${crumbs}
<h1 class="product-title product_title entry-title">${esc(product.title)}</h1>
<div class="is-divider small"></div>
${wooRating(context)}
<div class="price-wrapper"><p class="price product-page-price${product.compareAt ? ' price-on-sale' : ''}">${wooPriceHtml(context, product)}</p></div>
${germanNotes(context)}
<div class="product-short-description"><p>${esc(product.description)}</p></div>
${wooStock(context)}
${wooCartForm(context, postId)}
${meta(context)}
<div class="social-icons share-icons share-row relative"><a href="whatsapp://send?text=${esc(encodeURIComponent(product.title))}" class="icon button circle is-outline tooltip whatsapp show-for-medium" title="Share on WhatsApp">WhatsApp</a></div>
</div></div></div>
<div class="product-footer"><div class="container"><div class="woocommerce-tabs wc-tabs-wrapper container tabbed-content"><ul class="tabs wc-tabs product-tabs small-nav-collapse nav nav-uppercase nav-line nav-left" role="tablist"><li class="description_tab active"><a href="#tab-description">${esc(locale.ui.description)}</a></li></ul><div class="tab-panels"><div class="woocommerce-Tabs-panel woocommerce-Tabs-panel--description panel entry-content active" id="tab-description"><p>${esc(product.description)}</p></div>${attributesTab(context)}</div></div>
${wooRelated(context, locale.ui.related)}
</div></div></div>`;
    return htmlDocument({
      lang: product.language, charsetMeta: charsetMeta(context.charsetLabel), title: `${product.title} | ${store.name}`,
      head: head(context, true),
      bodyAttributes: `class="product-template-default single single-product postid-${postId} theme-flatsome woocommerce woocommerce-page lightbox nav-dropdown-has-arrow"`,
      body: [
        '<div id="wrapper">', `<header id="header" class="header has-sticky sticky-jump"><div class="header-wrapper"><div id="top-bar" class="header-top hide-for-sticky nav-dark">${announcementBar(context, 'html_topbar_left')}</div><div id="masthead" class="header-main"><div class="header-inner flex-row container logo-left medium-logo-center" role="navigation"><div id="logo" class="flex-col logo"><a href="${esc(store.origin)}/" title="${esc(store.name)}" rel="home">${esc(store.name)}</a></div>${navMenu(context, 'header-nav header-nav-main nav nav-left nav-uppercase', `${store.origin}/product-category/`)}</div></div></div></header>`,
        `<main id="main" class=""><div class="shop-container"><div class="container"><div class="woocommerce-notices-wrapper"></div></div><div id="product-${postId}" class="product type-product post-${postId} status-publish ${product.availability === 'OUT_OF_STOCK' ? 'outofstock' : 'instock'} has-post-thumbnail">`,
        main, '</div></div></main>', footer(context, 'footer-wrapper'), '</div>',
        scenario.structured && context.rng.chance(0.5) ? wooCoreJsonLd(context, false) : '', analytics(context),
      ],
    });
  },
};
