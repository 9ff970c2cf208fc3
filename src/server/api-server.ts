import { createServer, type Server } from 'node:http';
import { runWithLogContext } from '../observability/log-context.js';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
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
import { formatGraphqlError } from './graphql-errors.js';
import { graphiqlRouter } from './graphiql/graphiql.handler.js';
import { healthRouter, type HealthChecks } from './health.routes.js';
import { httpErrorHandler } from './http-errors.js';
import { REST_PREFIX, restRouter } from './rest.routes.js';
import { seedRestRouter } from './seed-rest.routes.js';
import { EXPORT_PREFIX, exportRouter } from './export.routes.js';
import { dashboardRouter } from './dashboard/dashboard.router.js';
import { bullBoardRouter, type BoardQueue } from './bull-board.js';
import { accessPolicy, type AccessPolicy, type ApiSecurityConfig } from './security/access-policy.js';
import { apolloSecurityPlugin } from './security/apollo-security.plugin.js';
import { OPEN_PRINCIPAL, type Principal } from './security/api-keys.js';
import { depthLimitRule } from './security/depth-limit.rule.js';
import { httpGuard, principalOf, restRole } from './security/http-guard.js';
import { TokenBucketLimiter } from './security/rate-limiter.js';
import { requestIdMiddleware } from './security/request-id.js';
import { wsSecurityOptions } from './security/ws-security.js';

export interface ApiServerOptions {
  schema: GraphQLSchema;
  services: ApiServices;
  logger: Logger;
  maxRequestBytes: number;
  health: HealthChecks;
  /** Keys, limits and switches (the configuration table's rows; HOST decides what loopback means). */
  security: ApiSecurityConfig;
  /** Renders Prometheus metrics for GET /metrics. */
  metrics?: { contentType: () => string; render: () => Promise<string> };
  /** Queues Bull Board shows at /admin/queues; no board without them. */
  boardQueues?: readonly BoardQueue[];
}

export const GRAPHQL_PATH = '/graphql';

/**
 * The API process's HTTP server: GraphQL over HTTP (Apollo) and over
 * WebSocket (graphql-ws) on the same path, REST, GraphiQL from local assets,
 * health and metrics, behind the access policy (API keys and roles, rate
 * limits, query limits). The constructor refuses (ConfigError) an API that
 * would be open beyond loopback. `close()` drains HTTP and WebSocket clients.
 */
export class ApiServer {
  readonly app: Express = express();
  readonly httpServer: Server = createServer(this.app);
  readonly apollo: ApolloServer<GraphQLContext>;
  readonly policy: AccessPolicy;
  private readonly limiter: TokenBucketLimiter | undefined;
  private readonly wsServer: WebSocketServer;
  private wsCleanup: { dispose: () => void | Promise<void> } | undefined;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: ApiServerOptions) {
    this.policy = accessPolicy(options.security);
    this.limiter = this.policy.rateLimitPerMinute > 0 ? new TokenBucketLimiter(this.policy.rateLimitPerMinute) : undefined;
    const wsServer = new WebSocketServer({ noServer: true, maxPayload: options.maxRequestBytes });
    this.wsServer = wsServer;
    this.apollo = new ApolloServer<GraphQLContext>({
      schema: options.schema,
      formatError: formatGraphqlError,
      includeStacktraceInErrorResponses: false,
      // trawl's own signal handling drains workers and closes in order; Apollo re-raising the signal would count it twice.
      stopOnTerminationSignals: false,
      introspection: this.policy.introspection,
      validationRules: [depthLimitRule(this.policy.limits.maxDepth)],
      parseOptions: { maxTokens: this.policy.maxTokens },
      allowBatchedHttpRequests: false,
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer: this.httpServer }),
        ApolloServerPluginLandingPageDisabled(),
        apolloSecurityPlugin(this.policy.limits, options.logger),
        { serverWillStart: async () => ({ drainServer: async () => { await this.wsCleanup?.dispose(); wsServer.close(); } }) },
      ],
    });
  }

  /**
   * A fresh per-request context (new DataLoaders for each operation). In-process
   * callers (`executeOperation`) act with full rights unless they pass a principal.
   */
  context(principal: Principal = OPEN_PRINCIPAL, requestId: string = randomUUID()): GraphQLContext {
    return { services: this.options.services, loaders: createLoaders(this.options.services.catalog), principal, requestId };
  }

  async start(port: number, host: string): Promise<string> {
    await this.apollo.start();
    this.mountRoutes();
    this.httpServer.on('upgrade', (request, socket, head) => {
      if (new URL(request.url ?? '/', 'http://x').pathname !== GRAPHQL_PATH) return socket.destroy();
      this.wsServer.handleUpgrade(request, socket, head, (ws) => this.wsServer.emit('connection', ws, request));
    });
    const { keyring, limits, introspection, maxTokens } = this.policy;
    this.wsCleanup = useServer(wsSecurityOptions({
      schema: this.options.schema, keyring, limiter: this.limiter, limits, introspection, maxTokens, logger: this.options.logger,
      context: (principal, requestId) => this.context(principal, requestId),
    }), this.wsServer);
    await new Promise<void>((resolve, reject) => {
      this.httpServer.once('error', reject);
      this.httpServer.listen(port, host, () => resolve());
    });
    return this.url();
  }

  private mountRoutes(): void {
    const { logger, maxRequestBytes, services } = this.options;
    const { keyring, metricsNeedKey } = this.policy;
    const limiter = this.limiter;
    this.app.disable('x-powered-by');
    this.app.use(requestIdMiddleware());
    // Every log line written while serving a request carries its correlation id.
    this.app.use((_req, res, next) => runWithLogContext({ requestId: res.locals.requestId as string }, next));
    this.app.use(healthRouter(this.options.health));
    if (this.options.metrics) {
      const metrics = this.options.metrics;
      const guard = httpGuard({ keyring: metricsNeedKey ? keyring : undefined, limiter: undefined, shape: 'rest', needs: () => 'read', logger });
      this.app.get('/metrics', guard, async (_req, res) => {
        res.type(metrics.contentType()).send(await metrics.render());
      });
    }
    if (this.policy.graphiql) this.app.use(graphiqlRouter({ endpoint: GRAPHQL_PATH, title: 'trawl GraphiQL' }));
    this.app.use(dashboardRouter());
    if (this.options.boardQueues) this.app.use(bullBoardRouter({ queues: this.options.boardQueues, keyring, limiter, logger }));
    this.app.use(REST_PREFIX, httpGuard({ keyring, limiter, shape: 'rest', needs: restRole, logger }), restRouter(services.jobs, logger, maxRequestBytes, this.policy.limits));
    this.app.use(seedRestRouter({ services, guard: httpGuard({ keyring, limiter, shape: 'rest', needs: restRole, logger }), logger, maxRequestBytes, bounds: this.policy.limits }));
    this.app.use(EXPORT_PREFIX, httpGuard({ keyring, limiter, shape: 'rest', needs: () => 'read', logger }), exportRouter(services.exports, logger));
    this.app.use(
      GRAPHQL_PATH,
      httpGuard({ keyring, limiter, shape: 'graphql', logger }),
      express.json({ limit: maxRequestBytes }),
      expressMiddleware(this.apollo, { context: async ({ res }) => this.context(principalOf(res), res.locals.requestId as string) }),
    );
    this.app.use(httpErrorHandler(logger, (path) => (path.startsWith(REST_PREFIX) ? 'rest' : 'graphql')));
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
