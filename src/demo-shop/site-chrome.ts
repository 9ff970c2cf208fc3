import type { ShopCatalog, ShopCategory } from './shop-catalog.type.js';
import { escapeHtml } from './html.js';

export const SHOP_NAME = 'Trailhead Supply Co.';

/** Footer links: none of them is a category. */
export const FOOTER_LINKS: readonly { name: string; path: string }[] = [
  { name: 'About us', path: '/about' },
  { name: 'Contact', path: '/contact' },
  { name: 'Shipping', path: '/pages/shipping' },
  { name: 'Returns', path: '/pages/returns' },
  { name: 'Blog', path: '/blog' },
  { name: 'Account', path: '/account' },
  { name: 'Cart', path: '/cart' },
];

/**
 * Site header with the main menu: gender sections with nested dropdowns
 * (product groups, then product types), the featured collections, and a
 * Brands dropdown whose toggle is a button, not a link.
 */
export function renderHeader(catalog: ShopCatalog): string {
  const roots = catalog.categories.filter((category) => category.depth === 0);
  const sections = roots.filter((category) => category.kind === 'gender').map((category) => menuItem(catalog, category, 1));
  const featured = roots.filter((category) => category.kind === 'featured').map((category) => menuItem(catalog, category, 1));
  const brands = roots.filter((category) => category.kind === 'brand').map((category) => menuItem(catalog, category, 2));
  const brandMenu = brands.length === 0 ? '' :
    `<li class="menu__item menu__item--has-children"><button type="button" class="menu__toggle" aria-expanded="false">Brands</button>` +
    `<ul class="menu__dropdown">${brands.join('')}</ul></li>`;
  return `<header class="site-header">
<a class="site-header__logo" href="/">${escapeHtml(SHOP_NAME)}</a>
<nav class="main-nav" aria-label="Main menu"><ul class="menu menu--top">${sections.join('')}${featured.join('')}${brandMenu}</ul></nav>
<div class="site-header__actions"><a href="/search" class="icon-search">Search</a> <a href="/account" class="icon-account">Account</a> <a href="/cart" class="icon-cart">Cart (0)</a></div>
</header>`;
}

function menuItem(catalog: ShopCatalog, category: ShopCategory, level: number): string {
  const children = catalog.childrenOf(category.handle);
  const link = `<a class="menu__link menu__link--level-${level}" href="${category.path}">${escapeHtml(category.name)}</a>`;
  if (children.length === 0) return `<li class="menu__item">${link}</li>`;
  const nested = children.map((child) => menuItem(catalog, child, level + 1)).join('');
  return `<li class="menu__item menu__item--has-children">${link}<ul class="menu__dropdown menu__dropdown--level-${level + 1}">${nested}</ul></li>`;
}

export function renderFooter(): string {
  const links = FOOTER_LINKS.map((link) => `<li><a href="${link.path}">${escapeHtml(link.name)}</a></li>`).join('');
  return `<footer class="site-footer">
<nav class="footer-nav" aria-label="Footer"><ul>${links}</ul></nav>
<form class="newsletter" action="/newsletter" method="post"><label for="newsletter-email">Get our newsletter</label> <input id="newsletter-email" type="email" name="email"> <button type="submit">Subscribe</button></form>
<p class="site-footer__legal">&copy; 2025 ${escapeHtml(SHOP_NAME)} All rights reserved.</p>
</footer>`;
}
