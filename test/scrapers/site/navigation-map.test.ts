import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NavigationEntry } from '../../../src/domain/entities/site.js';
import { extractNavigation } from '../../../src/scrapers/site/navigation-map.js';

const BASE = 'https://shop.example/';

/** Entries as `depth name url [< parent] {section}` lines, easy to read in a failure. */
function outline(entries: readonly NavigationEntry[]): string[] {
  return entries.map((entry) => {
    const url = entry.url.replace(BASE, '/');
    const parent = entry.parentUrl ? ` < ${entry.parentUrl.replace(BASE, '/')}` : '';
    return `${entry.depth} ${entry.name} ${url}${parent} {${entry.section ?? ''}}`;
  });
}

const SHOPIFY_DAWN = `<!doctype html><html><body>
<a href="#MainContent" class="skip-to-content-link">Skip to content</a>
<div id="shopify-section-header" class="shopify-section section-header"><header class="header header--middle-left">
  <menu-drawer class="menu-drawer-container"><details id="Details-menu-drawer-container"><summary aria-label="Menu"></summary>
    <nav class="menu-drawer__navigation"><ul class="menu-drawer__menu" role="list">
      <li><a href="/collections/women" class="menu-drawer__menu-item">Women</a></li>
      <li><a href="/collections/men" class="menu-drawer__menu-item">Men</a></li>
    </ul></nav></details></menu-drawer>
  <a href="/" class="header__heading-link"><span class="h2">Dawn Outfitters</span></a>
  <nav class="header__inline-menu"><ul class="list-menu list-menu--inline" role="list">
    <li><header-menu><details id="Details-HeaderMenu-1"><summary class="header__menu-item"><span>Shop</span><svg class="icon-caret"></svg></summary>
      <ul id="HeaderMenu-MenuList-1" class="header__submenu list-menu" role="list">
        <li><a href="/collections/women" class="header__menu-item">Women</a>
          <ul class="header__submenu"><li><a href="/collections/dresses">Dresses</a></li><li><a href="/collections/sale">Sale</a></li></ul></li>
        <li><a href="/collections/men" class="header__menu-item">Men</a></li>
      </ul></details></header-menu></li>
    <li><a href="/collections/sale" class="header__menu-item"><span>Sale</span></a></li>
    <li><a href="/collections/all?sort_by=created-at-descending" class="header__menu-item"><span>New in</span></a></li>
    <li><a href="/pages/about-us" class="header__menu-item"><span>About</span></a></li>
    <li><a href="/pages/contact" class="header__menu-item"><span>Contact</span></a></li>
    <li><a href="https://instagram.com/dawn" class="header__menu-item"><span>Instagram</span></a></li>
  </ul></nav>
  <div class="header__icons"><a href="/search" class="header__icon">Search</a><a href="/account/login" class="header__icon">Log in</a>
    <a href="/cart" class="header__icon" id="cart-icon-bubble">Cart <span>2</span></a></div>
</header></div>
<main id="MainContent"><ul class="grid product-grid"><li><a href="/products/red-dress">Red dress</a></li><li><a href="/products/blue-dress">Blue dress</a></li>
  <li><a href="/products/green-dress">Green dress</a></li></ul></main>
<div id="shopify-section-footer" class="shopify-section"><footer class="footer"><ul class="footer-block__details-content">
  <li><a href="/collections/gift-cards">Gift cards</a></li><li><a href="/policies/refund-policy">Refund policy</a></li></ul></footer></div>
</body></html>`;

const WOOCOMMERCE_STOREFRONT = `<html><body class="home woocommerce-active">
<header id="masthead" class="site-header" role="banner">
  <nav class="secondary-navigation" aria-label="Secondary Navigation"><ul id="menu-secondary" class="menu">
    <li><a href="https://shop.example/about-us/">About Us</a></li><li><a href="https://shop.example/shipping/">Shipping</a></li>
    <li><a href="https://shop.example/outlet/">Outlet</a></li></ul></nav>
  <nav id="site-navigation" class="main-navigation" role="navigation" aria-label="Primary Navigation">
    <div class="primary-navigation"><ul id="menu-primary" class="menu">
      <li class="menu-item menu-item-has-children"><a href="https://shop.example/product-category/clothing/">Clothing</a>
        <ul class="sub-menu">
          <li class="menu-item"><a href="https://shop.example/product-category/clothing/tshirts/">Tshirts</a></li>
          <li class="menu-item menu-item-has-children"><a href="https://shop.example/product-category/clothing/hoodies/">Hoodies</a>
            <ul class="sub-menu"><li class="menu-item"><a href="https://shop.example/product-category/clothing/hoodies/zip/">Zip hoodies</a></li></ul></li>
        </ul></li>
      <li class="menu-item"><a href="https://www.shop.example/product-category/music/#top">Music</a></li>
      <li class="menu-item"><a href="https://shop.example/my-account/">My account</a></li>
      <li class="menu-item"><a href="https://shop.example/cart/">Cart</a></li>
      <li class="menu-item"><a href="https://shop.example/checkout/">Checkout</a></li>
      <li class="menu-item menu-item-has-children"><a href="https://shop.example/blog/">Blog</a>
        <ul class="sub-menu"><li><a href="https://shop.example/2024/05/summer-lookbook/">Summer lookbook</a></li></ul></li>
    </ul></div>
  </nav>
</header>
<nav class="woocommerce-breadcrumb" aria-label="Breadcrumb"><a href="https://shop.example">Home</a> / <a href="https://shop.example/product-category/clothing/">Clothing</a></nav>
<footer class="site-footer"><ul><li><a href="https://shop.example/product-category/clothing/">Clothing</a></li></ul></footer>
</body></html>`;

const MAGENTO_MEGA = `<html><body data-container="body">
<div class="page-wrapper"><header class="page-header">
  <div class="panel wrapper"><div class="panel header"><ul class="header links">
    <li><a href="https://shop.example/customer/account/">My Account</a></li>
    <li class="authorization-link"><a href="https://shop.example/customer/account/login/">Sign In</a></li>
    <li><a href="https://shop.example/customer/account/create/">Create an Account</a></li></ul></div></div>
</header>
<div class="sections nav-sections"><div class="section-items nav-sections-items" data-mage-init='{"tabs":{"openedState":"active"}}'>
  <div class="section-item-content nav-sections-item-content" id="store.menu">
  <nav class="navigation" data-action="navigation"><ul data-mage-init='{"menu":{"responsive":true}}'>
    <li class="level0 nav-1 category-item first level-top parent"><a href="https://shop.example/women.html" class="level-top"><span>Women</span></a>
      <ul class="level0 submenu">
        <li class="level1 nav-1-1 category-item first parent"><a href="https://shop.example/women/tops-women.html"><span>Tops</span></a>
          <ul class="level1 submenu">
            <li class="level2 nav-1-1-1 category-item first"><a href="https://shop.example/women/tops-women/jackets-women.html"><span>Jackets</span></a></li>
            <li class="level2 nav-1-1-2 category-item last"><a href="https://shop.example/women/tops-women/tees-women.html"><span>Tees</span></a></li>
          </ul></li>
      </ul></li>
    <li class="level0 nav-2 category-item level-top parent"><a href="https://shop.example/men.html" class="level-top"><span>Men</span></a>
      <div class="megamenu-panel"><div class="megamenu-column">
          <h4 class="megamenu-heading"><a href="https://shop.example/men/shoes.html">Shoes</a></h4>
          <ul><li><a href="https://shop.example/men/shoes/sneakers.html">Sneakers</a></li><li><a href="https://shop.example/men/shoes/boots.html">Boots</a></li></ul>
        </div><div class="megamenu-column">
          <h4 class="megamenu-heading">Featured</h4>
          <ul><li><a href="https://shop.example/men/new.html">New in</a></li></ul>
          <h4 class="megamenu-heading">Help</h4>
          <ul><li><a href="https://shop.example/size-guide.html">Size guide</a></li></ul>
        </div><div class="megamenu-column">
          <p class="megamenu-title"><a href="https://shop.example/men/bags.html">Bags</a></p>
          <a href="https://shop.example/men/bags/backpacks.html">Backpacks</a>
        </div></div></li>
    <li class="level0 nav-3 category-item last level-top"><a href="https://shop.example/gear.html" class="level-top"><span>Gear</span></a></li>
  </ul></nav></div></div></div>
</div>
<div class="page-bottom"><div class="footer-container"><div class="footer content"><ul class="footer links">
  <li><a href="https://shop.example/women.html">Women</a></li><li><a href="https://shop.example/privacy-policy-cookie-restriction-mode">Privacy</a></li></ul></div></div></div>
</body></html>`;

const GENERIC_SITE = `<html><body>
<div class="top"><div id="menu"><a href="/shoes">Shoes</a> | <a href="/bags/">Bags</a> | <a href="/accessories?page=1">Accessories</a>
  | <a href="/contact.html">Contact</a> | <a href="#">Top</a> | <a href="javascript:void(0)">Open</a> | <a href="mailto:hi@shop.example">Mail</a>
  | <a href="https://partner.example/deals">Partner deals</a> | <a href="/">Home</a></div></div>
<main><ul class="products"><li><a href="/shoes/red-1">Red shoe</a></li><li><a href="/shoes/blue-2">Blue shoe</a></li>
  <li><a href="/shoes/green-3">Green shoe</a></li><li><a href="/shoes/white-4">White shoe</a></li></ul></main>
<div id="footer"><a href="/shoes">Shoes</a><a href="/terms">Terms</a></div>
</body></html>`;

describe('extractNavigation', () => {
  it('reads a Shopify Dawn header: a Shop toggle without link, nested collections, info and account links left out', () => {
    assert.deepEqual(outline(extractNavigation(SHOPIFY_DAWN, BASE)), [
      '0 Women /collections/women {Shop}',
      '1 Dresses /collections/dresses < /collections/women {Shop}',
      '0 Men /collections/men {Shop}',
      '0 Sale /collections/sale {Sale}',
      '0 New in /collections/all?sort_by=created-at-descending {New in}',
    ]);
  });

  it('reads a WooCommerce Storefront primary menu with sub-menus, without the account, cart, checkout and blog items', () => {
    assert.deepEqual(outline(extractNavigation(WOOCOMMERCE_STOREFRONT, BASE)), [
      '0 Clothing /product-category/clothing/ {Clothing}',
      '1 Tshirts /product-category/clothing/tshirts/ < /product-category/clothing/ {Clothing}',
      '1 Hoodies /product-category/clothing/hoodies/ < /product-category/clothing/ {Clothing}',
      '2 Zip hoodies /product-category/clothing/hoodies/zip/ < /product-category/clothing/hoodies/ {Clothing}',
      '0 Music https://www.shop.example/product-category/music/ {Music}',
    ]);
  });

  it('reads a Magento menu with nested levels and a mega menu of headings, muting a Help column', () => {
    assert.deepEqual(outline(extractNavigation(MAGENTO_MEGA, BASE)), [
      '0 Women /women.html {Women}',
      '1 Tops /women/tops-women.html < /women.html {Women}',
      '2 Jackets /women/tops-women/jackets-women.html < /women/tops-women.html {Women}',
      '2 Tees /women/tops-women/tees-women.html < /women/tops-women.html {Women}',
      '0 Men /men.html {Men}',
      '1 Shoes /men/shoes.html < /men.html {Men}',
      '2 Sneakers /men/shoes/sneakers.html < /men/shoes.html {Men}',
      '2 Boots /men/shoes/boots.html < /men/shoes.html {Men}',
      '1 New in /men/new.html < /men.html {Men}',
      '1 Bags /men/bags.html < /men.html {Men}',
      '2 Backpacks /men/bags/backpacks.html < /men/bags.html {Men}',
      '0 Gear /gear.html {Gear}',
    ]);
  });

  it('falls back to a class-named menu of plain links, skipping fragments, scripts, mail, other hosts, home and the product grid', () => {
    assert.deepEqual(outline(extractNavigation(GENERIC_SITE, BASE)), [
      '0 Shoes /shoes {Shoes}',
      '0 Bags /bags/ {Bags}',
      '0 Accessories /accessories?page=1 {Accessories}',
    ]);
  });

  it('keeps the shallowest of duplicate links', () => {
    const entries = extractNavigation(SHOPIFY_DAWN, BASE);
    const sale = entries.filter((entry) => entry.url === `${BASE}collections/sale`);
    assert.equal(sale.length, 1);
    assert.equal(sale[0]?.depth, 0);
  });

  it('leaves out account, cart, search and info links in French, German and Spanish', () => {
    const html = `<header><nav class="main-menu"><ul>
      <li><a href="/fr/femme">Femme</a></li><li><a href="/fr/homme">Homme</a></li>
      <li><a href="/fr/mon-compte">Mon compte</a></li><li><a href="/fr/panier">Panier (0)</a></li><li><a href="/fr/x1">Mon panier</a></li>
      <li><a href="/de/x2">Mein Konto</a></li><li><a href="/de/warenkorb">Warenkorb</a></li><li><a href="/de/x3">Über uns</a></li>
      <li><a href="/es/x4">Mi cuenta</a></li><li><a href="/es/carrito">Carrito</a></li><li><a href="/es/x5">Ayuda</a></li>
      <li><a href="/it/x6">Il mio account</a></li><li><a href="/x7">Hilfe &amp; FAQ</a></li><li><a href="/p/x8">Wishlist</a></li>
      <li><a href="/collections/faq-and-help">Faq</a></li><li><a href="/a-propos">Qui sommes-nous</a></li>
    </ul></nav></header>`;
    assert.deepEqual(outline(extractNavigation(html, BASE)), ['0 Femme /fr/femme {Femme}', '0 Homme /fr/homme {Homme}']);
  });

  it('names the section of a linkless toggle (a Brands button) without adding a level', () => {
    const html = `<header class="site-header"><nav class="main-nav" aria-label="Main menu"><ul class="menu menu--top">
      <li class="menu__item"><a href="/collections/women">Women</a><ul><li><a href="/collections/women-shoes">Shoes</a></li></ul></li>
      <li class="menu__item"><button type="button" class="menu__toggle">Brands</button>
        <ul class="menu__dropdown"><li><a href="/collections/acme">Acme</a></li><li><a href="/collections/zenith">Zenith</a></li></ul></li>
    </ul></nav><div class="site-header__actions"><a href="/search">Search</a><a href="/account">Account</a><a href="/cart">Cart (0)</a></div></header>
    <footer class="site-footer"><nav class="footer-nav"><ul><li><a href="/about">About us</a></li><li><a href="/collections/outlet">Outlet</a></li></ul></nav></footer>`;
    assert.deepEqual(outline(extractNavigation(html, BASE)), [
      '0 Women /collections/women {Women}',
      '1 Shoes /collections/women-shoes < /collections/women {Women}',
      '0 Acme /collections/acme {Brands}',
      '0 Zenith /collections/zenith {Brands}',
    ]);
  });

  it('prefers the header menu to bigger lists of links in sidebar and content navs', () => {
    const sidebar = Array.from({ length: 20 }, (_, index) => `<li><a href="/tags/t${index}">Tag ${index}</a></li>`).join('');
    const html = `<header><nav><ul><li><a href="/c/a">A</a></li><li><a href="/c/b">B</a></li><li><a href="/c/c">C</a></li></ul></nav></header>
      <aside><nav class="sidebar-tags"><ul>${sidebar}</ul></nav><nav class="tag-cloud"><ul>${sidebar}</ul></nav></aside>
      <div id="content"><article><nav class="related"><ul>${sidebar}</ul></nav></article></div>`;
    assert.deepEqual(extractNavigation(html, BASE).map((entry) => entry.name), ['A', 'B', 'C']);
  });

  it('still reads a menu that sits inside the main content when there is no other', () => {
    const html = '<main><nav><ul><li><a href="/c/a">A</a></li><li><a href="/c/b">B</a></li></ul></nav><p>Welcome</p></main>';
    assert.deepEqual(extractNavigation(html, BASE).map((entry) => entry.name), ['A', 'B']);
  });

  it('returns nothing for a page without a menu', () => {
    assert.deepEqual(extractNavigation('<html><body><p>Hello <a href="/one">one</a></p></body></html>', BASE), []);
    assert.deepEqual(extractNavigation('', BASE), []);
  });

  it('survives a deeply nested menu', () => {
    const depth = 500;
    const html = `<nav>${'<ul><li><a href="/c/x">X</a>'.repeat(depth)}${'</li></ul>'.repeat(depth)}<a href="/c/y">Y</a></nav>`;
    const entries = extractNavigation(html, BASE);
    assert.deepEqual(entries.map((entry) => entry.name), ['X', 'Y']);
  });
});
