import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isExcludedPath, isExcludedText, readMenuLink } from '../../../src/scrapers/site/menu-link-filter.js';

const BASE = 'https://www.shop.example/en/';

describe('menu link filter', () => {
  it('leaves out account, cart, info and policy paths in several languages', () => {
    for (const path of ['/account/login', '/customer/account/', '/cart', '/checkout/onepage', '/pages/about-us', '/pages/contact',
      '/blogs/news', '/policies/refund-policy', '/faq.html', '/de/mein-konto', '/de/warenkorb', '/fr/panier', '/es/carrito',
      '/es/mi-cuenta', '/it/carrello', '/nl/winkelwagen', '/wishlist', '/search?q=x', '/help-center']) {
      assert.equal(isExcludedPath(path), true, path);
    }
  });

  it('keeps category paths that merely contain such words inside a word', () => {
    for (const path of ['/collections/cartier-watches', '/collections/accessories', '/product-category/helpful-tools', '/c/bags',
      '/collections/cookies', '/collections/track-pants', '/fr/baskets']) {
      assert.equal(isExcludedPath(path), false, path);
    }
  });

  it('leaves out account, cart and info texts, with counters and accents', () => {
    for (const text of ['Cart (3)', 'My Account', 'Sign in', 'Mein Konto', 'Über uns', 'À propos', 'Iniciar sesión', 'Help Center', 'Contact us']) {
      assert.equal(isExcludedText(text), true, text);
    }
    for (const text of ['Cartier', 'Accessories', 'Helpful gadgets', 'Bags', 'Baskets', 'New in']) assert.equal(isExcludedText(text), false, text);
  });

  it('reads same-site links with or without www, absolute and without fragment', () => {
    assert.deepEqual(readMenuLink('/collections/a#top', BASE), { kind: 'category', url: 'https://www.shop.example/collections/a' });
    assert.deepEqual(readMenuLink('shoes', BASE), { kind: 'category', url: 'https://www.shop.example/en/shoes' });
    assert.deepEqual(readMenuLink('https://shop.example/c/x', BASE), { kind: 'category', url: 'https://shop.example/c/x' });
  });

  it('tells no-page links from excluded pages', () => {
    for (const href of [undefined, '', '#', '#menu', 'javascript:void(0)', 'mailto:a@b.c', 'tel:123', 'https://other.example/c/x', '/', '//cdn.example/x']) {
      assert.deepEqual(readMenuLink(href, BASE), { kind: 'none' }, String(href));
    }
    assert.deepEqual(readMenuLink('/account', BASE), { kind: 'excluded' });
  });
});
