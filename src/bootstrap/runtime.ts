import { join, resolve } from 'node:path';
import type { Config } from '../config/config.schema.js';
import type { Logger } from '../domain/ports/logger.port.js';
import type { Store } from '../domain/ports/storage.port.js';
import type { TargetPolicy } from '../domain/url.js';
import { CatalogService } from '../domain/services/catalog.service.js';
import { JobService } from '../domain/services/job.service.js';
import { ProductScrapeService } from '../domain/services/product-scrape.service.js';
import { MemoryEventBus } from '../events/memory-event-bus.js';
import { createLogger } from '../observability/logger.js';
import { Metrics } from '../observability/metrics.js';
import { holdReasonOf } from '../observability/hold-reason.js';
import { observeApi, observeWorkers } from './metrics-kit.js';
import { BullmqJobQueue } from '../queue/bullmq-job-queue.js';
import { QueueEventsBridge } from '../queue/queue-events-bridge.js';
import { RedisEventBus } from '../queue/redis-event-bus.js';
import { isLocalJobTopic } from '../domain/topics.js';
import type { EventBus } from '../domain/ports/event-bus.port.js';
import { LiveFeeds } from '../domain/services/live-feeds.service.js';
import { createRedis, redisTarget, whenReady, type RedisClient, type RedisTarget } from '../queue/redis-connection.js';
import type { PolitenessService } from '../domain/services/politeness.service.js';
import { createPoliteness } from './politeness-kit.js';
import { createStore } from '../storage/create-store.js';
import {
  BrowserPool, CheerioProductExtractor, HtmlListingScraper, HttpPageFetcher, HttpSiteExplorer, looksLikeAppShell, PlaywrightNavigationRunner, PlaywrightRenderer,
} from '../scrapers/index.js';
import { NavigationService } from '../domain/services/navigation.service.js';
import { CampaignLifecycle } from '../domain/services/campaign-lifecycle.service.js';
import { CampaignPlanner } from '../domain/services/campaign-planner.service.js';
import { CampaignService } from '../domain/services/campaign.service.js';
import { ListingCrawlService } from '../domain/services/listing-crawl.service.js';
import { SiteIntelligenceService } from '../domain/services/site-intelligence.service.js';
import { CampaignReports } from '../domain/services/campaign-report.service.js';
import type { JobQueue } from '../domain/ports/job-queue.port.js';
import { createJobRouter } from '../workers/job-router.js';
import { DeadLetterService } from '../domain/services/dead-letter.service.js';
import { BullmqDeadLetterRequeue } from '../queue/bullmq-dead-letter-requeue.js';
import { RedisSitePoliteness } from '../queue/redis-politeness.js';
import { WorkerHost } from '../workers/worker-host.js';
import { foreignFailureSettler } from '../workers/foreign-failure.js';
import { Closer } from './closer.js';
import { LocalRedis } from './local-redis.js';
import { checkRedisDurability } from './redis-checks.js';
import { startReconciler } from './reconcile-kit.js';
import { createQueueServices, workerQueueOptions } from './queue-admin-kit.js';
import { createScheduleService } from './schedule-kit.js';
import { ProductExportService } from '../domain/services/product-export.service.js';
import { JobStarts } from '../domain/services/health-checks.js';
import { runWithLogContext } from '../observability/log-context.js';
import { apiHealth, startWorkerHttp } from './health-kit.js';

export interface RuntimeRoles {
  /** Serve GraphQL (API process). */
  api: boolean;
  /** Process jobs (worker process, or in-process workers in single-machine mode). */
  workers: boolean;
}

export interface RuntimeOptions {
  config: Config;
  roles: RuntimeRoles;
  logger?: Logger;
}

/**
 * The composition root shared by the API process, the worker process and
 * single-machine mode: builds adapters and services for the given roles and
 * owns the close order (HTTP and WebSocket, then workers, then queues, then
 * storage, then the private Redis).
 */
export class Runtime {
  apiUrl: string | undefined;
  /** The HTTP server, in a runtime with the api role. */
  apiServer: import('../server/api-server.js').ApiServer | undefined;
  /** The worker process's own HTTP server (health, metrics), in a runtime with the workers role only. */
  workerUrl: string | undefined;
  /** The domain services the API serves, in a runtime with the api role (terminal commands drive them too). */
  services: import('../resolvers/context.js').ApiServices | undefined;
  redisUrl = '';
  /**
   * The event bus across processes (Redis pub/sub): services publish domain
   * events on it from any role (workers included); API processes deliver them
   * to subscriptions. Job topics are fed in each API process by its own queue
   * listener instead.
   */
  events!: RedisEventBus;
  /** Which targets this deployment may fetch. */
  targetPolicy: TargetPolicy = { allowPrivateNetwork: false, allowedPrivateHosts: [] };
  private constructor(
    readonly config: Config,
    readonly logger: Logger,
    readonly metrics: Metrics,
    private readonly closer: Closer,
    readonly store: Store,
    readonly jobs: JobService,
    readonly catalog: CatalogService,
    readonly workerHost: WorkerHost | undefined,
  ) {}

  static async start(options: RuntimeOptions): Promise<Runtime> {
    const { config, roles } = options;
    const logger = options.logger ?? createLogger({ level: config.logLevel, name: roles.api ? 'trawl-api' : 'trawl-worker', format: config.logFormat });
    const closer = new Closer(logger);
    try {
      return await Runtime.build(config, roles, logger, closer);
    } catch (error) {
      await closer.close();
      throw error;
    }
  }

  private static async build(config: Config, roles: RuntimeRoles, logger: Logger, closer: Closer): Promise<Runtime> {
    const redis = await Runtime.redis(config, logger, closer);
    const store = await createStore({ ...config, onStoreOutage: (operation, err) => logger.warn({ operation, err }, 'store unavailable; retrying') });
    closer.add('store', () => store.close());
    const producer = createRedis(redis, 'producer');
    closer.add('redis producer', () => void producer.disconnect());
    await whenReady(producer);
    await checkRedisDurability(producer, logger);
    const queue = new BullmqJobQueue({ connection: producer, prefix: config.queuePrefix, logger });
    closer.add('queues', () => queue.close());
    await queue.start();
    const metrics = new Metrics(roles.api ? 'api' : 'worker', { maxDomains: config.metricsMaxDomains });
    const events = Runtime.eventBus(config, redis, producer, logger, closer);
    const targetPolicy: TargetPolicy = { allowPrivateNetwork: config.allowPrivateNetwork, allowedPrivateHosts: config.allowedPrivateHosts };
    const jobs = new JobService({ store, queue, targetPolicy, defaults: { timeoutMs: config.fetchTimeoutMs, rateLimitDelayMs: config.rateLimitDelayMs } });
    const catalog = new CatalogService(store);
    const starts = new JobStarts();
    const workerHost = roles.workers ? await Runtime.workers(config, redis, store, queue, targetPolicy, metrics, logger, closer, events, starts) : undefined;
    const runtime = new Runtime(config, logger, metrics, closer, store, jobs, catalog, workerHost);
    runtime.redisUrl = redis.url;
    runtime.events = events;
    runtime.targetPolicy = targetPolicy;
    if (roles.api) await runtime.api(redis, producer, queue);
    else if (workerHost) runtime.workerUrl = await startWorkerHttp({ config, connection: producer, store, host: workerHost, starts, metrics, logger, closer });
    return runtime;
  }

  /** REDIS_URL (a standalone server or a cluster), else a private redis-server (always standalone). */
  private static async redis(config: Config, logger: Logger, closer: Closer): Promise<RedisTarget> {
    if (config.redisUrl) return redisTarget(config.redisUrl, config.redisCluster);
    const local = await LocalRedis.start({ dir: join(resolve(config.dataDir), 'redis'), binary: config.redisServerBin });
    closer.add('local redis-server', () => local.close());
    logger.info({ url: local.url }, 'started a private redis-server (REDIS_URL not set)');
    return redisTarget(local.url);
  }

  /** One bus per process; the subscriber connection opens on the first subscription (API processes). */
  private static eventBus(config: Config, redis: RedisTarget, producer: RedisClient, logger: Logger, closer: Closer): RedisEventBus {
    const events = new RedisEventBus({
      publisher: producer, subscriber: () => createRedis(redis, 'events'), channelPrefix: `${config.queuePrefix}:events:`,
      local: new MemoryEventBus(config.subscriptionBufferEvents), isLocalTopic: isLocalJobTopic, logger,
    });
    closer.add('event bus', () => events.close());
    return events;
  }

  /** The services behind site, category and search jobs. */
  private static campaignWork(config: Config, store: Store, queue: JobQueue, fetcher: HttpPageFetcher, politeness: PolitenessService, logger: Logger) {
    const explorer = new HttpSiteExplorer({ fetcher, userAgent: config.userAgent, maxPageBytes: config.maxPageBytes });
    const intelligence = new SiteIntelligenceService({ store, explorer, maxAgeMs: config.siteIntelligenceMaxAgeMs, timeoutMs: config.fetchTimeoutMs });
    const queueFor = (priority: Parameters<JobQueue['queueFor']>[0]) => queue.queueFor(priority);
    return {
      planner: new CampaignPlanner({ store, intelligence, logger, queueFor }),
      listings: new ListingCrawlService({
        store, fetcher, listings: new HtmlListingScraper(), intelligence, maxPageBytes: config.maxPageBytes, defaultMaxPages: config.maxCategoryPages, logger, queueFor, politeness,
      }),
      lifecycle: new CampaignLifecycle({ store, logger }),
      queue,
      pausedRecheckMs: config.pausedRecheckMs,
    };
  }

  private static async workers(
    config: Config, redis: RedisTarget, store: Store, queue: JobQueue, targetPolicy: TargetPolicy, metrics: Metrics, logger: Logger, closer: Closer, _events: EventBus, starts: JobStarts,
  ): Promise<WorkerHost> {
    const fetcher = new HttpPageFetcher({
      telemetry: metrics.telemetry, userAgent: config.userAgent, targetPolicy, connectTimeoutMs: config.connectTimeoutMs, readIdleTimeoutMs: config.readIdleTimeoutMs, proxyUrls: config.proxyUrls,
    });
    closer.add('page fetcher', () => fetcher.close());
    const connection = createRedis(redis, 'worker');
    closer.add('redis worker', () => void connection.disconnect());
    const politeness = createPoliteness(config, connection, fetcher, logger, metrics.telemetry);
    const browser = new BrowserPool({ targetPolicy, executablePath: config.chromiumPath, maxPages: config.browserMaxPages, userAgent: config.userAgent });
    closer.add('browser', () => browser.close());
    const products = new ProductScrapeService({
      store, fetcher, extractor: new CheerioProductExtractor(), maxPageBytes: config.maxPageBytes, logger, politeness,
      renderer: new PlaywrightRenderer(browser), looksLikeAppShell, events: _events,
    });
    const campaigns = Runtime.campaignWork(config, store, queue, fetcher, politeness, logger);
    const navigation = new NavigationService({
      store, runner: new PlaywrightNavigationRunner(browser), extractor: new CheerioProductExtractor(), stepTimeoutMs: config.navigationStepTimeoutMs,
    });
    const deadLetters = new DeadLetterService({ store, logger, lifecycle: campaigns.lifecycle, keepDays: config.deadLetterKeepDays });
    const queueOptions = workerQueueOptions(connection, config.queuePrefix, store, config.workerHeartbeatMs);
    const host = new WorkerHost({
      connection, prefix: config.queuePrefix, concurrency: config.workerConcurrency, shutdownTimeoutMs: config.shutdownTimeoutMs, logger,
      lockDurationMs: config.lockDurationMs, stalledIntervalMs: config.stalledIntervalMs, maxStalledCount: config.maxStalledCount,
      registry: queueOptions.registry, heartbeatMs: queueOptions.heartbeatMs, busyWindowMs: config.busyWindowMs,
      processor: createJobRouter({
        products, campaigns, navigation, logger, onAttempt: (type, outcome, ms) => metrics.recordAttempt(type, outcome, ms),
        onHeldBack: (type, held) => metrics.telemetry.jobHeldBack(type, holdReasonOf(held)), onProductStored: (completeness) => metrics.telemetry.productScraped(completeness),
        logContext: runWithLogContext, onStart: () => starts.started(),
        deadLetters,
        cancellation: queueOptions.cancellation,
        // build() hands workers the BullMQ queue.
        schedules: createScheduleService({ config, store, queue: queue as BullmqJobQueue, targetPolicy, logger }),
      }),
    });
    closer.add('workers', () => host.close());
    host.start();
    observeWorkers(metrics, config, { host, queue: queue as BullmqJobQueue, connection });
    await host.waitUntilReady();
    startReconciler(config, {
      connection, store, queue, lifecycle: campaigns.lifecycle, logger, closer,
      settleForeignFailure: foreignFailureSettler({ products, lifecycle: campaigns.lifecycle, deadLetters }),
    });
    logger.info({ concurrency: config.workerConcurrency }, 'workers started');
    return host;
  }

  private async api(redis: RedisTarget, producer: RedisClient, queue: BullmqJobQueue): Promise<void> {
    const { ApiServer } = await import('../server/api-server.js');
    const { buildGraphqlSchema } = await import('../resolvers/build-schema.js');
    const events = this.events;
    const local = events.local;
    const eventsConnection = createRedis(redis, 'events');
    this.closer.add('redis events', () => void eventsConnection.disconnect());
    const bridge = new QueueEventsBridge(eventsConnection, this.config.queuePrefix, local, this.logger, { isWatched: () => local.topicCount > 0 });
    this.closer.add('queue events', () => bridge.close());
    await bridge.start();
    const config = this.config;
    const fetcher = new HttpPageFetcher({ userAgent: config.userAgent, targetPolicy: this.targetPolicy, connectTimeoutMs: config.connectTimeoutMs, readIdleTimeoutMs: config.readIdleTimeoutMs });
    this.closer.add('api page fetcher', () => fetcher.close());
    const explorer = new HttpSiteExplorer({ fetcher, userAgent: config.userAgent, maxPageBytes: config.maxPageBytes });
    const campaigns = new CampaignService({
      store: this.store, queue, targetPolicy: this.targetPolicy, defaults: { timeoutMs: config.fetchTimeoutMs, rateLimitDelayMs: config.campaignRateLimitDelayMs },
    });
    const reports = new CampaignReports(this.store);
    const live = new LiveFeeds({
      events, campaigns, reports,
      options: {
        maxEventsPerSecond: config.subscriptionMaxEventsPerSecond, jobWindowMs: config.subscriptionJobWindowMs,
        bufferEvents: config.subscriptionBufferEvents, campaignProgressIntervalMs: config.campaignProgressIntervalMs,
      },
    });
    const services = {
      jobs: this.jobs, catalog: this.catalog, events, campaigns, reports, live,
      schedules: createScheduleService({ config, store: this.store, queue, targetPolicy: this.targetPolicy, logger: this.logger, campaigns }),
      exports: new ProductExportService(this.store),
      successMetrics: observeApi(this.metrics, config, { store: this.store, queue, connection: producer }),
      health: apiHealth(config, producer, this.store, queue),
      politeness: new RedisSitePoliteness(producer, config.queuePrefix, { breaker: { threshold: config.breakerThreshold, baseMs: config.breakerBaseMs, maxMs: config.breakerMaxMs } }),
      ...createQueueServices({
        store: this.store, queue, connection: producer, prefix: config.queuePrefix, jobs: this.jobs, campaigns, targetPolicy: this.targetPolicy, logger: this.logger, closer: this.closer,
      }),
      sites: new SiteIntelligenceService({ store: this.store, explorer, maxAgeMs: config.siteIntelligenceMaxAgeMs, timeoutMs: config.fetchTimeoutMs }),
      deadLetters: new DeadLetterService({
        store: this.store, logger: this.logger, lifecycle: new CampaignLifecycle({ store: this.store, logger: this.logger }),
        requeue: new BullmqDeadLetterRequeue(queue), keepDays: config.deadLetterKeepDays,
      }),
    };
    const server = new ApiServer({
      schema: await buildGraphqlSchema(events), services, logger: this.logger,
      maxRequestBytes: this.config.maxRequestBytes, metrics: this.metrics, security: this.config,
      boardQueues: [queue.queue('scraping'), queue.queue('scraping-urgent')],
      health: services.health,
    });
    // Schedules live in the store: their queue triggers are re-created (idempotently) after a Redis flush or a fresh Redis.
    const restored = await services.schedules.restore();
    if (restored > 0) this.logger.info({ schedules: restored }, 'campaign schedules restored');
    this.closer.add('http server', () => server.close());
    this.apiServer = server;
    this.services = services;
    this.apiUrl = await server.start(this.config.port, this.config.host);
    this.logger.info({ url: `${this.apiUrl}/graphql` }, 'GraphQL API listening');
  }

  /** Idempotent graceful close in dependency order. */
  close(): Promise<void> {
    return this.closer.close();
  }
}
