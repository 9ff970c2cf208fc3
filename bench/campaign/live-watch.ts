import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** What one subscription delivered over the run. */
export interface FeedStats {
  name: string;
  events: number;
  errors: string[];
  /** Largest time without an event, from the subscription's start (or the last event) to the next event or to `stop()`. */
  maxGapMs: number;
  /** Whether the server completed the subscription before the watch stopped (campaignProgress completes after its final event). */
  completed: boolean;
}

interface Feed {
  stats: FeedStats;
  lastAt: number;
  unsubscribe: () => void;
}

/**
 * Real graphql-ws subscriptions on the API, as a dashboard would hold them
 * during a campaign: counts events and the longest silence of each feed, the
 * measure of "subscriptions keep flowing" while workers are busy.
 */
export class LiveWatch {
  private readonly client: Client;
  private readonly feeds: Feed[] = [];
  private stoppedAt: number | undefined;

  constructor(apiUrl: string) {
    this.client = createClient({ url: `${apiUrl.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  }

  /** Subscribes; `onData` sees each event's data (e.g. to notice the final campaign progress). */
  subscribe(name: string, query: string, variables: Record<string, unknown>, onData?: (data: Record<string, unknown>) => void): void {
    const feed: Feed = { stats: { name, events: 0, errors: [], maxGapMs: 0, completed: false }, lastAt: Date.now(), unsubscribe: () => undefined };
    this.feeds.push(feed);
    feed.unsubscribe = this.client.subscribe<Record<string, unknown>>({ query, variables }, {
      next: (result) => {
        if (result.errors) feed.stats.errors.push(...result.errors.map((e) => e.message));
        if (this.stoppedAt !== undefined || !result.data) return;
        const now = Date.now();
        feed.stats.maxGapMs = Math.max(feed.stats.maxGapMs, now - feed.lastAt);
        feed.lastAt = now;
        feed.stats.events++;
        onData?.(result.data);
      },
      error: (error) => void feed.stats.errors.push(error instanceof Error ? error.message : JSON.stringify(error)),
      complete: () => void (this.stoppedAt === undefined && (feed.stats.completed = true)),
    });
  }

  /** Ends the measurement (a completed feed's gap stops at its completion); returns each feed's figures. Idempotent. */
  async stop(): Promise<FeedStats[]> {
    if (this.stoppedAt === undefined) {
      this.stoppedAt = Date.now();
      for (const feed of this.feeds) {
        if (!feed.stats.completed) feed.stats.maxGapMs = Math.max(feed.stats.maxGapMs, this.stoppedAt - feed.lastAt);
        feed.unsubscribe();
      }
      await this.client.dispose();
    }
    return this.feeds.map((feed) => feed.stats);
  }
}
