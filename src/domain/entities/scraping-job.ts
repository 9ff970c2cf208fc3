import type { JobType, JobPriority } from '../job-data.js';
import type { ErrorCode } from '../errors.js';

/** Lifecycle of a job as trawl records it (BullMQ's states, reduced). */
export const JOB_STATUSES = ['QUEUED', 'ACTIVE', 'COMPLETED', 'FAILED', 'DELAYED', 'CANCELLED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** The `scraping_jobs` record: metadata and status, kept after BullMQ trims its own copy. */
export interface ScrapingJobRecord {
  id: string;
  type: JobType;
  queue: string;
  url: string;
  site: string;
  priority: JobPriority;
  status: JobStatus;
  campaignId?: string;
  categoryUrl?: string;
  attempts: number;
  errorCode?: ErrorCode;
  failedReason?: string;
  createdAt: Date;
  updatedAt: Date;
  finishedAt?: Date;
}

/** One attempt's failure, kept in full for debugging (seed 000: full error details). */
export interface AttemptError {
  attempt: number;
  code: ErrorCode;
  message: string;
  httpStatus?: number;
  url?: string;
  durationMs?: number;
  /** Where it was raised (first lines of the stack), for errors that are not plain HTTP outcomes. */
  stack?: string;
  at: Date;
}

/** What a finished product job produced; stored in `scraping_job_results` and returned to BullMQ. */
export interface ProductJobResult {
  kind: 'product';
  productId: string;
  url: string;
  canonicalUrl: string;
  title: string;
  price?: { amount: string; currency: string };
  availability: string;
  categoryId?: string;
  completeness: number;
  httpStatus: number;
  bytes: number;
  durationMs: number;
}

/** What a finished navigation job produced (seed 004): how each step went, the extracted records, products found in snapshots. */
export interface NavigationJobResult {
  kind: 'navigation';
  url: string;
  finalUrl: string;
  steps: { action: string; ok: boolean; durationMs: number; note?: string }[];
  extracted: Record<string, unknown>[];
  /** Products the extractor found in the run's page snapshots. */
  products: Omit<ProductJobResult, 'kind' | 'productId' | 'categoryId' | 'httpStatus' | 'bytes' | 'durationMs'>[];
  durationMs: number;
}

export type JobResult = ProductJobResult | NavigationJobResult;

export interface JobResultRecord {
  jobId: string;
  type: JobType;
  url: string;
  status: 'SUCCEEDED' | 'FAILED';
  result?: JobResult;
  errors: AttemptError[];
  createdAt: Date;
}
