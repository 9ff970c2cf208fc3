import { allow, disallow } from './robots-rules.js';
import { encodeQuery } from './url-params.js';
import { INTERNAL_HANDLE_PREFIX } from './url-scheme.type.js';
import type { UrlScheme } from './url-scheme.type.js';

const PRIVATE_HANDLE = 'staff-only';

/**
 * WooCommerce with pretty permalinks: nested `/product-category/<a>/<b>/`,
 * `/product/<slug>/`, path pagination `.../page/N/`, every page URL ending in
 * a slash; Yoast-style sitemaps of 1,000 URLs each.
 */
export const WOOCOMMERCE_SCHEME: UrlScheme = {
  flavour: 'woocommerce',
  categoryPath: (chain) => `/product-category/${chain.join('/')}/`,
  productPath: (handle) => ['/product/', handle, '/'].join(''),
  listingPath: (path, page) => (page <= 1 ? path : `${path}page/${page}/`),
  searchPath: (query, page) => `${page > 1 ? `/page/${page}/` : '/'}?s=${encodeQuery(query)}&post_type=product`,
  privateCategory: { handle: PRIVATE_HANDLE, name: 'Staff Only' },
  robots: [{
    userAgents: ['*'],
    rules: [
      disallow('/wp-admin/'),
      allow('/wp-admin/admin-ajax.php'),
      ...['/cart/', '/checkout/', '/my-account/', `/product-category/${PRIVATE_HANDLE}/`, `/product/${INTERNAL_HANDLE_PREFIX}`].map(disallow),
    ],
  }],
  sitemaps: {
    index: '/sitemap_index.xml',
    categories: '/product_cat-sitemap.xml',
    productsPerFile: 1000,
    productFile: (n) => (n === 1 ? '/product-sitemap.xml' : `/product-sitemap${n}.xml`),
    productFileNumber: (url) => {
      const match = /^\/product-sitemap([2-9]|[1-9]\d{1,8})?\.xml$/.exec(url.pathname);
      return match ? Number(match[1] ?? 1) : undefined;
    },
  },
  footerLinks: [
    { name: 'About', path: '/about/' },
    { name: 'Contact', path: '/contact/' },
    { name: 'Shipping', path: '/shipping/' },
    { name: 'Refund and Returns Policy', path: '/refund_returns/' },
    { name: 'Privacy Policy', path: '/privacy-policy/' },
    { name: 'My account', path: '/my-account/' },
    { name: 'Cart', path: '/cart/' },
    { name: 'Checkout', path: '/checkout/' },
  ],
  infoPages: {
    '/about/': 'about',
    '/contact/': 'contact',
    '/shipping/': 'shipping',
    '/refund_returns/': 'returns',
    '/privacy-policy/': 'privacy',
    '/blog/': 'blog',
    '/my-account/': 'account',
    '/cart/': 'cart',
    '/checkout/': 'checkout',
  },
};
