import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Platform } from '../../../src/domain/entities/site.js';
import { load } from 'cheerio/slim';
import { pageElements } from '../../../src/scrapers/extract/dom-query.js';
import { detectPlatform, detectPlatformOfParsed, type PlatformEvidence } from '../../../src/scrapers/site/platform-detection.js';

const page = (body: string, headers: Record<string, string> = {}, url = 'https://shop.example/'): PlatformEvidence => ({ url, headers, body });

const CASES: { name: string; evidence: PlatformEvidence; platform: Platform; signals?: string[] }[] = [
  {
    name: 'a Shopify theme with cdn.shopify.com assets and Shopify.theme',
    evidence: page(`<html><head><meta name="shopify-checkout-api-token" content="abc">
      <script src="//cdn.shopify.com/s/files/1/0001/t/5/assets/theme.js"></script>
      <script>window.Shopify = window.Shopify || {}; Shopify.theme = {"name":"Dawn","id":1};</script></head><body></body></html>`),
    platform: 'SHOPIFY',
    signals: ['cdn.shopify.com asset', 'Shopify.theme script', 'meta shopify-checkout-api-token'],
  },
  {
    name: 'a Shopify store with same-origin /cdn/shop/ assets and Shopify headers',
    evidence: page('<link rel="stylesheet" href="/cdn/shop/t/12/assets/base.css?v=1"><img src="//shop.example/cdn/shop/files/a.jpg">',
      { 'x-shopid': '123', 'X-Shopify-Stage': 'production' }),
    platform: 'SHOPIFY',
    signals: ['/cdn/shop/ asset', 'header x-shopid', 'header x-shopify-stage'],
  },
  {
    name: 'WooCommerce by class names, plugin assets, wc- scripts and generator',
    evidence: page(`<html><head><meta name="generator" content="WooCommerce 8.5.2">
      <link rel="stylesheet" id="woocommerce-general-css" href="https://shop.example/wp-content/plugins/woocommerce/assets/css/woocommerce.css">
      <script id="wc-add-to-cart-js" src="https://shop.example/wp-content/plugins/woocommerce/assets/js/frontend/add-to-cart.min.js"></script>
      <script>var wc_add_to_cart_params = {"ajax_url":"/wp-admin/admin-ajax.php"};</script></head>
      <body class="home page-template woocommerce-no-js"></body></html>`),
    platform: 'WOOCOMMERCE',
    signals: ['woocommerce class', 'wp-content/plugins/woocommerce asset', 'wc- script', 'wc_add_to_cart_params script', 'generator meta WooCommerce'],
  },
  {
    name: 'Magento 2 by static/version assets, data-mage-init and x-magento-init',
    evidence: page(`<html><head><script src="https://shop.example/static/version1712/frontend/Magento/luma/en_US/requirejs/require.js"></script>
      <script type="text/x-magento-init">{"*":{"Magento_Ui/js/core/app":{}}}</script>
      <script>require(['jquery', 'mage/cookies'], function ($) { Mage.Cookies.path = '/'; });</script></head>
      <body><div data-mage-init='{"dropdown":{}}'></div></body></html>`, { 'X-Magento-Tags': 'cms_b' }),
    platform: 'MAGENTO',
    signals: ['Mage.Cookies script', '/static/version asset', 'data-mage-init attribute', 'text/x-magento-init script', 'header x-magento-*', 'mage/ requirejs module'],
  },
  {
    name: 'BigCommerce by cdn11 assets, BCData and stencil',
    evidence: page(`<script src="https://cdn11.bigcommerce.com/s-abc123/stencil/1a2b/dist/theme-bundle.main.js"></script>
      <script>var BCData = {"csrf_token":"x"}; window.stencilBootstrap("home", "{}").load();</script>`),
    platform: 'BIGCOMMERCE',
    signals: ['cdn11.bigcommerce.com asset', 'BCData script', 'stencil script'],
  },
  {
    name: 'Salesforce Commerce Cloud by demandware assets, store links and dw.ac',
    evidence: page(`<link href="/on/demandware.static/Sites-RefArch-Site/-/en_US/v1699/css/global.css" rel="stylesheet">
      <form action="/on/demandware.store/Sites-RefArch-Site/en_US/Search-Show"></form>
      <script>dw.ac._capture({id: "x", type: "searchhit"}); var dwac_data = {};</script>`, { 'set-cookie': 'dwsid=abc; path=/' }),
    platform: 'SALESFORCE',
    signals: ['demandware.static asset', '/on/demandware.store/ link', 'dwac_ script', 'dw.ac script', 'dwac_/dwsid cookie'],
  },
  {
    name: 'a shop on its myshopify.com host alone',
    evidence: page('<html><body>Hello</body></html>', {}, 'https://demo.myshopify.com/'),
    platform: 'SHOPIFY',
  },
  {
    name: 'a blog post that talks about Shopify, cdn.shopify.com and Mage.Cookies in its text',
    evidence: page(`<html><head><meta name="generator" content="WordPress 6.4"></head><body>
      <article><h1>Why we left Shopify</h1><p>Assets came from cdn.shopify.com and Shopify.theme was slow.</p>
      <p>See <a href="https://www.shopify.com/pricing">their pricing</a>.</p><pre><code>Mage.Cookies.set('x')</code></pre>
      <p>WooCommerce and BigCommerce (cdn11.bigcommerce.com) and demandware.static are mentioned too.</p></article>
      <script src="/wp-content/themes/twentytwentyfour/script.js"></script></body></html>`),
    platform: 'GENERIC',
    signals: [],
  },
  {
    name: 'a plain WordPress site without WooCommerce',
    evidence: page('<body class="home blog"><script src="/wp-content/plugins/contact-form-7/includes/js/index.js"></script></body>'),
    platform: 'GENERIC',
  },
  {
    name: 'a page with a single weak signal below the threshold',
    evidence: page('<script id="wc-analytics">1</script>'),
    platform: 'GENERIC',
  },
  {
    name: 'an empty page without headers',
    evidence: page(''),
    platform: 'GENERIC',
  },
];

describe('detectPlatform', () => {
  for (const { name, evidence, platform, signals } of CASES) {
    it(`detects ${platform} for ${name}`, () => {
      const detection = detectPlatform(evidence);
      assert.equal(detection.platform, platform, `signals: ${detection.signals.join(', ')}`);
      if (signals) assert.deepEqual([...detection.signals].sort(), [...signals].sort());
    });
    it(`detects the same from an already parsed page: ${name}`, () => {
      const elements = pageElements(load(evidence.body));
      assert.deepEqual(detectPlatformOfParsed({ url: evidence.url, headers: evidence.headers, elements }), detectPlatform(evidence));
    });
  }

  it('names the platform with the most evidence when signals of two platforms appear', () => {
    const detection = detectPlatform(page(`<body class="woocommerce">
      <script src="https://cdn.shopify.com/s/files/x.js"></script><script>Shopify.shop = "x.myshopify.com";</script>
      <meta name="shopify-digital-wallet" content="/123/digital_wallets/dialog"></body>`));
    assert.equal(detection.platform, 'SHOPIFY');
  });
});
