import { siteOf } from '../../domain/url.js';

/**
 * Which menu links can be categories. Account, cart, checkout, wishlist,
 * search, contact, about, blog, help, policy and FAQ links are not, whatever
 * the language; neither are links to another site, the home page, fragments
 * and `javascript:`/`mailto:`/`tel:` links.
 */

/** Path segments (or hyphen/underscore pieces of one) that mark a non-category page. */
const EXCLUDED_PATH_WORDS = new Set([
  // English
  'account', 'accounts', 'myaccount', 'login', 'logout', 'signin', 'signup', 'register', 'cart', 'checkout',
  'wishlist', 'wishlists', 'search', 'contact', 'about', 'blog', 'blogs', 'help', 'faq', 'faqs', 'policy', 'policies',
  'privacy', 'terms', 'legal', 'customer', 'auth', 'password',
  // French, German, Spanish, Italian, Portuguese, Dutch
  'panier', 'compte', 'connexion', 'recherche', 'aide', 'propos', 'mentions', 'cgv', 'commande',
  'warenkorb', 'konto', 'anmelden', 'kasse', 'suche', 'hilfe', 'kontakt', 'impressum', 'datenschutz', 'agb', 'merkliste', 'wunschliste',
  'carrito', 'cesta', 'cuenta', 'buscar', 'ayuda', 'contacto', 'favoritos', 'privacidad',
  'carrello', 'accedi', 'cerca', 'aiuto', 'contatti', 'preferiti',
  'carrinho', 'conta', 'pesquisa', 'contato', 'ajuda',
  'winkelwagen', 'winkelmand', 'inloggen', 'zoeken',
]);

/** Link texts (lower-case, accents and punctuation removed) that mark a non-category page, alone or as the first words. */
const EXCLUDED_TEXTS = [
  'my account', 'account', 'sign in', 'sign up', 'log in', 'login', 'log out', 'logout', 'register', 'create account',
  'cart', 'my cart', 'shopping cart', 'my basket', 'shopping basket', 'shopping bag', 'my bag', 'checkout', 'wishlist', 'wish list', 'my wishlist',
  'favorites', 'favourites', 'search', 'contact', 'contact us', 'about', 'about us', 'our story', 'blog', 'help', 'help center',
  'faq', 'faqs', 'privacy', 'privacy policy', 'terms', 'terms of service', 'terms and conditions', 'refund policy',
  'shipping policy', 'customer service', 'store locator', 'track order', 'track my order',
  'panier', 'mon panier', 'mon compte', 'compte', 'connexion', 'se connecter', 'recherche', 'rechercher', 'aide', 'a propos',
  'nous contacter', 'contactez nous', 'mes favoris', 'favoris',
  'warenkorb', 'mein konto', 'konto', 'anmelden', 'kasse', 'suche', 'suchen', 'hilfe', 'kontakt', 'uber uns', 'impressum',
  'datenschutz', 'merkliste', 'wunschliste',
  'carrito', 'mi carrito', 'cesta', 'mi cuenta', 'cuenta', 'iniciar sesion', 'buscar', 'ayuda', 'contacto', 'contactanos',
  'quienes somos', 'sobre nosotros', 'favoritos', 'lista de deseos',
  'carrello', 'il mio account', 'accedi', 'cerca', 'aiuto', 'contatti', 'chi siamo', 'preferiti',
  'carrinho', 'minha conta', 'entrar', 'pesquisar', 'ajuda', 'contato', 'sobre nos',
  'winkelwagen', 'winkelmand', 'mijn account', 'inloggen', 'zoeken', 'klantenservice', 'over ons',
];

/** Lower case, accents stripped, anything but letters and digits turned into single spaces. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** True when the link text names an account, cart, info... page (`Cart (0)`, `Mein Konto`, `Help Center`). */
export function isExcludedText(text: string): boolean {
  const folded = foldText(text).replace(/\s*\d+$/, '');
  return EXCLUDED_TEXTS.some((phrase) => folded === phrase || folded.startsWith(`${phrase} `));
}

/** True when a path segment (or a `-`/`_`/`.` piece of one) names an account, cart, info... page. */
export function isExcludedPath(pathname: string): boolean {
  for (const segment of pathname.toLowerCase().split('/')) {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // Keep the raw segment.
    }
    const words = foldText(decoded.replace(/\.(?:html?|php|aspx?)$/, '')).split(' ');
    if (words.some((word) => EXCLUDED_PATH_WORDS.has(word))) return true;
  }
  return false;
}

/** What a menu link is: a possible category, a page that is certainly not one (cart, account...), or no page at all. */
export type MenuLink = { kind: 'category'; url: string } | { kind: 'excluded' } | { kind: 'none' };

/**
 * Reads a menu link of the site `baseUrl` belongs to (www. or not). `none`:
 * no href, a fragment, `javascript:`/`mailto:`/`tel:`, another site, the home
 * page. `excluded`: an account, cart, info... path on the site. Else the
 * absolute URL without its fragment.
 */
export function readMenuLink(href: string | undefined, baseUrl: string): MenuLink {
  const raw = href?.trim();
  if (!raw || raw.startsWith('#') || /^(?:javascript|mailto|tel|sms|data):/i.test(raw)) return { kind: 'none' };
  let url: URL;
  try {
    url = new URL(raw, baseUrl);
  } catch {
    return { kind: 'none' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'none' };
  if (siteOf(url) !== siteOf(baseUrl)) return { kind: 'none' };
  if (isExcludedPath(url.pathname)) return { kind: 'excluded' };
  if (url.pathname === '/' && url.search === '') return { kind: 'none' };
  url.hash = '';
  return { kind: 'category', url: url.href };
}
