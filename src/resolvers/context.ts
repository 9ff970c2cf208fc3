import type { CatalogService } from '../domain/services/catalog.service.js';
import type { JobService } from '../domain/services/job.service.js';
import type { EventBus } from '../domain/ports/event-bus.port.js';
import type { CampaignService } from '../domain/services/campaign.service.js';
import type { CampaignReports } from '../domain/services/campaign-report.service.js';
import type { SiteIntelligenceService } from '../domain/services/site-intelligence.service.js';
import type { Loaders } from './loaders.js';
import type { QueueAdminService } from '../domain/services/queue-admin.service.js';
import type { JobBatchService } from '../domain/services/job-batch.service.js';
import type { DeadLetterService } from '../domain/services/dead-letter.service.js';
import type { CampaignScheduleService } from '../domain/services/campaign-schedule.service.js';
import type { ProductExportService } from '../domain/services/product-export.service.js';
import type { LiveFeeds } from '../domain/services/live-feeds.service.js';
import type { SuccessMetricsService } from '../domain/services/success-metrics.service.js';
import type { HealthService } from '../domain/services/health.service.js';
import type { SitePolitenessReader } from '../domain/ports/site-politeness.port.js';

/** The domain services resolvers may call. Built once by the composition root. */
export interface ApiServices {
  /** Queue and worker operations: counts, live feeds, pause/resume/clean, cancel/remove/promote. */
  queueAdmin: QueueAdminService;
  /** Batch enqueueing (enqueueJobs). */
  jobBatch: JobBatchService;
  jobs: JobService;
  catalog: CatalogService;
  events: EventBus;
  campaigns: CampaignService;
  reports: CampaignReports;
  sites: SiteIntelligenceService;
  deadLetters: DeadLetterService;
  /** Recurring campaigns. */
  schedules: CampaignScheduleService;
  /** Streamed product exports (REST). */
  exports: ProductExportService;
  /** Subscriptions' live streams (job updates, campaign progress). */
  live: LiveFeeds;
  /** Readiness checks of this API process (the `health` query, GET /health/ready). */
  health: HealthService;
  /** Sites' circuit breakers as the workers share them (read only). */
  politeness: SitePolitenessReader;
  /** The seed's success metrics over a window (successMetrics). */
  successMetrics: SuccessMetricsService;
}

/** Who sent the operation: the API key's name and role (`write` implies `read`). */
export interface CallerIdentity {
  name: string;
  role: 'read' | 'write';
}

/**
 * Per-request GraphQL context: the services, this request's DataLoaders, the
 * caller (roles are enforced before resolvers run) and the correlation id
 * that logs and masked errors carry.
 */
export interface GraphQLContext {
  services: ApiServices;
  loaders: Loaders;
  principal: CallerIdentity;
  requestId: string;
}
