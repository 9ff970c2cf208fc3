/** What a route produces; the server adds content-length and writes it. */
export interface ShopResponse {
  status: number;
  /** Lower-case header names; always includes content-type when there is a body. */
  headers: Record<string, string>;
  body: string | Buffer;
  /** Wait this long before responding (the `/slow` route). */
  delayMs?: number;
}

export const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  css: 'text/css; charset=utf-8',
} as const;

export function respond(status: number, type: keyof typeof CONTENT_TYPES, body: string | Buffer, headers: Record<string, string> = {}): ShopResponse {
  return { status, headers: { 'content-type': CONTENT_TYPES[type], ...headers }, body };
}

export function redirect(status: number, location: string): ShopResponse {
  return respond(status, 'html', `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Moved</title></head><body><a href="${location}">Moved here</a></body></html>\n`, { location });
}

export function badRequest(message: string): ShopResponse {
  return respond(400, 'text', `${message}\n`);
}
