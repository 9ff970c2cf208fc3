import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '../domain/ports/logger.port.js';
import type { ApiServices, GraphQLContext } from '../resolvers/context.js';
import { createLoaders } from '../resolvers/loaders.js';
import { createErrorFormatter } from './graphql-errors.js';
import { graphiqlRouter } from './graphiql/graphiql.handler.js';
import { healthRouter, type HealthChecks } from './health.routes.js';
import { REST_PREFIX, restRouter } from './rest.routes.js';

export interface ApiServerOptions {
  schema: GraphQLSchema;
  services: ApiServices;
  logger: Logger;
  maxRequestBytes: number;
  health: HealthChecks;
  /** Renders Prometheus metrics for GET /metrics. */
  metrics?: { contentType: () => string; render: () => Promise<string> };
}

export const GRAPHQL_PATH = '/graphql';

/**
 * The API process's HTTP server: GraphQL over HTTP (Apollo) and over
 * WebSocket (graphql-ws) on the same path, GraphiQL from local assets, health
 * and metrics. `close()` drains HTTP and WebSocket clients.
 */
export class ApiServer {
  readonly app: Express = express();
  readonly httpServer: Server = createServer(this.app);
  readonly apollo: ApolloServer<GraphQLContext>;
  private readonly wsServer = new WebSocketServer({ noServer: true });
  private wsCleanup: { dispose: () => void | Promise<void> } | undefined;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: ApiServerOptions) {
    const wsServer = this.wsServer;
    this.apollo = new ApolloServer<GraphQLContext>({
      schema: options.schema,
      formatError: createErrorFormatter(options.logger),
      includeStacktraceInErrorResponses: false,
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer: this.httpServer }),
        ApolloServerPluginLandingPageDisabled(),
        { serverWillStart: async () => ({ drainServer: async () => { await this.wsCleanup?.dispose(); wsServer.close(); } }) },
      ],
    });
  }

  /** A fresh per-request context (new DataLoaders for each operation). */
  context(): GraphQLContext {
    return { services: this.options.services, loaders: createLoaders(this.options.services.catalog) };
  }

  async start(port: number, host: string): Promise<string> {
    const { schema, logger, maxRequestBytes } = this.options;
    await this.apollo.start();
    this.app.disable('x-powered-by');
    this.app.use(healthRouter(this.options.health));
    if (this.options.metrics) {
      const metrics = this.options.metrics;
      this.app.get('/metrics', async (_req, res) => {
        res.type(metrics.contentType()).send(await metrics.render());
      });
    }
    this.app.use(graphiqlRouter({ endpoint: GRAPHQL_PATH, title: 'trawl GraphiQL' }));
    this.app.use(REST_PREFIX, restRouter(this.options.services.jobs, logger, maxRequestBytes));
    this.app.use(GRAPHQL_PATH, express.json({ limit: maxRequestBytes }), expressMiddleware(this.apollo, { context: async () => this.context() }));
    this.app.use(jsonErrorHandler(logger));
    this.httpServer.on('upgrade', (request, socket, head) => {
      if (new URL(request.url ?? '/', 'http://x').pathname !== GRAPHQL_PATH) return socket.destroy();
      this.wsServer.handleUpgrade(request, socket, head, (ws) => this.wsServer.emit('connection', ws, request));
    });
    this.wsCleanup = useServer({ schema, context: () => this.context() }, this.wsServer);
    await new Promise<void>((resolve, reject) => {
      this.httpServer.once('error', reject);
      this.httpServer.listen(port, host, () => resolve());
    });
    return this.url();
  }

  url(): string {
    const address = this.httpServer.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
  }

  /** Idempotent: stops accepting requests, drains HTTP and WebSocket clients. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.httpServer.listening) await this.apollo.stop();
      else this.wsServer.close();
    })();
    return this.closing;
  }
}

/** Body-parser errors (oversized or malformed JSON) as GraphQL-shaped JSON errors. */
function jsonErrorHandler(logger: Logger): express.ErrorRequestHandler {
  return (error: { type?: string; status?: number; message?: string }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? 500;
    const code = error.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    if (status >= 500) logger.error({ err: error }, 'unexpected HTTP error');
    res.status(status).json({ errors: [{ message: status < 500 ? (error.message ?? 'Bad request') : 'Internal server error', extensions: { code } }] });
  };
}
