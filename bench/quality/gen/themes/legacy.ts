import { collapseAvailability } from '../catalog.js';
import { charsetMeta, esc, htmlDocument, jsonScript, jsString, schemaAvailability } from '../html.js';
import type { PageContext, ProductTheme } from '../page.types.js';

function stock(context: PageContext): string {
  const { product, locale } = context;
  if (product.availability === 'IN_STOCK') return product.stockLeft <= 5 ? locale.ui.lowStock.replace('{n}', String(product.stockLeft)) : locale.ui.inStock;
  if (product.availability === 'BACKORDER') return locale.ui.backorder;
  if (product.availability === 'PREORDER') return locale.ui.preorderNote.replace('{n}', '3');
  return locale.ui.outOfStock;
}

/** An osCommerce / xt:Commerce-era shop: table layout, Latin-1 bytes, model number in brackets after the name, no structured data. */
export const legacyOscommerce: ProductTheme = {
  platform: 'legacy',
  style: 'oscommerce',
  path: (context) => `/product_info.php?products_id=${context.product.id}&language=${context.locale.lang}`,
  prepare(context) {
    const { product } = context;
    product.images = product.imageKeys.slice(0, 2).map((key) => `${context.store.origin}/images/${key}.jpg`);
    product.imageKeys = product.imageKeys.slice(0, 2);
    product.variants = [];
    product.rating = null;
    product.reviewCount = null;
    product.language = context.locale.lang;
    collapseAvailability(product, ['IN_STOCK', 'OUT_OF_STOCK', 'PREORDER', 'BACKORDER']);
  },
  render(context) {
    const { product, locale, store } = context;
    const ui = locale.ui;
    context.tags.push('table-layout', 'legacy-charset');
    const price = product.compareAt ? `<s>${esc(context.money(product.compareAt))}</s> <span class="productSpecialPrice">${esc(context.money(product.price))}</span>` : esc(context.money(product.price));
    const crumbs = product.breadcrumbs ? [`<a href="${esc(store.origin)}" class="headerNavigation">Top</a>`, ...product.breadcrumbs.map((name, i) => `<a href="${esc(store.origin)}/index.php?cPath=${i + 1}" class="headerNavigation">${esc(name)}</a>`), `<a href="${esc(context.url)}" class="headerNavigation">${esc(product.sku ?? product.title)}</a>`].join(' &raquo; ') : '';
    const form = `<form name="cart_quantity" action="${esc(store.origin)}/product_info.php?products_id=${product.id}&amp;action=add_product" method="post">
<table border="0" width="100%" cellspacing="0" cellpadding="0">
  <tr><td><table border="0" width="100%" cellspacing="0" cellpadding="0"><tr>
    <td class="pageHeading" valign="top">${esc(product.title)}${product.sku ? `<br><span class="smallText">[${esc(product.sku)}]</span>` : ''}</td>
    <td class="pageHeading" align="right" valign="top">${price}</td>
  </tr></table></td></tr>
  <tr><td><img src="images/pixel_trans.gif" border="0" alt="" width="100%" height="10"></td></tr>
  <tr><td class="main">
    <table border="0" cellspacing="0" cellpadding="2" align="right"><tr><td align="center" class="smallText"><a href="${esc(store.origin)}/popup_image.php?pID=${product.id}" target="_blank"><img src="images/${esc(product.imageKeys[0]!)}.jpg" border="0" alt="${esc(product.title)}" title=" ${esc(product.title)} " width="100" height="80" hspace="5" vspace="5"><br>Click to enlarge</a></td></tr></table>
    <p>${esc(product.description)}</p>
    ${product.brand ? `<p>${esc(ui.brand)}: <b>${esc(product.brand)}</b></p>` : ''}
    ${product.gtin ? `<p>${esc(ui.gtin)}: ${esc(product.gtin)}</p>` : ''}
    ${product.mpn ? `<p>${esc(ui.mpn)}: ${esc(product.mpn)}</p>` : ''}
    <p>${locale.lang === 'de' ? 'Lieferstatus' : 'Availability'}: <b>${esc(stock(context))}</b></p>
    ${product.compareAt && locale.lang === 'de' ? `<p class="smallText">UVP: ${esc(context.money(product.compareAt))} &ndash; Sie sparen ${Math.round((1 - Number(product.price.amount) / Number(product.compareAt.amount)) * 100)}%</p>` : ''}
  </td></tr>
  <tr><td><table border="0" width="100%" cellspacing="1" cellpadding="2" class="infoBox"><tr class="infoBoxContents"><td><table border="0" width="100%" cellspacing="0" cellpadding="2"><tr>
    <td class="main"><a href="${esc(store.origin)}/product_reviews.php?products_id=${product.id}"><img src="includes/languages/english/images/buttons/button_reviews.gif" border="0" alt="Reviews" title=" Reviews " width="100" height="22"></a></td>
    <td class="main" align="right"><input type="hidden" name="products_id" value="${product.id}">${product.availability === 'OUT_OF_STOCK' ? '' : `<input type="image" src="includes/languages/english/images/buttons/button_in_cart.gif" border="0" alt="${esc(ui.addToCart)}" title=" ${esc(ui.addToCart)} ">`}</td>
  </tr></table></td></tr></table></td></tr>
  ${product.imageKeys[1] ? `<tr><td><img src="images/${esc(product.imageKeys[1])}.jpg" width="60" height="48" alt=""></td></tr>` : ''}
</table></form>`;
    const sideNew = context.scenario.related ? `<table border="0" width="100%" cellspacing="0" cellpadding="1" class="infoBox"><tr><td class="infoBoxHeading">What's New?</td></tr>${context.related.slice(0, 2).map((other) => `<tr><td align="center" class="boxText"><a href="${esc(store.origin)}/product_info.php?products_id=${other.id}"><img src="images/${esc(other.imageKeys[0]!)}.jpg" border="0" width="100" height="80" alt="${esc(other.title)}"></a><br><a href="${esc(store.origin)}/product_info.php?products_id=${other.id}">${esc(other.title)}</a><br>${esc(context.money(other.price))}</td></tr>`).join('')}</table>` : '';
    if (sideNew) context.tags.push('related-carousel');
    return htmlDocument({
      doctype: '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">', lang: product.language, htmlAttributes: 'dir="LTR"',
      charsetMeta: charsetMeta(context.charsetLabel, true), title: store.name, head: [`<base href="${esc(store.origin)}/">`, '<link rel="stylesheet" type="text/css" href="stylesheet.css">'],
      bodyAttributes: 'marginwidth="0" marginheight="0" topmargin="0" bottommargin="0" leftmargin="0" rightmargin="0"',
      body: [`<table border="0" width="100%" cellspacing="0" cellpadding="0"><tr class="header"><td valign="middle"><a href="${esc(store.origin)}/index.php"><img src="images/store_logo.png" border="0" alt="${esc(store.name)}" title=" ${esc(store.name)} " width="200" height="50"></a></td></tr></table>`,
        `<table border="0" width="100%" cellspacing="0" cellpadding="1"><tr class="headerNavigation"><td class="headerNavigation">&nbsp;&nbsp;${crumbs}</td></tr></table>`,
        `<table border="0" width="100%" cellspacing="3" cellpadding="3"><tr><td width="125" valign="top">${sideNew}</td><td width="100%" valign="top">${form}</td></tr></table>`,
        `<table border="0" width="100%" cellspacing="0" cellpadding="1"><tr class="footer"><td class="footer">&nbsp;&nbsp;Copyright &copy; 2009 <a href="${esc(store.origin)}">${esc(store.name)}</a>&nbsp;&nbsp;</td></tr></table>`],
    });
  },
};

/** A 1C-Bitrix shop (windows-1251): microdata on the catalog element, prices in JCCatalogElement's JS config, "руб." amounts. */
export const legacyBitrix: ProductTheme = {
  platform: 'legacy',
  style: 'bitrix',
  path: (context) => `/catalog/${context.product.trail.length}/${context.product.id}/`,
  prepare(context) {
    const { product } = context;
    product.images = product.imageKeys.map((key, index) => `${context.store.origin}/upload/iblock/${(product.id * 31 + index).toString(16).padStart(3, '0')}/${key}.jpg`);
    product.language = context.locale.lang;
    collapseAvailability(product, ['IN_STOCK', 'OUT_OF_STOCK', 'PREORDER', 'BACKORDER']);
  },
  render(context) {
    const { product, locale, scenario, store } = context;
    const id = `bx_117848907_${product.id}`;
    const micro = scenario.structured;
    const item = (prop: string): string => (micro ? ` itemprop="${prop}"` : '');
    context.tags.push('legacy-charset');
    const economy = product.compareAt ? { amount: String(Number(product.compareAt.amount) - Number(product.price.amount)), currency: product.price.currency } : null;
    const config = `var ob${id} = new JCCatalogElement({'CONFIG':{'USE_CATALOG':true,'SHOW_QUANTITY':true,'SHOW_PRICE':true,'SHOW_DISCOUNT_PERCENT':true,'SHOW_OLD_PRICE':true},'VISUAL':{'ID':'${id}'},'PRODUCT':{'ID':'${product.id}','NAME':${jsString(product.title)},'CAN_BUY':${product.availability === 'IN_STOCK'},'CHECK_QUANTITY':true,'MAX_QUANTITY':'${product.stockLeft}','ITEM_PRICES':[{'UNROUND_BASE_PRICE':${Number((product.compareAt ?? product.price).amount)},'UNROUND_PRICE':${Number(product.price.amount)},'BASE_PRICE':${Number((product.compareAt ?? product.price).amount)},'PRICE':${Number(product.price.amount)},'CURRENCY':'${product.price.currency}','PRINT_BASE_PRICE':${jsString(context.money(product.compareAt ?? product.price))},'PRINT_PRICE':${jsString(context.money(product.price))}}]},'BASKET':{'ADD_URL_TEMPLATE':'/catalog/?action=ADD2BASKET&id=#ID#'}});`;
    const main = `<div class="bx-catalog-element bx-blue" id="${id}"${micro ? ' itemscope itemtype="http://schema.org/Product"' : ''}>
<div class="container-fluid"><div class="row"><div class="col-xs-12"><h1 class="bx-title">${esc(product.title)}</h1></div></div>
<div class="row"><div class="col-md-6 col-sm-12"><div class="product-item-detail-slider-container" id="${id}_big_slider"><div class="product-item-detail-slider-images-container" data-entity="images-container">${product.images.map((image, index) => `<div class="product-item-detail-slider-image${index === 0 ? ' active' : ''}" data-entity="image" data-id="${index}"><img src="${esc(image)}" alt="${esc(product.title)}" title="${esc(product.title)}"${index === 0 ? item('image') : ''}></div>`).join('')}</div></div></div>
<div class="col-md-6 col-sm-12"><div class="product-item-detail-pay-block">
${product.compareAt ? `<div class="product-item-detail-price-old" id="${id}_old_price">${esc(context.money(product.compareAt))}</div>` : ''}
<div class="product-item-detail-price-current" id="${id}_price">${esc(context.money(product.price))}</div>
${economy ? `<div class="item_economy_price" id="${id}_price_discount">Экономия ${esc(context.money(economy))}</div>` : ''}
<div class="product-item-detail-info-container"><div class="product-item-detail-info-container-title">${esc(locale.ui.quantity)}:</div><span class="product-item-quantity" data-entity="quantity-limit-value">${product.availability === 'IN_STOCK' ? `${esc(locale.ui.inStock)} (${product.stockLeft} шт.)` : esc(stock(context))}</span></div>
<div class="product-item-detail-info-container" data-entity="main-button-container"><div id="${id}_basket_actions"${product.availability === 'IN_STOCK' ? '' : ' style="display: none;"'}><a class="btn btn-default product-item-detail-buy-button" id="${id}_add_basket_link" href="javascript:void(0);"><span>${esc(locale.ui.addToCart)}</span></a></div>${product.availability === 'IN_STOCK' ? '' : `<div id="${id}_not_avail"><a class="btn btn-link product-item-detail-buy-button" href="javascript:void(0)" rel="nofollow">${esc(stock(context))}</a></div>`}</div>
</div>
<dl class="product-item-detail-properties">${product.sku ? `<dt>${esc(locale.ui.sku)}</dt><dd>${esc(product.sku)}</dd>` : ''}${product.brand ? `<dt>${esc(locale.ui.brand)}</dt><dd>${esc(product.brand)}</dd>` : ''}${product.gtin ? `<dt>${esc(locale.ui.gtin)}</dt><dd>${esc(product.gtin)}</dd>` : ''}${product.mpn ? `<dt>${esc(locale.ui.mpn)}</dt><dd>${esc(product.mpn)}</dd>` : ''}</dl>
${product.rating !== null ? `<div class="product-item-detail-rating"><span class="bx-stars">Рейтинг: ${product.rating}</span> <a href="#reviews">${esc(locale.ui.reviews.replace('{n}', String(product.reviewCount)))}</a></div>` : ''}
</div></div>
<div class="row"><div class="col-xs-12"><div class="product-item-detail-tab-content active" data-entity="tab-container" data-value="description"${item('description')}>${esc(product.description)}</div></div></div></div>
${micro ? `<meta itemprop="name" content="${esc(product.title)}" />${product.sku ? `<meta itemprop="sku" content="${esc(product.sku)}" />` : ''}${product.brand ? `<meta itemprop="brand" content="${esc(product.brand)}" />` : ''}
<span itemprop="offers" itemscope itemtype="http://schema.org/Offer"><meta itemprop="price" content="${Number(product.price.amount)}" /><meta itemprop="priceCurrency" content="${product.price.currency}" /><link itemprop="availability" href="${schemaAvailability(product.availability, 'http')}" /></span>` : ''}
${micro && product.rating !== null ? `<span itemprop="aggregateRating" itemscope itemtype="http://schema.org/AggregateRating"><meta itemprop="ratingValue" content="${product.rating}" /><meta itemprop="reviewCount" content="${product.reviewCount}" /></span>` : ''}
</div>
<script type="text/javascript">BX.message({ECONOMY_INFO_MESSAGE: 'Скидка #ECONOMY#', TITLE_ERROR: 'Ошибка', BTN_MESSAGE_BASKET_REDIRECT: 'Перейти в корзину'});
${config}</script>`;
    const crumbs = product.breadcrumbs ? `<div class="bx-breadcrumb" itemprop="http://schema.org/breadcrumb" itemscope itemtype="http://schema.org/BreadcrumbList"><div class="bx-breadcrumb-item" id="bx_breadcrumb_0"><a href="/" title="${esc(locale.ui.home)}"><span>${esc(locale.ui.home)}</span></a></div>${product.breadcrumbs.map((name, i) => `<div class="bx-breadcrumb-item" id="bx_breadcrumb_${i + 1}"><i class="fa fa-angle-right"></i><a href="/catalog/${i + 1}/" title="${esc(name)}"><span>${esc(name)}</span></a></div>`).join('')}<div class="bx-breadcrumb-item"><i class="fa fa-angle-right"></i><span>${esc(product.title)}</span></div></div>` : '';
    const related = scenario.related ? `<div class="catalog-block-header">${esc(locale.ui.related)}</div><div class="row product-item-list-col-4">${context.related.map((other) => `<div class="product-item-container"><div class="product-item"><a class="product-item-image-wrapper" href="/catalog/x/${other.id}/"><span class="product-item-image-original" style="background-image: url('/upload/iblock/000/${esc(other.imageKeys[0]!)}.jpg');"></span></a><div class="product-item-title"><a href="/catalog/x/${other.id}/">${esc(other.title)}</a></div><div class="product-item-info-container product-item-price-container">${other.compareAt ? `<span class="product-item-price-old">${esc(context.money(other.compareAt))}</span>` : ''}<span class="product-item-price-current">${esc(context.money(other.price))}</span></div><div class="product-item-article">${esc(locale.ui.sku)}: ${esc(other.sku ?? '')}</div></div></div>`).join('')}</div>` : '';
    if (related) context.tags.push('related-carousel');
    return htmlDocument({
      lang: product.language, charsetMeta: charsetMeta(context.charsetLabel, true), title: `${product.title} купить в интернет-магазине ${store.name}`,
      head: [`<meta name="keywords" content="${esc(product.title)}, купить" />`, `<meta name="description" content="${esc(product.description)}" />`, '<script type="text/javascript">if(!window.BX)window.BX={};if(!window.BX.message)window.BX.message=function(mess){if(typeof mess===\'object\'){for(let i in mess) {BX.message[i]=mess[i];} return true;}};</script>', `<link href="/bitrix/cache/css/s1/eshop_bootstrap_v4/template_${context.rng.hex(32)}.css" type="text/css" rel="stylesheet"/>`],
      bodyAttributes: 'class="bx-background-image bx-theme-blue"',
      body: ['<div class="bx-wrapper" id="bx_eshop_wrap">', `<header class="bx-header"><div class="bx-logo"><a class="bx-logo-block" href="/">${esc(store.name)}</a></div><div class="bx-inc-orginfo"><span class="bx-inc-orginfo-phone">8 (800) 555-35-35</span></div></header>`,
        `<div class="workarea"><div class="container bx-content-section"><div class="row"><div class="bx-content col-xs-12">${crumbs}`, main, related, '</div></div></div></div>', `<footer class="bx-footer"><div class="bx-footer-section">© ${esc(store.name)}, 2011–2024</div></footer>`, '</div>'],
    });
  },
};

/** A Japanese shop on an older cart system (Shift_JIS): table specs with 販売価格/定価, 円 prices, optional microdata. */
export const legacyJapan: ProductTheme = {
  platform: 'legacy',
  style: 'jp-cart',
  path: (context) => `/shopdetail/${String(context.product.id).padStart(12, '0')}/`,
  prepare(context) {
    const { product } = context;
    product.images = product.imageKeys.map((key, index) => `${context.store.origin}/shopimages/${context.store.name.replace(/[^a-z]/gi, '').toLowerCase() || 'shop'}/${String(product.id).padStart(10, '0')}${index + 1}.jpg`);
    product.sku = `${String(product.id).padStart(6, '0')}-${product.sku!.slice(-3)}`;
    product.language = 'ja';
    collapseAvailability(product, ['IN_STOCK', 'OUT_OF_STOCK', 'PREORDER', 'BACKORDER']);
  },
  render(context) {
    const { product, locale, scenario, store } = context;
    const micro = scenario.structured;
    context.tags.push('legacy-charset');
    const backslashYen = context.format.symbol === '\\';
    if (backslashYen) context.tags.push('backslash-yen');
    const item = (prop: string): string => (micro ? ` itemprop="${prop}"` : '');
    const stockText = product.availability === 'IN_STOCK' ? (product.stockLeft <= 5 ? locale.ui.lowStock.replace('{n}', String(product.stockLeft)) : locale.ui.inStock) : product.availability === 'PREORDER' ? locale.ui.preorderNote.replace('{n}', '4') : product.availability === 'BACKORDER' ? locale.ui.backorder : 'SOLD OUT';
    const main = `<div id="M_detail"${micro ? ' itemscope itemtype="http://schema.org/Product"' : ''}>
<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td valign="top" width="400">
<div class="M_imageMain"><img src="${esc(product.images[0]!)}" border="0" class="M_imageMain"${item('image')} alt="${esc(product.title)}"></div>
<div class="M_imageSub">${product.images.slice(1).map((image) => `<img src="${esc(image)}" width="60" border="0">`).join('')}</div></td>
<td valign="top"><h2 class="M_detailTitle"${item('name')}>${esc(product.title)}</h2>
<table class="M_detailTable" border="0" cellspacing="1" cellpadding="4">
${product.brand ? `<tr><th>${esc(locale.ui.brand)}</th><td${item('brand')}>${esc(product.brand)}</td></tr>` : ''}
<tr><th>${esc(locale.ui.sku)}</th><td${item('sku')}>${esc(product.sku ?? '')}</td></tr>
${product.gtin ? `<tr><th>${esc(locale.ui.gtin)}</th><td${item('gtin13')}>${esc(product.gtin)}</td></tr>` : ''}
${product.mpn ? `<tr><th>${esc(locale.ui.mpn)}</th><td${item('mpn')}>${esc(product.mpn)}</td></tr>` : ''}
${product.compareAt ? `<tr><th>定価</th><td><s>${esc(context.money(product.compareAt))}</s></td></tr>` : ''}
<tr><th>${esc(locale.ui.salePrice)}</th><td${micro ? ' itemprop="offers" itemscope itemtype="http://schema.org/Offer"' : ''}><span class="M_price"${micro ? ` itemprop="price" content="${Number(product.price.amount)}"` : ''}>${esc(context.money(product.price))}</span>${esc(locale.ui.taxIncluded)}${micro ? `<meta itemprop="priceCurrency" content="JPY"><link itemprop="availability" href="${schemaAvailability(product.availability, 'http')}">` : ''}</td></tr>
<tr><th>ポイント</th><td>${Math.round(Number(product.price.amount) / 100)}ポイント</td></tr>
<tr><th>在庫</th><td class="M_stock">${esc(stockText)}</td></tr>
${product.rating !== null ? `<tr><th>レビュー</th><td>★${product.rating} (${esc(locale.ui.reviews.replace('{n}', String(product.reviewCount)))})</td></tr>` : ''}
</table>
${product.availability === 'OUT_OF_STOCK' ? '<p class="M_soldout"><img src="/images/soldout.gif" alt="SOLD OUT"></p>' : `<form name="form1" method="post" action="/shop/basket.html"><input type="hidden" name="brandcode" value="${String(product.id).padStart(12, '0')}">${product.variants.length > 0 ? `<select name="spcode">${product.variants.map((variant) => `<option value="${esc(variant.value)}"${variant.available ? '' : ' disabled'}>${esc(variant.value)}${variant.available ? '' : ' (在庫切れ)'}</option>`).join('')}</select>` : ''}<input type="text" name="amount" value="1" size="3"> <input type="image" src="/images/btn_cart.gif" alt="${esc(product.availability === 'PREORDER' ? locale.ui.preorder : locale.ui.addToCart)}"></form>`}
</td></tr></table>
<div class="M_detailComment"${item('description')}>${esc(product.description)}</div></div>`;
    const crumbs = product.breadcrumbs ? `<div class="M_topicPath"><a href="/">${esc(locale.ui.home)}</a> &gt; ${product.breadcrumbs.map((name, i) => `<a href="/shopbrand/ct${i + 1}/">${esc(name)}</a>`).join(' &gt; ')} &gt; ${esc(product.title)}</div>` : '';
    return htmlDocument({
      doctype: '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">', lang: product.language,
      charsetMeta: charsetMeta(context.charsetLabel, true), title: `${product.title}-${store.name}`,
      head: ['<meta http-equiv="Content-Style-Type" content="text/css">', '<meta http-equiv="Content-Script-Type" content="text/javascript">', `<meta name="description" content="${esc(product.description)}">`, '<link rel="stylesheet" href="/css/shop.css" type="text/css">', micro && product.rating !== null ? jsonScript({ '@context': 'http://schema.org', '@type': 'Product', name: product.title, aggregateRating: { '@type': 'AggregateRating', ratingValue: product.rating, reviewCount: product.reviewCount } }, { php: true }) : ''],
      body: [`<div id="header"><a href="/"><img src="/images/logo.gif" alt="${esc(store.name)}"></a><span class="freeShip">5,000円以上送料無料</span></div>`, crumbs, main, `<div id="footer">Copyright (C) ${esc(store.name)} All Rights Reserved.</div>`],
    });
  },
};
