import type { ShopCatalog, ShopCategory } from './shop-catalog.type.js';
import { renderDocument } from './html.js';
import { renderFooter, renderHeader } from './site-chrome.js';
import type { PageTemplate, ShopTheme, ThemeView } from './shop-theme.type.js';
import { themeFor } from './shop-themes.js';
import type { UrlScheme } from './url-scheme.type.js';
import { urlSchemeFor } from './url-schemes.js';

/** What every page renderer needs: the catalog, the origin for absolute URLs, the flavour, cached chrome. */
export interface SiteContext extends ThemeView {
  catalog: ShopCatalog;
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  origin: string;
  scheme: UrlScheme;
  theme: ShopTheme;
  /** Header with the main menu, rendered once. */
  header: string;
  /** Footer, rendered once. */
  footer: string;
  /** `49.99` -> `$49.99` in the shop's currency. */
  formatPrice(amount: string): string;
}

export function createSiteContext(catalog: ShopCatalog, origin: string): SiteContext {
  const format = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: catalog.currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const scheme = urlSchemeFor(catalog.flavour);
  const theme = themeFor(catalog.flavour);
  return {
    catalog,
    origin: origin.replace(/\/+$/, ''),
    scheme,
    theme,
    header: renderHeader(catalog, theme.headerActions),
    footer: renderFooter(scheme.footerLinks),
    formatPrice: (amount) => format.format(Number(amount)),
  };
}

/** Absolute URL of a site path. */
export function absoluteUrl(site: SiteContext, path: string): string {
  return `${site.origin}${path}`;
}

/** The category and its ancestors, root first. */
export function categoryTrail(catalog: ShopCatalog, category: ShopCategory): ShopCategory[] {
  const trail: ShopCategory[] = [category];
  let parent = category.parentHandle === undefined ? undefined : catalog.categoryByHandle(category.parentHandle);
  while (parent) {
    trail.unshift(parent);
    parent = parent.parentHandle === undefined ? undefined : catalog.categoryByHandle(parent.parentHandle);
  }
  return trail;
}

export interface PageParts {
  title: string;
  description?: string;
  /** Absolute canonical URL. */
  canonical?: string;
  /** Page-specific `<head>` markup, after the flavour's signals. */
  head?: string;
  template: PageTemplate;
  /** Classes added to the flavour's body classes. */
  bodyClass?: string;
  main: string;
}

/** A whole page in the site's flavour: its signals, header, footer and body classes. */
export function renderSitePage(site: SiteContext, parts: PageParts): string {
  return renderDocument({
    title: parts.title,
    ...(parts.description === undefined ? {} : { description: parts.description }),
    ...(parts.canonical === undefined ? {} : { canonical: parts.canonical }),
    head: `${site.theme.head}${parts.head ?? ''}`,
    bodyClass: site.theme.bodyClass(parts.template, parts.bodyClass ?? ''),
    header: site.header,
    footer: site.footer,
    main: parts.main,
  });
}
