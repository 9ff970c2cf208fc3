import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** Per-request options of the test clients: an API key (sent as `Authorization: Bearer`) and extra headers. */
export interface ClientOptions {
  apiKey?: string;
  headers?: Record<string, string>;
}

/** A plain HTTP GraphQL request, as any client would send it. */
export async function graphqlHttp<T = any>(apiUrl: string, query: string, variables: Record<string, unknown> = {}, options: ClientOptions = {}): Promise<GraphQLResponse<T> & { status: number; headers: Headers }> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json', accept: 'application/graphql-response+json, application/json',
      ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}), ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, ...((await response.json()) as GraphQLResponse<T>) };
}

/** A real graphql-ws client over a real WebSocket. Dispose it when done. `connectionParams` is the `connection_init` payload. */
export function wsClient(apiUrl: string, options: { apiKey?: string; connectionParams?: Record<string, unknown> } = {}): Client {
  const connectionParams = options.connectionParams ?? (options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : undefined);
  return createClient({
    url: `${apiUrl.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, ...(connectionParams ? { connectionParams } : {}),
  });
}

/** Subscribes and collects events until `until` returns true for one (or the timeout passes). */
export function collect<T>(client: Client, query: string, variables: Record<string, unknown>, until: (event: T) => boolean, timeoutMs = 20_000): { events: T[]; done: Promise<T[]> } {
  const events: T[] = [];
  const done = new Promise<T[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`subscription did not finish in ${timeoutMs} ms; got ${JSON.stringify(events)}`));
    }, timeoutMs);
    const unsubscribe = client.subscribe<T>({ query, variables }, {
      next: (result) => {
        if (result.errors) {
          clearTimeout(timer);
          unsubscribe();
          reject(new Error(JSON.stringify(result.errors)));
          return;
        }
        const event = result.data as T;
        events.push(event);
        if (until(event)) {
          clearTimeout(timer);
          unsubscribe();
          resolve(events);
        }
      },
      error: (error) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
      },
      complete: () => {
        clearTimeout(timer);
        resolve(events);
      },
    });
  });
  return { events, done };
}

export async function waitUntil<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
