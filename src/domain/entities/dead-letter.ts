import type { ErrorCode } from '../errors.js';
import type { JobData, JobPriority } from '../job-data.js';
import type { AttemptError } from './scraping-job.js';

/** Where a dead letter stands: waiting for a decision, or re-driven (the record stays as history). */
export const DEAD_LETTER_STATUSES = ['DEAD', 'RETRIED'] as const;
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];

/** What the politeness layer decided about the failed request (free-form: robots, hold-backs, breaker). */
export interface PolitenessDecision {
  robots?: string;
  heldBackCount?: number;
  breaker?: string;
  [key: string]: unknown;
}

/**
 * Everything needed to understand and replay a failed fetch without fetching
 * it again: where it ended, what the server answered (headers capped, the first
 * KB of the body as text), how long it took and what politeness decided.
 */
export interface FailureBundle {
  /** The URL the job asked for. */
  requestedUrl: string;
  /** The URL of the last hop (after redirects), when known. */
  finalUrl?: string;
  httpStatus?: number;
  headers?: Record<string, string>;
  /** The first KB of the response body, as text. */
  bodyHead?: string;
  durationMs?: number;
  politeness?: PolitenessDecision;
}

/**
 * A job that failed for good (a permanent error, or its last attempt): its
 * payload, every attempt's error and the failure bundle. One record per job;
 * a job that fails for good again after a retry updates its record.
 */
export interface DeadLetter {
  id: string;
  jobId: string;
  queue: string;
  /** The job type, or the BullMQ job name when the payload could not be read. */
  type: string;
  priority?: JobPriority;
  campaignId?: string;
  url?: string;
  code: ErrorCode;
  message: string;
  /** The validated payload; absent for a poison job. */
  data?: JobData;
  /** The payload as it was read from the queue, as JSON text (kept even when it is not valid job data). */
  rawData: string;
  attempts: AttemptError[];
  bundle: FailureBundle;
  status: DeadLetterStatus;
  /** How many times it was re-driven. */
  retries: number;
  deadAt: Date;
  retriedAt?: Date;
}

export interface DeadLetterFilter {
  campaignId?: string;
  code?: string;
  type?: string;
  status?: DeadLetterStatus;
  /** Only dead letters that died at or after this moment. */
  since?: Date;
}
