import { localPrice, type ProductSpec } from './catalog.js';
import { esc, jsString } from './html.js';
import type { PageContext } from './page.types.js';

/** The announcement bar most shops have; it carries a price (a free-shipping threshold) that is not the product's. */
export function announcementBar(context: PageContext, className: string): string {
  const threshold = localPrice(context.rng, context.locale, 75);
  const amount = { ...threshold, amount: String(Math.round(Number(threshold.amount))) };
  const text: Record<string, string> = {
    en: `Free shipping on orders over ${context.money(amount)}`, de: `Kostenloser Versand ab ${context.money(amount)}`,
    fr: `Livraison offerte dès ${context.money(amount)}`, ja: `${context.money(amount)}以上で送料無料`,
    ru: `Бесплатная доставка от ${context.money(amount)}`, sv: `Fri frakt över ${context.money(amount)}`,
    pt: `Frete grátis acima de ${context.money(amount)}`, pl: `Darmowa dostawa od ${context.money(amount)}`,
    es: `Despacho gratis sobre ${context.money(amount)}`, it: `Spedizione gratuita sopra ${context.money(amount)}`,
    nl: `Gratis verzending vanaf ${context.money(amount)}`,
  };
  return `<div class="${className}" role="region" aria-label="Announcement"><p>${esc(text[context.locale.lang] ?? text.en!)}</p></div>`;
}

/** A navigation menu of the product's department and a few siblings. */
export function navMenu(context: PageContext, listClass: string, linkPrefix: string): string {
  const departments = context.locale.words.departments.map((department) => department.trail[0]!);
  const items = [...new Set(departments)].map((name) =>
    `<li class="${listClass}__item"><a href="${linkPrefix}${esc(encodeURIComponent(name.toLowerCase()))}" class="${listClass}__link">${esc(name)}</a></li>`);
  return `<ul class="${listClass}" role="list">\n${items.join('\n')}\n</ul>`;
}

/** Footer columns: links, a newsletter form, payment icons, copyright. */
export function footer(context: PageContext, className: string): string {
  const ui = context.locale.ui;
  return `<footer class="${className}">
  <div class="${className}__blocks">
    <div class="${className}__block"><h2>${esc(context.store.name)}</h2><ul><li><a href="/pages/about">About</a></li><li><a href="/pages/contact">Contact</a></li><li><a href="/policies/refund-policy">Returns</a></li></ul></div>
    <div class="${className}__block"><h2>${esc(ui.newsletter)}</h2><form method="post" action="/contact#newsletter"><input type="email" name="contact[email]" placeholder="Email"><button type="submit">→</button></form></div>
  </div>
  <ul class="list-payment"><li><svg class="icon icon--full-color" viewBox="0 0 38 24" aria-labelledby="pi-visa"><title id="pi-visa">Visa</title><path d="M35 1H3"/></svg></li><li><svg viewBox="0 0 38 24" aria-labelledby="pi-master"><title id="pi-master">Mastercard</title><circle cx="15" cy="12" r="7"/></svg></li></ul>
  <small>© ${2024 + context.rng.int(0, 1)} ${esc(context.store.name)}</small>
</footer>`;
}

/** Tag-manager and pixel snippets, with made-up ids. */
export function analytics(context: PageContext): string {
  const ga = `G-${context.rng.chars('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 10)}`;
  const pixel = context.rng.digits(15);
  return `<script async src="https://www.googletagmanager.com/gtag/js?id=${ga}"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
  gtag('config', ${jsString(ga)}, { send_page_view: true });
</script>
<script>
  !function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');
  fbq('init', '${pixel}');
  fbq('track', 'PageView');
</script>`;
}

/** The consent banner. */
export function cookieBanner(className: string): string {
  return `<div class="${className}" id="cookie-consent" hidden><p>We use cookies to improve your experience.</p><button type="button" data-consent="accept">Accept</button><button type="button" data-consent="reject">Reject</button></div>`;
}

/** Inline SVG sprite of the usual icons. */
export function iconSprite(): string {
  const icons = ['cart', 'search', 'account', 'close', 'chevron', 'star', 'heart', 'truck'];
  return `<svg xmlns="http://www.w3.org/2000/svg" style="display:none">${icons.map((name, i) =>
    `<symbol id="icon-${name}" viewBox="0 0 24 24"><path d="M${i} ${i + 2}h${10 + i}v${8 + i}H${i}z"/></symbol>`).join('')}</svg>`;
}

/** A short review list (authors, dates, stars), as review apps render it under the product. */
export function reviewList(context: PageContext, className: string): string {
  const product = context.product;
  if (product.rating === null) return '';
  const names = ['Anna K.', 'Tom R.', 'Mika', 'J. Silva', 'Laura', 'Pieter'];
  const items = context.rng.sample(names, 3).map((name, i) => {
    const score = Math.max(1, Math.min(5, Math.round(product.rating! + (i === 2 ? -1 : 0))));
    return `<li class="${className}__item"><span class="${className}__stars" aria-label="${score} out of 5">${'★'.repeat(score)}${'☆'.repeat(5 - score)}</span><strong>${esc(name)}</strong><time datetime="2024-0${i + 3}-1${i}">2024-0${i + 3}-1${i}</time><p>Great value, ${score} stars. Bought ${i + 2} for the family.</p></li>`;
  });
  return `<section class="${className}" id="reviews"><h2>Reviews</h2><ul>${items.join('')}</ul></section>`;
}

/** Related products as a carousel of cards; each theme gives the card markup. */
export function carousel(context: PageContext, heading: string, className: string, card: (product: ProductSpec, index: number) => string): string {
  if (!context.scenario.related || context.related.length === 0) return '';
  context.tags.push('related-carousel');
  return `<section class="${className}" aria-label="${esc(heading)}">
  <h2 class="${className}__heading">${esc(heading)}</h2>
  <ul class="${className}__list">
${context.related.map((product, index) => `    <li class="${className}__item">${card(product, index)}</li>`).join('\n')}
  </ul>
</section>`;
}
