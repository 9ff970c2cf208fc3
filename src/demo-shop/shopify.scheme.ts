import { disallow } from './robots-rules.js';
import { encodeQuery, pageNumber } from './url-params.js';
import { INTERNAL_HANDLE_PREFIX } from './url-scheme.type.js';
import type { UrlScheme } from './url-scheme.type.js';

const PRIVATE_HANDLE = 'private-sale';

/** Shopify: flat `/collections/<handle>`, `/products/<handle>`, `?page=N`. */
export const SHOPIFY_SCHEME: UrlScheme = {
  flavour: 'shopify',
  categoryPath: (chain) => `/collections/${chain[chain.length - 1] ?? ''}`,
  productPath: (handle) => ['/products/', handle].join(''),
  listingPath: (path, page) => (page <= 1 ? path : `${path}?page=${page}`),
  searchPath: (query, page) => `/search?q=${encodeQuery(query)}${page > 1 ? `&page=${page}` : ''}`,
  privateCategory: { handle: PRIVATE_HANDLE, name: 'Private Sale' },
  robots: [{
    userAgents: ['*'],
    rules: ['/cart', '/account', '/checkout', '/search', `/collections/${PRIVATE_HANDLE}`, `/products/${INTERNAL_HANDLE_PREFIX}`].map(disallow),
  }],
  sitemaps: {
    index: '/sitemap.xml',
    categories: '/sitemap-collections.xml',
    productsPerFile: 50_000,
    productFile: (n) => (n === 1 ? '/sitemap-products.xml' : `/sitemap-products.xml?page=${n}`),
    productFileNumber: (url) => (url.pathname === '/sitemap-products.xml' ? pageNumber(url.searchParams.get('page')) : undefined),
  },
  footerLinks: [
    { name: 'About us', path: '/about' },
    { name: 'Contact', path: '/contact' },
    { name: 'Shipping', path: '/pages/shipping' },
    { name: 'Returns', path: '/pages/returns' },
    { name: 'Blog', path: '/blog' },
    { name: 'Privacy policy', path: '/policies/privacy-policy' },
    { name: 'Terms of service', path: '/policies/terms-of-service' },
    { name: 'Account', path: '/account' },
    { name: 'Cart', path: '/cart' },
  ],
  infoPages: {
    '/about': 'about',
    '/contact': 'contact',
    '/pages/shipping': 'shipping',
    '/pages/returns': 'returns',
    '/blog': 'blog',
    '/policies/privacy-policy': 'privacy',
    '/policies/terms-of-service': 'terms',
    '/cart': 'cart',
    '/account': 'account',
  },
};
