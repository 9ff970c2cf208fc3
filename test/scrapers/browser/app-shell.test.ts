import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looksLikeAppShell } from '../../../src/scrapers/browser/app-shell.js';

const PROSE = 'This solid oak desk has two drawers, a cable tray and a scratch-resistant finish. '.repeat(6);
const BUNDLES = '<script src="/static/js/runtime.js"></script><script src="/static/js/vendor.js"></script><script src="/static/js/main.js"></script>';
const PRODUCT_JSON_LD = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Desk"}</script>';

const CASES: { name: string; html: string; appShell: boolean; reason: RegExp }[] = [
  {
    name: 'a Create React App shell with an empty #root and an enable-JavaScript noscript',
    html: `<!doctype html><html><head><title>Shop</title></head><body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div>${BUNDLES}</body></html>`,
    appShell: true,
    reason: /mount point #root.*3 script bundles.*enable JavaScript/,
  },
  {
    name: 'an empty Next.js #__next mount',
    html: '<html><body><div id="__next"></div><script src="/_next/static/chunks/main.js"></script></body></html>',
    appShell: true,
    reason: /mount point #__next/,
  },
  {
    name: 'an empty Nuxt #__nuxt mount',
    html: '<html><body><div id="__nuxt"><!-- --></div><script src="/_nuxt/app.js" defer></script></body></html>',
    appShell: true,
    reason: /#__nuxt/,
  },
  {
    name: 'a Vue #app mount with a loading spinner',
    html: '<html><body><div id=app><div class="spinner">Loading…</div></div><script type="module" src="/assets/index.js"></script></body></html>',
    appShell: true,
    reason: /#app/,
  },
  {
    name: 'an Angular <app-root> shell',
    html: '<html><head><base href="/"></head><body><app-root></app-root><script src="polyfills.js"></script><script src="main.js"></script></body></html>',
    appShell: true,
    reason: /<app-root>/,
  },
  {
    name: 'a hydrated React root with data-reactroot but no text',
    html: '<html><body><div data-reactroot=""><div class="skeleton"></div></div></body></html>',
    appShell: true,
    reason: /\[data-reactroot\]/,
  },
  {
    name: 'an Angular element with ng-version and little text',
    html: '<html><body><shop-app ng-version="17.3.0"><p>Loading</p></shop-app></body></html>',
    appShell: true,
    reason: /\[ng-version\]/,
  },
  {
    name: 'a noscript warning alone, without a known mount point',
    html: '<html><body><noscript>Please enable JavaScript in your browser.</noscript><div class="mount"></div></body></html>',
    appShell: true,
    reason: /no mount point.*enable JavaScript/,
  },
  {
    name: 'several bundles and no text at all',
    html: `<html><body><main></main>${BUNDLES}</body></html>`,
    appShell: true,
    reason: /no mount point, 0 chars of text, 3 script bundles/,
  },
  {
    name: 'a server-rendered Next.js page with its content in #__next',
    html: `<html><body><div id="__next"><h1>Oak desk</h1><p>${PROSE}</p></div><script src="/_next/static/chunks/main.js"></script></body></html>`,
    appShell: false,
    reason: /mount point #__next, \d{3,} chars of text/,
  },
  {
    name: 'an app shell whose static HTML already carries product JSON-LD',
    html: `<html><head>${PRODUCT_JSON_LD}</head><body><div id="root"></div>${BUNDLES}</body></html>`,
    appShell: false,
    reason: /has product JSON-LD/,
  },
  {
    name: 'an app shell with product microdata',
    html: '<html><body><div id="app"><div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Desk</span></div></div></body></html>',
    appShell: false,
    reason: /has product microdata/,
  },
  {
    name: 'a classic server-rendered shop page',
    html: `<html><body><header><a href="/">Shop</a></header><h1>Oak desk</h1><p>${PROSE}</p><script src="/js/cart.js"></script></body></html>`,
    appShell: false,
    reason: /no mount point/,
  },
  {
    name: 'a tiny static page with no scripts',
    html: '<html><body><p>Coming soon</p></body></html>',
    appShell: false,
    reason: /0 script bundles/,
  },
  {
    name: 'an id that merely starts with "app"',
    html: '<html><body><div id="app-banner">Sale</div></body></html>',
    appShell: false,
    reason: /no mount point/,
  },
  {
    name: 'an empty document',
    html: '',
    appShell: false,
    reason: /no mount point, 0 chars of text/,
  },
];

describe('looksLikeAppShell', () => {
  for (const { name, html, appShell, reason } of CASES) {
    it(`${appShell ? 'flags' : 'does not flag'} ${name}`, () => {
      const verdict = looksLikeAppShell(html);
      assert.equal(verdict.appShell, appShell, verdict.reason);
      assert.match(verdict.reason, reason);
    });
  }

  it('does not count script, style and noscript text as page text', () => {
    const inert = `<script>${'var x = 1;'.repeat(100)}</script><style>${'.a{color:red}'.repeat(100)}</style><noscript>${'enable JavaScript '.repeat(50)}</noscript>`;
    const verdict = looksLikeAppShell(`<html><body><div id="root"></div>${inert}</body></html>`);
    assert.equal(verdict.appShell, true);
    assert.match(verdict.reason, / 0 chars of text/);
  });
});
