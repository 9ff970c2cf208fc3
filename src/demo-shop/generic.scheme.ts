import { disallow } from './robots-rules.js';
import { encodeQuery } from './url-params.js';
import { INTERNAL_HANDLE_PREFIX } from './url-scheme.type.js';
import type { UrlScheme } from './url-scheme.type.js';

const PRIVATE_HANDLE = 'trade-only';
const PRODUCT_FILE = /^\/sitemaps\/products-([1-9]\d{0,8})\.xml$/;

/**
 * A hand-rolled shop: `/shop/<category>?p=N`, `/item/<id>-<slug>`; robots.txt
 * uses a wildcard rule and a second user-agent group.
 */
export const GENERIC_SCHEME: UrlScheme = {
  flavour: 'generic',
  categoryPath: (chain) => `/shop/${chain[chain.length - 1] ?? ''}`,
  productPath: (handle, id) => ['/item/', String(id), '-', handle].join(''),
  listingPath: (path, page) => (page <= 1 ? path : `${path}?p=${page}`),
  searchPath: (query, page) => `/search?q=${encodeQuery(query)}${page > 1 ? `&p=${page}` : ''}`,
  privateCategory: { handle: PRIVATE_HANDLE, name: 'Trade Only' },
  robots: [
    { userAgents: ['*'], rules: ['/basket', '/account', `/shop/${PRIVATE_HANDLE}`, `/item/*-${INTERNAL_HANDLE_PREFIX}`].map(disallow) },
    { userAgents: ['BadBot'], rules: [disallow('/')] },
  ],
  sitemaps: {
    index: '/sitemap.xml',
    categories: '/sitemaps/categories.xml',
    productsPerFile: 10_000,
    productFile: (n) => `/sitemaps/products-${n}.xml`,
    productFileNumber: (url) => {
      const match = PRODUCT_FILE.exec(url.pathname);
      return match ? Number(match[1]) : undefined;
    },
  },
  footerLinks: [
    { name: 'About us', path: '/about-us' },
    { name: 'Contact us', path: '/contact-us' },
    { name: 'Delivery', path: '/delivery' },
    { name: 'Returns', path: '/returns' },
    { name: 'Privacy', path: '/privacy' },
    { name: 'Terms', path: '/terms' },
    { name: 'Account', path: '/account' },
    { name: 'Basket', path: '/basket' },
  ],
  infoPages: {
    '/about-us': 'about',
    '/contact-us': 'contact',
    '/delivery': 'shipping',
    '/returns': 'returns',
    '/privacy': 'privacy',
    '/terms': 'terms',
    '/account': 'account',
    '/basket': 'cart',
  },
};
