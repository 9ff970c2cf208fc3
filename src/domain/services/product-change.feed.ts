import type { EventBus } from '../ports/event-bus.port.js';
import type { ProductChange } from '../product-history.js';
import { invalidInput } from '../errors.js';
import { topics } from '../topics.js';

/** Which changes a subscriber wants: those of a site, of a campaign, or both conditions at once. */
export interface ProductChangeFilter {
  site?: string;
  campaignId?: string;
}

/**
 * Live product changes matching a filter. Ending the iterator (`return()`)
 * ends the bus subscription at once, even while it waits for an event.
 * Throws INVALID_INPUT when neither a site nor a campaign is given.
 */
export function productChangeFeed(events: EventBus, filter: ProductChangeFilter): AsyncIterableIterator<ProductChange> {
  if (!filter.site && !filter.campaignId) throw invalidInput('domain', 'productChanged needs a domain or a campaignId');
  const matches = (change: ProductChange): boolean =>
    (!filter.site || change.site === filter.site) && (!filter.campaignId || change.campaignId === filter.campaignId);
  const source = events.subscribe<ProductChange>(topics.productChanged, { bufferSize: 256 });
  const iterator: AsyncIterableIterator<ProductChange> = {
    async next() {
      for (;;) {
        const result = await source.next();
        if (result.done || matches(result.value)) return result;
      }
    },
    async return() {
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
