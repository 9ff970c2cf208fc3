import type { ShopAvailability, ShopProduct, ShopVariant } from './shop-catalog.type.js';
import type { Crumb } from './html.js';
import { escapeHtml, renderBreadcrumbs, scriptJson } from './html.js';
import { renderPrice } from './product-card.js';
import { breadcrumbJsonLd, productJsonLd } from './product-json-ld.js';
import { MICRODATA_PRODUCT_ATTRIBUTES, renderProductMicrodata } from './product-microdata.js';
import { SHOP_NAME } from './site-chrome.js';
import type { SiteContext } from './site-context.js';
import { absoluteUrl, categoryTrail, renderSitePage } from './site-context.js';

const AVAILABILITY_TEXT: Record<ShopAvailability, string> = {
  IN_STOCK: 'In stock',
  OUT_OF_STOCK: 'Sold out',
  PREORDER: 'Available for pre-order: ships in 4-6 weeks',
  BACKORDER: 'Backordered: ships in 2-3 weeks',
};

const BUTTON_TEXT: Record<ShopAvailability, string> = {
  IN_STOCK: 'Add to cart',
  OUT_OF_STOCK: 'Sold out',
  PREORDER: 'Pre-order',
  BACKORDER: 'Add to cart',
};

/**
 * A product page: structured data (JSON-LD, or microdata where the catalog
 * says so), OpenGraph, canonical link, and the visible product markup. The
 * same page answers every URL of the product (collection-scoped, tracked).
 */
export function renderProductPage(site: SiteContext, generated: ShopProduct): string {
  const { variants, images, description } = generated;
  // Read the computed fields once; the templates below read them several times.
  const product: ShopProduct = { ...generated, variants, images, description };
  const leaf = site.catalog.categoryByHandle(product.categories[0] ?? '');
  const trail = leaf ? categoryTrail(site.catalog, leaf) : [];
  const crumbs: Crumb[] = [{ name: 'Home', path: '/' }, ...trail.map(({ name, path }) => ({ name, path })), { name: product.title }];
  const microdata = site.catalog.structuredDataOf(product) === 'microdata';
  const main = `${renderBreadcrumbs(crumbs)}
<div class="product" data-product-handle="${product.handle}"${microdata ? MICRODATA_PRODUCT_ATTRIBUTES : ''}>
${renderGallery(product, images)}
<div class="product__info">
${renderVendor(site, product)}
<h1 class="product__title">${escapeHtml(product.title)}</h1>
${renderPrice(site, product, 'product__price')}
<p class="product__sku">SKU: <span class="sku">${product.sku}</span></p>
<p class="product__availability" data-availability="${product.availability}">${AVAILABILITY_TEXT[product.availability]}</p>
${renderForm(site, product, variants)}
<div class="product__description"><p>${escapeHtml(product.description)}</p></div>
</div>${microdata ? `\n${renderProductMicrodata(site, product, images)}` : ''}
</div>`;
  const jsonLd = microdata ? '' :
    `\n<script type="application/ld+json">${scriptJson(productJsonLd(site, product, variants, images))}</script>` +
    `\n<script type="application/ld+json">${scriptJson(breadcrumbJsonLd(site, trail, product))}</script>`;
  return renderSitePage(site, {
    title: `${product.title} | ${product.brand} | ${SHOP_NAME}`,
    description: product.description,
    canonical: absoluteUrl(site, product.path),
    head: renderHead(site, product, images) + jsonLd,
    template: 'product',
    main,
  });
}

function renderHead(site: SiteContext, product: ShopProduct, images: readonly string[]): string {
  const meta: [string, string][] = [
    ['og:type', 'product'],
    ['og:site_name', SHOP_NAME],
    ['og:title', product.title],
    ['og:description', product.description],
    ['og:url', absoluteUrl(site, product.path)],
    ...images.map((image): [string, string] => ['og:image', absoluteUrl(site, image)]),
    ['product:brand', product.brand],
    ['product:price:amount', product.price],
    ['product:price:currency', product.currency],
    ['product:availability', product.availability === 'OUT_OF_STOCK' ? 'out of stock' : product.availability === 'PREORDER' ? 'preorder' : 'in stock'],
  ];
  return meta.map(([property, content]) => `\n<meta property="${property}" content="${escapeHtml(content)}">`).join('') +
    '\n<meta name="twitter:card" content="summary_large_image">';
}

function renderVendor(site: SiteContext, product: ShopProduct): string {
  const brandCollection = product.categories.map((handle) => site.catalog.categoryByHandle(handle)).find((c) => c?.kind === 'brand');
  const name = escapeHtml(product.brand);
  return `<p class="product__vendor">${brandCollection ? `<a href="${brandCollection.path}">${name}</a>` : name}</p>`;
}

function srcset(image: string): string {
  return [400, 800, 1200].map((width) => `${image}?w=${width} ${width}w`).join(', ');
}

function renderGallery(product: ShopProduct, images: readonly string[]): string {
  const alt = escapeHtml(product.title);
  const [first, ...rest] = images;
  const main = first === undefined ? '' :
    `<img class="product__image" src="${first}?w=800" srcset="${srcset(first)}" sizes="(min-width: 768px) 50vw, 100vw" alt="${alt}" width="800" height="800">`;
  const thumbs = [first, ...rest].filter((image) => image !== undefined).map((image, index) =>
    `<li><a href="${image}"><img src="${image}?w=160" srcset="${srcset(image)}" sizes="80px" alt="${alt} - view ${index + 1}" width="80" height="80" loading="lazy"></a></li>`);
  return `<div class="product__gallery">${main}<ul class="product__thumbnails">${thumbs.join('')}</ul></div>`;
}

/** Colour and size pickers, a variant select, and the add-to-cart button. */
function renderForm(site: SiteContext, product: ShopProduct, variants: readonly ShopVariant[]): string {
  const colors = [...new Set(variants.map((variant) => variant.options.Color))];
  const sizes = [...new Set(variants.map((variant) => variant.options.Size))];
  const soldOutSizes = new Set(sizes.filter((size) => variants.every((v) => v.options.Size !== size || v.availability === 'OUT_OF_STOCK')));
  const purchasable = variants.find((variant) => variant.availability !== 'OUT_OF_STOCK');
  const options = variants.map((variant) => {
    const soldOut = variant.availability === 'OUT_OF_STOCK';
    const selected = variant === purchasable ? ' selected' : '';
    return `<option value="${escapeHtml(variant.sku)}" data-price="${variant.price}" data-availability="${variant.availability}"${soldOut ? ' disabled' : ''}${selected}>` +
      `${escapeHtml(variant.title)} - ${site.formatPrice(variant.price)}${soldOut ? ' (Sold out)' : ''}</option>`;
  });
  const disabled = product.availability === 'OUT_OF_STOCK' ? ' disabled' : '';
  return `<form class="product-form" action="/cart/add" method="post">
${optionFieldset('Color', colors, new Set())}
${optionFieldset('Size', sizes, soldOutSizes)}
<label for="variant-select" class="visually-hidden">Variant</label>
<select id="variant-select" name="id" class="product-form__variants">${options.join('')}</select>
<label for="quantity">Quantity</label> <input id="quantity" type="number" name="quantity" value="1" min="1">
<button type="submit" name="add" class="button product-form__submit"${disabled}>${BUTTON_TEXT[product.availability]}</button>
</form>`;
}

function optionFieldset(name: 'Color' | 'Size', values: readonly string[], soldOut: ReadonlySet<string>): string {
  const checked = Math.max(0, values.findIndex((value) => !soldOut.has(value)));
  const inputs = values.map((value, index) => {
    const id = `option-${name.toLowerCase()}-${index}`;
    const out = soldOut.has(value);
    return `<input type="radio" id="${id}" name="${name}" value="${escapeHtml(value)}"${index === checked ? ' checked' : ''}${out ? ' disabled' : ''}>` +
      `<label for="${id}" class="option-label${out ? ' option-label--sold-out' : ''}">${escapeHtml(value)}${out ? ' <span class="visually-hidden">Sold out</span>' : ''}</label>`;
  });
  return `<fieldset class="product-form__option" data-option="${name}"><legend>${name === 'Color' ? 'Colour' : 'Size'}</legend>${inputs.join('')}</fieldset>`;
}
