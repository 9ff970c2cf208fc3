import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../domain/ports/logger.port.js';
import type { HealthService } from '../domain/services/health.service.js';
import { readinessBody } from './health-report.js';

export interface WorkerHttpOptions {
  health: HealthService;
  /** Renders Prometheus metrics for GET /metrics. */
  metrics: { contentType: () => string; render: () => Promise<string> };
  logger: Logger;
}

/**
 * A worker process's small HTTP server: `/health/live`, `/health/ready` and
 * `/metrics`, GET only, no request body read. `start()` falls back to a free
 * port when the configured one is taken (several workers on one machine);
 * `close()` is idempotent.
 */
export class WorkerHttpServer {
  private readonly server: Server;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: WorkerHttpOptions) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        options.logger.error({ err: error, path: req.url }, 'unexpected error in the worker HTTP server');
        if (!res.headersSent) send(res, 500, 'application/json', JSON.stringify({ error: 'internal error' }));
        else res.destroy();
      });
    });
    this.server.keepAliveTimeout = 5_000;
  }

  /** Listens on `port` (0: any free port; a busy port: any free one, with a warning) and returns the base URL. */
  async start(port: number, host: string): Promise<string> {
    try {
      await this.listen(port, host);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
      await this.listen(0, host);
      this.options.logger.warn({ port, actualPort: this.port() }, 'worker HTTP port in use; listening on a free port instead');
    }
    return this.url();
  }

  port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(): string {
    const address = this.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
  }

  /** Idempotent: stops listening and ends idle and finished connections. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (!this.server.listening) return resolve();
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
    });
    return this.closing;
  }

  private listen(port: number, host: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      this.server.once('error', fail);
      this.server.listen(port, host, () => {
        this.server.off('error', fail);
        resolve();
      });
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://worker').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'application/json', JSON.stringify({ error: 'GET only' }), { allow: 'GET, HEAD' });
    switch (path) {
      case '/health/live':
        return send(res, 200, 'application/json', JSON.stringify(this.options.health.live()));
      case '/health/ready': {
        const report = await this.options.health.ready();
        return send(res, report.ready ? 200 : 503, 'application/json', JSON.stringify(readinessBody(report)));
      }
      case '/metrics':
        return send(res, 200, this.options.metrics.contentType(), await this.options.metrics.render());
      default:
        return send(res, 404, 'application/json', JSON.stringify({ error: `No route ${path}; try /health/live, /health/ready or /metrics` }));
    }
  }
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
