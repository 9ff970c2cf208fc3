/** Listing pages as the platforms' stock themes render them (trimmed to what matters). */

/** Shopify (Dawn): grid inside `main`, a "recently viewed" section inside main, a recommendation block after it. */
export const SHOPIFY_COLLECTION = `<!doctype html><html lang="en"><head><title>Shoes</title>
<link rel="canonical" href="https://shop.example/collections/shoes"></head>
<body class="template-collection recommendations-enabled">
<header class="header-wrapper"><nav class="header__inline-menu"><ul class="list-menu">
  <li><a href="/collections/shoes" class="header__menu-item">Shoes</a></li>
  <li><a href="/products/gift-card" class="header__menu-item">Gift card</a></li></ul></nav></header>
<main id="MainContent" class="content-for-layout" role="main">
<div class="shopify-section"><ul id="product-grid" class="grid product-grid grid--4-col-desktop">
  <li class="grid__item"><div class="card-wrapper product-card-wrapper underline-links-hover"><div class="card card--standard">
    <div class="card__inner"><a href="/collections/shoes/products/trail-runner" class="full-unstyled-link"><img src="//shop.example/cdn/trail.jpg" alt=""></a></div>
    <div class="card__content"><h3 class="card__heading"><a href="/collections/shoes/products/trail-runner#reviews" class="full-unstyled-link">Trail Runner</a></h3>
    <div class="price"><span class="price-item">$120.00</span></div></div></div></div></li>
  <li class="grid__item"><div class="card-wrapper product-card-wrapper"><div class="card card--standard">
    <div class="card__content"><h3 class="card__heading"><a href="/products/city-sneaker?variant=40112&amp;utm_source=grid" class="full-unstyled-link">City Sneaker</a></h3>
    <a href="/collections/vendors?q=Acme" class="card__vendor">Acme</a></div></div></div></li>
  <li class="grid__item"><div class="card-wrapper product-card-wrapper"><div class="card">
    <a href="https://shop.example/products/wool-slipper" class="full-unstyled-link">Wool Slipper</a></div></div></li>
</ul></div>
<div class="shopify-section"><recently-viewed-products class="recently-viewed">
  <a href="/products/old-boot">Old boot</a></recently-viewed-products></div>
</main>
<section class="shopify-section you-may-also-like"><div class="product-card-wrapper"><a href="/products/sun-hat">Sun hat</a></div></section>
<footer class="footer"><a href="/products/gift-card">Gift card</a> <a href="/pages/contact">Contact</a></footer>
</body></html>`;

/** WooCommerce (Storefront) shop archive with a category tile, add-to-cart links and a products widget. */
export const WOOCOMMERCE_SHOP = `<!DOCTYPE html><html lang="en-US"><head><title>Shop – Example</title></head>
<body class="archive post-type-archive post-type-archive-product woocommerce woocommerce-page">
<div id="page" class="hfeed site"><header id="masthead" class="site-header" role="banner">
  <a href="https://shop.example/product/featured-hoodie/">Featured</a></header>
<div id="primary" class="content-area"><main id="main" class="site-main" role="main">
<ul class="products columns-3">
  <li class="product-category product first"><a href="https://shop.example/product-category/accessories/"><img src="a.jpg" alt="Accessories">
    <h2 class="woocommerce-loop-category__title">Accessories <mark class="count">(3)</mark></h2></a></li>
  <li class="product type-product post-15 status-publish instock product_cat-hoodies has-post-thumbnail purchasable product-type-simple">
    <a href="https://shop.example/product/hoodie-with-logo/" class="woocommerce-LoopProduct-link woocommerce-loop-product__link"><img src="h.jpg" alt="">
    <h2 class="woocommerce-loop-product__title">Hoodie with Logo</h2><span class="price">$45.00</span></a>
    <a href="?add-to-cart=15" data-quantity="1" class="button product_type_simple add_to_cart_button ajax_add_to_cart" data-product_id="15">Add to cart</a></li>
  <li class="product type-product post-16 status-publish instock product_cat-accessories product-type-variable">
    <a href="https://shop.example/product/beanie/" class="woocommerce-LoopProduct-link woocommerce-loop-product__link">Beanie</a>
    <a href="https://shop.example/product/beanie/" class="button product_type_variable">Select options</a></li>
</ul>
<nav class="woocommerce-pagination"><ul class="page-numbers">
  <li><span aria-current="page" class="page-numbers current">1</span></li>
  <li><a class="page-numbers" href="https://shop.example/shop/page/2/">2</a></li>
  <li><a class="next page-numbers" href="https://shop.example/shop/page/2/">&rarr;</a></li></ul></nav>
</main></div>
<div id="secondary" class="widget-area" role="complementary"><section class="widget woocommerce widget_products">
  <ul class="product_list_widget"><li><a href="https://shop.example/product/cap/">Cap</a></li></ul></section></div>
</div></body></html>`;

/** Magento 2 (Luma) category page: grid, toolbar pager, layered navigation in the sidebar. */
export const MAGENTO_CATEGORY = `<!doctype html><html lang="en"><head><title>Tops - Women</title></head>
<body class="page-products categorypath-women-tops-women category-tops-women catalog-category-view">
<div class="page-wrapper"><header class="page-header"><div class="panel wrapper"><a href="https://shop.example/customer/account/">My Account</a></div></header>
<main id="maincontent" class="page-main"><div class="columns"><div class="column main">
<div class="products wrapper grid products-grid"><ol class="products list items product-items">
  <li class="item product product-item"><div class="product-item-info" data-container="product-grid">
    <a href="https://shop.example/radiant-tee.html" class="product photo product-item-photo" tabindex="-1"><img alt="Radiant Tee"></a>
    <div class="product details product-item-details"><strong class="product name product-item-name">
      <a class="product-item-link" href="https://shop.example/radiant-tee.html">Radiant Tee</a></strong>
      <div class="product-item-inner"><div class="product actions product-item-actions"><div class="actions-secondary">
        <a href="#" class="action towishlist" data-action="add-to-wishlist">Add to Wish List</a>
        <a href="#" class="action tocompare">Add to Compare</a></div></div></div></div></div></li>
  <li class="item product product-item"><div class="product-item-info">
    <a class="product-item-link" href="https://shop.example/breathe-easy-tank.html">Breathe-Easy Tank</a></div></li>
</ol></div>
<div class="toolbar toolbar-products"><div class="pages"><ul class="items pages-items">
  <li class="item current"><strong class="page"><span>1</span></strong></li>
  <li class="item"><a href="https://shop.example/women/tops-women.html?p=2" class="page"><span>2</span></a></li>
  <li class="item pages-item-next"><a class="action next" href="https://shop.example/women/tops-women.html?p=2" title="Next"><span>Next</span></a></li>
</ul></div></div>
</div><div class="sidebar sidebar-main"><div class="block filter"><div class="filter-options">
  <div class="filter-options-item"><div class="filter-options-title">Category</div><div class="filter-options-content"><ol class="items">
  <li class="item"><a href="https://shop.example/women/tops-women.html?cat=21">Jackets</a></li>
  <li class="item"><a href="https://shop.example/women/tops-women/jackets-women.html">Jackets (all)</a></li></ol></div></div>
</div></div></div></div></main></div></body></html>`;

/** BigCommerce (Cornerstone) category page: product URLs have no pattern, cards carry them. */
export const BIGCOMMERCE_CATEGORY = `<!DOCTYPE html><html><head><title>Shop All</title>
<link rel="next" href="https://shop.example/shop-all/?page=2"></head><body>
<header class="header"><nav class="navPages"><a class="navPages-action" href="https://shop.example/garden/">Garden</a></nav></header>
<main class="body" id="main-content"><div class="container"><div class="page"><main class="page-content" id="product-listing-container">
<ul class="productGrid">
  <li class="product"><article class="card" data-test="card-77">
    <figure class="card-figure"><a href="https://shop.example/orbit-terrarium-large/" class="card-figure__link" aria-label="Orbit Terrarium - Large"><img alt=""></a>
    <figcaption class="card-figcaption"><button class="button card-figcaption-button quickview" data-product-id="77">Quick view</button></figcaption></figure>
    <div class="card-body"><p class="card-text" data-test-info-type="brandName">OFS</p>
    <h3 class="card-title"><a href="https://shop.example/orbit-terrarium-large/" data-event-type="product-click">[Sample] Orbit Terrarium - Large</a></h3>
    <a href="https://shop.example/cart.php?action=add&amp;product_id=77" class="button button--primary">Add to Cart</a></div></article></li>
  <li class="product"><article class="card" data-test="card-86">
    <div class="card-body"><h3 class="card-title"><a href="https://shop.example/utility-caddy/">[Sample] Utility Caddy</a></h3></div></article></li>
</ul></main></div></div></main></body></html>`;

/** Salesforce Commerce Cloud (SFRA) search grid: the grid itself is `SomeProducts`, tiles carry swatches and quick view. */
export const SFCC_GRID = `<!DOCTYPE html><html lang="en"><head><title>Tops</title></head><body>
<div class="page"><header><nav role="navigation"><a href="/en_US/womens/">Womens</a></nav></header>
<div role="main" id="maincontent"><div class="container search-results">
<div class="row product-grid" itemtype="http://schema.org/SomeProducts" itemid="#product">
  <div class="col-6 col-sm-4"><div class="product" data-pid="25519318M"><div class="product-tile">
    <div class="image-container"><a href="/en_US/womens/clothing/tops/v-neck-top/25519318M.html"><img class="tile-image" alt="V-Neck Top"></a>
    <a class="quickview hidden-sm-down" href="/on/demandware.store/Sites-RefArch-Site/en_US/Product-ShowQuickView?pid=25519318M" title="Quick View">Quick view</a></div>
    <div class="tile-body"><div class="color-swatches"><div class="swatches">
      <a href="/en_US/womens/clothing/tops/v-neck-top/25519318M.html?dwvar_25519318M_color=JJB52A0"><img class="swatch" alt="Blue"></a></div></div>
    <div class="pdp-link"><a class="link" href="/en_US/womens/clothing/tops/v-neck-top/25519318M.html">V-Neck Top</a></div></div></div></div></div>
  <div class="col-6 col-sm-4"><div class="product" data-pid="P0150M"><div class="product-tile">
    <div class="tile-body"><div class="pdp-link"><a class="link" href="/en_US/p/sleeveless-blouse/P0150M.html">Sleeveless Blouse</a></div></div></div></div></div>
  <div class="col-12 grid-footer"><div class="show-more"><div class="text-center">
    <button class="btn btn-outline-primary col-12 col-sm-4 more" data-url="/on/demandware.store/Sites-RefArch-Site/en_US/Search-UpdateGrid?cgid=womens-clothing-tops&amp;start=12&amp;sz=12">More Results</button></div></div></div>
</div></div></div></div></body></html>`;

/** A shop on no known platform: microdata product cards with free-form URLs, off-site and tracking links. */
export const GENERIC_LISTING = `<!DOCTYPE html><html><head><title>Lamps</title></head><body>
<div class="topbar"><a href="/">Home</a></div>
<div class="content"><h1>Lamps</h1>
<div class="results">
  <div class="tile" itemscope itemtype="https://schema.org/Product"><a itemprop="url" href="/lamps/desk-lamp-900?utm_source=listing&amp;utm_medium=grid"><span itemprop="name">Desk lamp</span></a>
    <a href="/brands/lumo">Lumo</a></div>
  <div class="tile" itemscope itemtype="https://schema.org/Product"><a itemprop="url" href="https://partner.example/lamps/floor-lamp">Floor lamp (partner)</a></div>
  <div class="tile" itemscope itemtype="https://schema.org/Product"><a itemprop="url" href="lamps/wall-lamp-12">Wall lamp</a></div>
</div></div></body></html>`;

/** A JavaScript-rendered grid: the products are only in JSON-LD. */
export const JSON_LD_ONLY = `<!DOCTYPE html><html><head><title>Chairs</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"CollectionPage","mainEntity":{"@type":"ItemList","itemListElement":[
  {"@type":"ListItem","position":2,"url":"https://shop.example/chairs/oak-chair"},
  {"@type":"ListItem","position":1,"item":{"@type":"Product","url":"https://shop.example/chairs/pine-chair","name":"Pine"}},
  {"@type":"ListItem","position":3,"item":"https://elsewhere.example/chairs/teak-chair"}]}}</script></head>
<body><div id="app"></div></body></html>`;
