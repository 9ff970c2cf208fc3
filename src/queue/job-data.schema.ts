import { z } from 'zod';
import { JOB_DATA_VERSION, JOB_PRIORITIES, type JobData } from '../domain/job-data.js';
import { TrawlError } from '../domain/errors.js';
import { BROWSER_STEP_ACTIONS } from '../domain/ports/browser.port.js';
import { RENDER_MODES } from '../domain/entities/campaign.js';

const httpUrl = z.url({ protocol: /^https?$/ }).max(2048);

const settings = z.object({
  maxPages: z.number().int().min(1).max(10_000),
  timeoutMs: z.number().int().min(100).max(600_000),
  extractImages: z.boolean(),
  extractReviews: z.boolean(),
  respectRobotsTxt: z.boolean(),
  rateLimitDelayMs: z.number().int().min(0).max(600_000),
  renderJs: z.enum(RENDER_MODES).optional(),
});

const category = z.object({
  url: httpUrl,
  name: z.string().min(1).max(500),
  path: z.string().max(2048),
  parentUrl: httpUrl.optional(),
});

const base = {
  v: z.literal(JOB_DATA_VERSION),
  jobId: z.string().min(1).max(128),
  targetUrl: httpUrl,
  createdAt: z.string(),
  priority: z.enum(JOB_PRIORITIES),
  settings,
  siteIntelligenceId: z.string().min(1).max(300),
  campaignId: z.string().max(128).optional(),
  category: category.optional(),
  step: z.literal('children').optional(),
  stepResult: z.record(z.string(), z.unknown()).optional(),
};

/** Shape check of a navigation step; the domain's `validateSteps` checks each action's fields when the job runs. */
const step = z.looseObject({
  action: z.enum(BROWSER_STEP_ACTIONS),
  timeoutMs: z.number().int().min(1).max(600_000).optional(),
});

/** Runtime check of job payloads crossing Redis; mirrors the JobData union in the domain. */
export const jobDataSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('product') }),
  z.object({
    ...base, type: z.literal('category_search'),
    maxCategoryPages: z.number().int().min(1).max(10_000).optional(), maxProducts: z.number().int().min(1).max(1_000_000).optional(),
  }),
  z.object({ ...base, type: z.literal('full_site') }),
  z.object({
    ...base, type: z.literal('search'), query: z.string().min(1).max(1000),
    maxCategoryPages: z.number().int().min(1).max(10_000).optional(), maxProducts: z.number().int().min(1).max(1_000_000).optional(),
  }),
  z.object({ ...base, type: z.literal('navigation'), steps: z.array(step).min(1).max(100), stepTimeoutMs: z.number().int().min(1).max(600_000).optional() }),
  z.object({ ...base, type: z.literal('scheduled_campaign'), scheduleId: z.string().min(1).max(128) }),
]);

/** Validates a payload read from the queue. A payload that fails is a poison job: it fails at once, never retried. */
export function parseJobData(raw: unknown): JobData {
  const parsed = jobDataSchema.safeParse(raw);
  if (!parsed.success) {
    const version = (raw as { v?: unknown } | null)?.v;
    const reason = version !== JOB_DATA_VERSION
      ? `job data version ${JSON.stringify(version)} is not ${JOB_DATA_VERSION}`
      : parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new TrawlError('POISON_JOB', `Invalid job data: ${reason}`);
  }
  return parsed.data as JobData;
}
