import type { ShopCatalog, ShopCategory } from './shop-catalog.type.js';
import { escapeHtml } from './html.js';
import type { SiteLink } from './url-scheme.type.js';

export const SHOP_NAME = 'Trailhead Supply Co.';

/**
 * Site header with the main (mega) menu: gender sections with nested
 * dropdowns (product groups, then product types), the featured collections
 * (the staff-only one included), and a Brands dropdown whose toggle is a
 * button, not a link. `actions` (search, account, cart) sit outside the menu.
 */
export function renderHeader(catalog: ShopCatalog, actions: string): string {
  const roots = catalog.categories.filter((category) => category.depth === 0);
  const sections = roots.filter((category) => category.kind === 'gender').map((category) => menuItem(catalog, category, 1));
  const featured = roots.filter((category) => category.kind === 'featured').map((category) => menuItem(catalog, category, 2));
  const brands = roots.filter((category) => category.kind === 'brand').map((category) => menuItem(catalog, category, 2));
  return `<header class="site-header">
<a class="site-header__logo" href="/">${escapeHtml(SHOP_NAME)}</a>
<nav class="main-nav" aria-label="Main menu"><ul class="menu menu--top">${sections.join('')}${toggleSection('New &amp; Sale', featured)}${toggleSection('Brands', brands)}</ul></nav>
${actions}
</header>`;
}

/** A top-level section whose toggle is a button, not a link. */
function toggleSection(label: string, items: readonly string[]): string {
  if (items.length === 0) return '';
  return `<li class="menu__item menu__item--has-children"><button type="button" class="menu__toggle" aria-expanded="false">${label}</button>` +
    `<ul class="menu__dropdown menu__dropdown--level-2">${items.join('')}</ul></li>`;
}

function menuItem(catalog: ShopCatalog, category: ShopCategory, level: number): string {
  const children = catalog.childrenOf(category.handle);
  const link = `<a class="menu__link menu__link--level-${level}" href="${category.path}">${escapeHtml(category.name)}</a>`;
  if (children.length === 0) return `<li class="menu__item">${link}</li>`;
  const nested = children.map((child) => menuItem(catalog, child, level + 1)).join('');
  return `<li class="menu__item menu__item--has-children">${link}<ul class="menu__dropdown menu__dropdown--level-${level + 1}">${nested}</ul></li>`;
}

/** Footer with the flavour's account, cart, about, contact and policy links: none is a category. */
export function renderFooter(footerLinks: readonly SiteLink[]): string {
  const links = footerLinks.map((link) => `<li><a href="${link.path}">${escapeHtml(link.name)}</a></li>`).join('');
  return `<footer class="site-footer">
<nav class="footer-nav" aria-label="Footer"><ul>${links}</ul></nav>
<form class="newsletter" action="/newsletter" method="post"><label for="newsletter-email">Get our newsletter</label> <input id="newsletter-email" type="email" name="email"> <button type="submit">Subscribe</button></form>
<p class="site-footer__legal">&copy; 2025 ${escapeHtml(SHOP_NAME)} All rights reserved.</p>
</footer>`;
}
