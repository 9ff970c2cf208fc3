import { duplicateRedis, type RedisClient } from './redis-connection.js';
import type { Logger } from '../domain/ports/logger.port.js';

/** The pub/sub channel on which the API asks workers to abort a running job (BullMQ 6 aborts only jobs of its own process). */
export function jobAbortChannel(prefix: string): string {
  return `${prefix}:job-abort`;
}

interface AbortMessage {
  jobId: string;
  reason: string;
}

/** Asks every subscribed worker process to abort the job; those not running it ignore the message. */
export async function publishJobAbort(connection: RedisClient, prefix: string, jobId: string, reason: string): Promise<void> {
  const message: AbortMessage = { jobId, reason };
  await connection.publish(jobAbortChannel(prefix), JSON.stringify(message));
}

/**
 * A worker process's subscription to abort requests, on its own connection
 * (a subscribing connection can do nothing else). `close()` is idempotent.
 */
export class JobAbortListener {
  private readonly connection: RedisClient;
  private closed = false;

  constructor(connection: RedisClient, private readonly prefix: string, private readonly onAbort: (jobId: string, reason: string) => void, private readonly logger: Logger) {
    this.connection = duplicateRedis(connection);
    // Reconnects are ioredis's job; it re-subscribes by itself (autoResubscribe).
    this.connection.on('error', () => undefined);
    this.connection.on('message', (channel: string, raw: string) => this.receive(channel, raw));
  }

  async start(): Promise<void> {
    await this.connection.subscribe(jobAbortChannel(this.prefix));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.connection.disconnect();
  }

  private receive(channel: string, raw: string): void {
    if (channel !== jobAbortChannel(this.prefix)) return;
    try {
      const message = JSON.parse(raw) as Partial<AbortMessage>;
      if (typeof message.jobId === 'string' && typeof message.reason === 'string') this.onAbort(message.jobId, message.reason);
    } catch (error) {
      this.logger.warn({ err: error }, 'ignored a malformed job abort message');
    }
  }
}
