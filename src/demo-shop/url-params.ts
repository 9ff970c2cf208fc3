/** Query and path number parsing shared by the routers and URL schemes. */

/** A page number from a query value: missing or malformed means 1, `0` stays 0 (past the start). */
export function pageNumber(raw: string | null | undefined): number {
  return raw !== null && raw !== undefined && /^\d{1,9}$/.test(raw) ? Number(raw) : 1;
}

/** `encodeURIComponent` with spaces as `+`, as search forms submit them. */
export function encodeQuery(query: string): string {
  return encodeURIComponent(query).replace(/%20/g, '+');
}
