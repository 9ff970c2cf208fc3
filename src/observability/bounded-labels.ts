/** The label value every site beyond the cap shares. */
export const OTHER_LABEL = 'other';

/**
 * Keeps a label's value set bounded: the first `max` distinct values seen
 * keep their own value, every later one is reported as "other". Sites that
 * send traffic first are in practice the busy ones (a campaign's site), and a
 * series, once created, must keep its label to stay a valid counter.
 */
export class BoundedLabels {
  private readonly known = new Set<string>();

  constructor(private readonly max: number) {}

  /** The label value to report for `value`. */
  of(value: string): string {
    if (this.known.has(value)) return value;
    if (this.known.size >= this.max || value === OTHER_LABEL) return OTHER_LABEL;
    this.known.add(value);
    return value;
  }
}

/** `2xx`, `3xx`, `4xx`, `5xx`, or `error` when no response came (status 0: network error, timeout). */
export function statusClassOf(status: number): string {
  if (!Number.isInteger(status) || status < 100 || status > 599) return 'error';
  return `${Math.floor(status / 100)}xx`;
}
