import { escapeHtml, renderBreadcrumbs } from './html.js';
import { SHOP_NAME } from './site-chrome.js';
import type { SiteContext } from './site-context.js';
import { absoluteUrl, renderSitePage } from './site-context.js';
import type { InfoKind } from './url-scheme.type.js';

/** Content pages by kind: no product markup at all (no JSON-LD, no price, no og:type product). */
export const INFO_BODIES: Readonly<Record<InfoKind, { title: string; body: string }>> = {
  about: {
    title: 'About us',
    body: '<p>We started in a garage in 2009 with one boot and a sewing machine. Today we work with a dozen makers who build gear to be repaired, not replaced.</p><p>Every product we sell is tested for a full season before it reaches the shop.</p>',
  },
  contact: {
    title: 'Contact',
    body: '<p>Email <a href="mailto:help@trailhead.example">help@trailhead.example</a> or call 555-0100, Monday to Friday, 9am-5pm.</p><form action="/contact" method="post"><label>Message <textarea name="message"></textarea></label><button type="submit">Send</button></form>',
  },
  shipping: { title: 'Shipping', body: '<p>Free standard shipping on orders over 75.00. Orders ship within two business days.</p>' },
  returns: { title: 'Returns', body: '<p>Return unworn items within 60 days for a full refund. Sale items are final.</p>' },
  privacy: { title: 'Privacy policy', body: '<p>We keep your address to ship your order and nothing else. We never sell customer data.</p>' },
  terms: { title: 'Terms of service', body: '<p>Prices include VAT where applicable. Orders are accepted when they ship.</p>' },
  blog: {
    title: 'Journal',
    body: '<article><h2>Ten days on the coast path</h2><p>What we packed, and what we wished we had.</p></article><article><h2>How we test a boot</h2><p>Three hundred miles before it goes on sale.</p></article>',
  },
  cart: { title: 'Your cart', body: '<p class="cart__empty">Your cart is empty.</p><a class="button" href="/">Continue shopping</a>' },
  checkout: { title: 'Checkout', body: '<p>Your cart is empty, so there is nothing to check out.</p><a class="button" href="/">Continue shopping</a>' },
  account: {
    title: 'Sign in',
    body: '<form action="/account/login" method="post"><label>Email <input type="email" name="email"></label><label>Password <input type="password" name="password"></label><button type="submit">Sign in</button></form>',
  },
};

/** A simple content page with a heading and a body. */
export function renderInfoPage(site: SiteContext, path: string, title: string, body: string, canonical = true): string {
  return renderSitePage(site, {
    title: `${title} | ${SHOP_NAME}`,
    ...(canonical ? { canonical: absoluteUrl(site, path) } : {}),
    head: '\n<meta property="og:type" content="website">',
    template: 'page',
    main: `${renderBreadcrumbs([{ name: 'Home', path: '/' }, { name: title }])}
<article class="page"><h1 class="page__title">${escapeHtml(title)}</h1>
<div class="page__content">${body}</div></article>`,
  });
}

/** The flavour's content page at `path`, if it has one. */
export function renderFlavourInfoPage(site: SiteContext, path: string): string | undefined {
  if (!Object.hasOwn(site.scheme.infoPages, path)) return undefined;
  const { title, body } = INFO_BODIES[site.scheme.infoPages[path] as InfoKind];
  return renderInfoPage(site, path, title, body);
}

export function renderNotFoundPage(site: SiteContext): string {
  return renderInfoPage(site, '/404', 'Page not found', '<p>The page you were looking for does not exist.</p><a class="button" href="/">Continue shopping</a>', false);
}

export function renderGonePage(site: SiteContext): string {
  return renderInfoPage(site, '/410', 'No longer available', '<p>This page has been removed permanently.</p>', false);
}

/** Small body for `/status/<code>` (not the full layout, like an error page from a proxy). */
export function renderStatusPage(status: number, reason: string): string {
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${status} ${escapeHtml(reason)}</title></head><body><h1>${status} ${escapeHtml(reason)}</h1></body></html>\n`;
}

const HUGE_HEAD = '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>A very long page</title></head><body><h1>A very long page</h1>\n';
const HUGE_TAIL = '</body></html>\n';
const FILLER = '<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>\n';

/** An HTML page of exactly `kb` KiB (at least the size of its skeleton). */
export function renderHugePage(kb: number): Buffer {
  const total = Math.max(kb * 1024, HUGE_HEAD.length + HUGE_TAIL.length);
  const body = Buffer.alloc(total, ' ');
  body.write(HUGE_HEAD, 0, 'latin1');
  const fillEnd = total - HUGE_TAIL.length;
  for (let offset = HUGE_HEAD.length; offset + FILLER.length <= fillEnd; offset += FILLER.length) body.write(FILLER, offset, 'latin1');
  body.write(HUGE_TAIL, fillEnd, 'latin1');
  return body;
}
