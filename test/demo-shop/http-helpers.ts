import { request } from 'node:http';
import type { Agent, IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  bytes: number;
  /** The socket's local port: equal across requests when the connection was reused. */
  localPort: number | undefined;
}

/** A plain node:http request, so tests see the exact status, headers and bytes the shop sent. */
export function httpGet(url: string, options: { method?: string; agent?: Agent } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', agent: options.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: body.toString('utf8'), bytes: body.length, localPort: res.socket?.localPort });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Hrefs of the product cards on a category page, in page order. */
export function productCardLinks(html: string): string[] {
  return [...html.matchAll(/<h3 class="product-card__title"><a href="([^"]+)">/g)].map((match) => match[1] ?? '');
}

/** The parsed `application/ld+json` blocks of a page. */
export function jsonLdBlocks(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1] ?? 'null') as Record<string, unknown>);
}

/** `<meta property=... content=...>` values, by property, in order. */
export function metaProperties(html: string): Map<string, string[]> {
  const meta = new Map<string, string[]>();
  for (const match of html.matchAll(/<meta property="([^"]+)" content="([^"]*)">/g)) {
    const [, property = '', content = ''] = match;
    meta.set(property, [...(meta.get(property) ?? []), content]);
  }
  return meta;
}

/** The href of the first `<link rel="...">` with that rel, if any. */
export function linkRel(html: string, rel: string): string | undefined {
  return new RegExp(`<link rel="${rel}" href="([^"]+)">`).exec(html)?.[1];
}

/** Decodes the few entities the shop's templates emit. */
export function decodeEntities(text: string): string {
  return text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** A Shopify card link as the product's canonical path: entities decoded, query dropped, collection scope removed. */
export function shopifyProductPath(href: string): string {
  const path = decodeEntities(href).replace(/[?#].*$/, '');
  return path.replace(/^\/collections\/[^/]+\/products\//, '/products/');
}
