import type { LabelledMoney } from '../../corpus.types.js';
import { collapseAvailability, useFromPrice, type ProductSpec } from '../catalog.js';
import { esc, jsonAttr, jsonScript, schemaAvailability } from '../html.js';
import { formatNumber } from '../money.js';
import type { PageContext } from '../page.types.js';

/** wp-content/uploads URL of an image; `size` adds WordPress's `-600x600` rendition suffix. */
export function wooImage(context: PageContext, key: string, size: number | null): string {
  const month = String((context.product.id % 12) + 1).padStart(2, '0');
  return `${context.store.origin}/wp-content/uploads/2023/${month}/${key}${size ? `-${size}x${size}` : ''}.jpg`;
}

/** Variable products with tiered prices show a range; the label is the "from" price and no compare-at. */
export function prepareWoo(context: PageContext): void {
  const { product } = context;
  product.images = product.imageKeys.map((key) => wooImage(context, key, null));
  if (useFromPrice(product, false)) context.tags.push('price-range');
  collapseAvailability(product, ['IN_STOCK', 'OUT_OF_STOCK', 'PREORDER', 'BACKORDER']);
}

/** `woocommerce-Price-amount` markup of an amount. */
export function wooAmount(context: PageContext, money: LabelledMoney): string {
  const f = context.format;
  const symbol = `<span class="woocommerce-Price-currencySymbol">${esc(f.symbol)}</span>`;
  const number = esc(formatNumber(money.amount, f));
  const gap = f.gap === '\u00a0' ? '&nbsp;' : esc(f.gap);
  return `<span class="woocommerce-Price-amount amount"><bdi>${f.before ? `${symbol}${gap}${number}` : `${number}${gap}${symbol}`}</bdi></span>`;
}

/** The `price_html` of a product: del/ins for a sale, a range for tiered variations. */
export function wooPriceHtml(context: PageContext, product: ProductSpec): string {
  const prices = product.variants.map((variant) => variant.price);
  const amounts = prices.map((price) => Number(price.amount));
  if (prices.length > 0 && new Set(amounts).size > 1) {
    const low = prices[amounts.indexOf(Math.min(...amounts))]!;
    const high = prices[amounts.indexOf(Math.max(...amounts))]!;
    return `${wooAmount(context, low)} <span aria-hidden="true">&ndash;</span> <span class="screen-reader-text">Price range: ${esc(context.money(low))} through ${esc(context.money(high))}</span>${wooAmount(context, high)}`;
  }
  if (!product.compareAt) return wooAmount(context, product.price);
  return `<del aria-hidden="true">${wooAmount(context, product.compareAt)}</del> <span class="screen-reader-text">Original price was: ${esc(context.money(product.compareAt))}.</span><ins aria-hidden="true">${wooAmount(context, product.price)}</ins><span class="screen-reader-text">Current price is: ${esc(context.money(product.price))}.</span>`;
}

export function wooStock(context: PageContext): string {
  const { product, locale } = context;
  switch (product.availability) {
    case 'OUT_OF_STOCK':
    case 'DISCONTINUED':
      return `<p class="stock out-of-stock">${esc(locale.ui.outOfStock)}</p>`;
    case 'BACKORDER':
      return `<p class="stock available-on-backorder">${esc(locale.ui.backorder)}</p>`;
    case 'PREORDER':
      return `<p class="stock in-stock wc-pre-orders-availability">${esc(locale.ui.preorderNote.replace('{n}', '12'))}</p>`;
    case 'IN_STOCK':
      if (product.variants.length > 0) return '';
      return `<p class="stock in-stock">${esc(product.stockLeft <= 5 ? locale.ui.lowStock.replace('{n}', String(product.stockLeft)) : `${product.stockLeft} ${locale.lang === 'en' ? 'in stock' : locale.ui.inStock.toLowerCase()}`)}</p>`;
    default:
      return '';
  }
}

export function wooRating(context: PageContext): string {
  const { product } = context;
  if (product.rating === null) return '';
  return `<div class="woocommerce-product-rating"><div class="star-rating" role="img" aria-label="Rated ${product.rating.toFixed(2)} out of 5"><span style="width:${Math.round(product.rating * 20)}%">Rated <strong class="rating">${product.rating.toFixed(2)}</strong> out of 5 based on <span class="rating">${product.reviewCount}</span> customer ratings</span></div><a href="#reviews" class="woocommerce-review-link" rel="nofollow">(<span class="count">${product.reviewCount}</span> customer reviews)</a></div>`;
}

/** The add-to-cart form: a simple form, or the variations form with its JSON. */
export function wooCartForm(context: PageContext, postId: number): string {
  const { product, locale } = context;
  const ui = locale.ui;
  const purchasable = product.availability !== 'OUT_OF_STOCK' && product.availability !== 'DISCONTINUED';
  const label = product.availability === 'PREORDER' ? ui.preorder : ui.addToCart;
  if (product.variants.length === 0) {
    if (!purchasable) return '';
    return `<form class="cart" action="${esc(context.url)}" method="post" enctype='multipart/form-data'><div class="quantity"><label class="screen-reader-text" for="quantity_${postId}">${esc(product.title)} ${esc(ui.quantity)}</label><input type="number" id="quantity_${postId}" class="input-text qty text" name="quantity" value="1" aria-label="${esc(ui.quantity)}" min="1" step="1" inputmode="numeric" autocomplete="off"></div><button type="submit" name="add-to-cart" value="${postId}" class="single_add_to_cart_button button alt">${esc(label)}</button></form>`;
  }
  const attribute = `attribute_pa_${(product.optionName ?? 'option').toLowerCase().replace(/[^a-z]+/g, '')}`;
  const variations = product.variants.map((variant, index) => ({
    attributes: { [attribute]: variant.value.toLowerCase() },
    availability_html: variant.available ? `<p class="stock in-stock">${esc(ui.inStock)}</p>\n` : `<p class="stock out-of-stock">${esc(ui.outOfStock)}</p>\n`,
    backorders_allowed: false, display_price: Number(variant.price.amount), display_regular_price: Number((variant.compareAt ?? variant.price).amount),
    image: { title: product.imageKeys[0], url: wooImage(context, product.imageKeys[0]!, null), src: wooImage(context, product.imageKeys[0]!, 600) },
    image_id: postId + 50 + index, is_in_stock: variant.available, is_purchasable: true, max_qty: variant.available ? 12 : '', min_qty: 1,
    price_html: `<span class="price">${variant.compareAt ? `<del>${wooAmount(context, variant.compareAt)}</del> ` : ''}${wooAmount(context, variant.price)}</span>`,
    sku: variant.sku, variation_description: '', variation_id: postId + 1 + index, variation_is_active: true, variation_is_visible: true, weight: '', weight_html: 'N/A',
  }));
  const options = product.variants.map((variant) => `<option value="${esc(variant.value.toLowerCase())}" class="attached enabled">${esc(variant.value)}</option>`).join('');
  return `<form class="variations_form cart" action="${esc(context.url)}" method="post" enctype='multipart/form-data' data-product_id="${postId}" data-product_variations="${jsonAttr(variations)}">
<table class="variations" cellspacing="0" role="presentation"><tbody><tr><th class="label"><label for="${attribute.slice(10)}">${esc(product.optionName ?? '')}</label></th><td class="value"><select id="${attribute.slice(10)}" class="" name="${attribute}" data-attribute_name="${attribute}" data-show_option_none="yes"><option value="">Choose an option</option>${options}</select><a class="reset_variations" href="#">Clear</a></td></tr></tbody></table>
<div class="single_variation_wrap"><div class="woocommerce-variation single_variation"></div><div class="woocommerce-variation-add-to-cart variations_button"><div class="quantity"><input type="number" class="input-text qty text" name="quantity" value="1" min="1"></div><button type="submit" class="single_add_to_cart_button button alt disabled wc-variation-selection-needed">${esc(label)}</button><input type="hidden" name="add-to-cart" value="${postId}"><input type="hidden" name="product_id" value="${postId}"><input type="hidden" name="variation_id" class="variation_id" value="0"></div></div>
</form>`;
}

/** WooCommerce core's JSON-LD (printed in the footer), slashes escaped like wp_json_encode. */
export function wooCoreJsonLd(context: PageContext, listPriceSpec: boolean): string {
  const { product, scenario } = context;
  const currency = product.price.currency;
  const amounts = product.variants.map((variant) => Number(variant.price.amount));
  const shown = scenario.staleStructuredPrice && product.compareAt ? product.compareAt : product.price;
  const availability = schemaAvailability(product.availability === 'PREORDER' ? 'PREORDER' : product.availability, 'http');
  const seller = { '@type': 'Organization', name: context.store.name, url: `${context.store.origin}` };
  const offer = amounts.length > 0 && new Set(amounts).size > 1
    ? { '@type': 'AggregateOffer', lowPrice: Math.min(...amounts).toFixed(2), highPrice: Math.max(...amounts).toFixed(2), offerCount: amounts.length, priceCurrency: currency, availability, url: context.url, seller }
    : {
      '@type': 'Offer', price: Number(shown.amount).toFixed(context.locale.decimals), priceValidUntil: '2025-12-31',
      priceSpecification: listPriceSpec && product.compareAt && !scenario.staleStructuredPrice
        ? [{ '@type': 'UnitPriceSpecification', price: product.price.amount, priceCurrency: currency, valueAddedTaxIncluded: false, validThrough: '2025-12-31' },
          { '@type': 'UnitPriceSpecification', price: product.compareAt.amount, priceCurrency: currency, valueAddedTaxIncluded: false, validThrough: '2025-12-31', priceType: 'https://schema.org/ListPrice' }]
        : { price: Number(shown.amount).toFixed(context.locale.decimals), priceCurrency: currency, valueAddedTaxIncluded: 'false' },
      priceCurrency: currency, availability, url: context.url, seller,
    };
  const node: Record<string, unknown> = {
    '@context': 'https://schema.org/', '@type': 'Product', '@id': `${context.url}#product`, name: product.title, url: context.url,
    description: product.description, image: product.images[0], sku: product.sku ?? undefined, offers: [offer],
  };
  if (product.gtin) node.gtin = product.gtin;
  if (product.brand && context.rng.chance(0.5)) node.brand = { '@type': 'Brand', name: product.brand };
  if (product.rating !== null) node.aggregateRating = { '@type': 'AggregateRating', ratingValue: product.rating.toFixed(2), reviewCount: product.reviewCount };
  const crumbs = { '@context': 'https://schema.org/', '@type': 'BreadcrumbList', itemListElement: (product.breadcrumbs ?? []).map((name, i) => ({ '@type': 'ListItem', position: i + 1, item: { name, '@id': `${context.store.origin}/product-category/${i}/` } })) };
  return jsonScript({ '@context': 'https://schema.org/', '@graph': product.breadcrumbs ? [crumbs, node] : [node] }, { php: true });
}

/** Yoast SEO's @graph (WebPage, ImageObject, BreadcrumbList, WebSite, Organization), optionally with the Product of Yoast WooCommerce SEO. */
export function yoastGraph(context: PageContext, withProduct: boolean): string {
  const { product, store } = context;
  const url = context.url;
  const crumbs = [context.locale.ui.home, ...(product.breadcrumbs ?? []), product.title];
  const graph: Record<string, unknown>[] = [
    { '@type': ['WebPage', 'ItemPage'], '@id': url, url, name: `${product.title} - ${store.name}`, isPartOf: { '@id': `${store.origin}/#website` }, primaryImageOfPage: { '@id': `${url}#primaryimage` }, datePublished: '2023-05-02T08:11:45+00:00', dateModified: '2024-02-19T14:02:11+00:00', breadcrumb: { '@id': `${url}#breadcrumb` }, inLanguage: product.language ?? 'en-US' },
    { '@type': 'ImageObject', inLanguage: product.language ?? 'en-US', '@id': `${url}#primaryimage`, url: product.images[0], contentUrl: product.images[0], width: 1200, height: 1200 },
    { '@type': 'BreadcrumbList', '@id': `${url}#breadcrumb`, itemListElement: crumbs.map((name, i) => ({ '@type': 'ListItem', position: i + 1, name, ...(i < crumbs.length - 1 ? { item: `${store.origin}/${i === 0 ? '' : `product-category/${i}/`}` } : {}) })) },
    { '@type': 'WebSite', '@id': `${store.origin}/#website`, url: `${store.origin}/`, name: store.name, publisher: { '@id': `${store.origin}/#organization` }, inLanguage: product.language ?? 'en-US' },
    { '@type': 'Organization', '@id': `${store.origin}/#organization`, name: store.name, url: `${store.origin}/`, logo: { '@type': 'ImageObject', url: `${store.origin}/wp-content/uploads/logo.png` } },
  ];
  if (!product.breadcrumbs) graph.splice(2, 1);
  if (withProduct) {
    const shown = context.scenario.staleStructuredPrice && product.compareAt ? product.compareAt : product.price;
    graph.push({
      '@type': 'Product', '@id': `${url}#product`, name: product.title, url, description: product.description, image: { '@id': `${url}#primaryimage` },
      sku: product.sku, ...(product.gtin ? { gtin13: product.gtin } : {}), ...(product.mpn ? { mpn: product.mpn } : {}),
      ...(product.brand ? { brand: { '@type': 'Brand', name: product.brand } } : {}),
      offers: [{ '@type': 'Offer', '@id': `${store.origin}/#/schema/offer/${product.id}-0`, price: shown.amount, priceSpecification: { '@type': 'PriceSpecification', price: shown.amount, priceCurrency: shown.currency, valueAddedTaxIncluded: true }, priceCurrency: shown.currency, availability: schemaAvailability(product.availability), url, seller: { '@id': `${store.origin}/#organization` } }],
      mainEntityOfPage: { '@id': url },
      ...(product.rating !== null ? { aggregateRating: { '@type': 'AggregateRating', ratingValue: String(product.rating), reviewCount: product.reviewCount, bestRating: 5, worstRating: 1 } } : {}),
    });
  }
  return jsonScript({ '@context': 'https://schema.org', '@graph': graph }, { attributes: 'class="yoast-schema-graph"' });
}

/** The loop cards of "Related products" (each with its own price and data-product_sku). */
export function wooRelated(context: PageContext, heading: string): string {
  if (!context.scenario.related) return '';
  context.tags.push('related-carousel');
  const items = context.related.map((other, index) => `<li class="product type-product post-${other.id} status-publish ${index === 0 ? 'first ' : ''}instock has-post-thumbnail${other.compareAt ? ' sale' : ''} product-type-simple">
<a href="${esc(context.store.origin)}/product/${esc(other.slug)}/" class="woocommerce-LoopProduct-link woocommerce-loop-product__link"><img width="324" height="324" src="${esc(wooImage(context, other.imageKeys[0]!, 324))}" class="attachment-woocommerce_thumbnail size-woocommerce_thumbnail" alt="" decoding="async" loading="lazy"><h2 class="woocommerce-loop-product__title">${esc(other.title)}</h2>${other.compareAt ? '<span class="onsale">Sale!</span>' : ''}
<span class="price">${wooPriceHtml(context, other)}</span></a><a href="?add-to-cart=${other.id}" data-quantity="1" class="button product_type_simple add_to_cart_button ajax_add_to_cart" data-product_id="${other.id}" data-product_sku="${esc(other.sku ?? '')}" aria-label="Add “${esc(other.title)}” to your cart" rel="nofollow">${esc(context.locale.ui.addToCart)}</a></li>`);
  return `<section class="related products"><h2>${esc(heading)}</h2><ul class="products columns-4">\n${items.join('\n')}\n</ul></section>`;
}
