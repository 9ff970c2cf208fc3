import type { ShopResponse } from './shop-response.js';
import { respond } from './shop-response.js';
import type { SiteContext } from './site-context.js';

/** A flavour's routes: a response, or undefined for 404. */
export type FlavourRouter = (site: SiteContext, url: URL) => ShopResponse | undefined;

/** 200 with an HTML body, or undefined (404) when there is no page. */
export function htmlPage(body: string | undefined): ShopResponse | undefined {
  return body === undefined ? undefined : respond(200, 'html', body);
}

/** The value of an own property (not one inherited from Object.prototype). */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A path without its trailing slashes (`/` stays `/`). */
export function withoutTrailingSlash(path: string): string {
  return path.replace(/\/+$/, '') || '/';
}
