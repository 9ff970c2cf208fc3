/** Options of one fetch. */
export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Value of the Accept header; defaults to HTML first. */
  accept?: string;
  signal?: AbortSignal;
}

/** A fetched and decoded page. */
export interface FetchedPage {
  /** The URL asked for. */
  requestedUrl: string;
  /** The URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  contentType: string;
  /** The charset the body was decoded with. */
  charset: string;
  body: string;
  bytes: number;
  durationMs: number;
}

/**
 * Fetches pages. Throws TrawlError: HTTP_NOT_FOUND, HTTP_GONE, HTTP_CLIENT_ERROR,
 * HTTP_FORBIDDEN, HTTP_THROTTLED (with retryAfterSeconds), HTTP_SERVER_ERROR,
 * NETWORK_ERROR, TIMEOUT, PAGE_TOO_LARGE, TOO_MANY_REDIRECTS, PRIVATE_NETWORK_TARGET,
 * NOT_HTML (media, archives, binary bodies: refused before the body is read).
 */
export interface PageFetcher {
  fetch(url: string, options: FetchOptions): Promise<FetchedPage>;
  close(): Promise<void>;
}
