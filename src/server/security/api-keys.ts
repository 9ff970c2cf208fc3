import { createHash, timingSafeEqual } from 'node:crypto';

/** What an API key may do: `read` (queries, subscriptions, GET), `write` (also mutations, POST, DELETE). */
export type ApiRole = 'read' | 'write';

/** Who is calling: the key's name (for logs and rate limits) and its role. */
export interface Principal {
  name: string;
  role: ApiRole;
}

/** The caller when authentication is off or the server is open on loopback, and in-process callers. */
export const OPEN_PRINCIPAL: Principal = Object.freeze({ name: 'open', role: 'write' });

/** Whether `principal` may do what `needed` asks (write implies read). */
export function allows(principal: Principal, needed: ApiRole): boolean {
  return needed === 'read' || principal.role === 'write';
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Compares two secrets in time that does not depend on where they differ:
 * both sides are hashed to the same length first, then compared with
 * `crypto.timingSafeEqual`.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** The configured API keys; answers which principal a presented key belongs to. */
export class ApiKeyring {
  private readonly entries: { digest: Buffer; principal: Principal }[];

  constructor(keys: readonly { name: string; key: string; role: ApiRole }[]) {
    this.entries = keys.map((k) => ({ digest: digest(k.key), principal: Object.freeze({ name: k.name, role: k.role }) }));
  }

  get size(): number {
    return this.entries.length;
  }

  /** The principal of `presented`, or undefined. Every configured key is compared, in constant time each. */
  authenticate(presented: string): Principal | undefined {
    const candidate = digest(presented);
    let found: Principal | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.digest, candidate) && !found) found = entry.principal;
    }
    return found;
  }
}

/** The key in an `Authorization: Bearer <key>` value or a bare `x-api-key`/`apiKey` value. */
export function presentedKey(authorization: unknown, apiKey: unknown): string | undefined {
  if (typeof authorization === 'string' && authorization.trim() !== '') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
    return match ? match[1] : '';
  }
  if (typeof apiKey === 'string') return apiKey.trim();
  return undefined;
}
