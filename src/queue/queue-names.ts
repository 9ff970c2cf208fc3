import type { JobPriority } from '../domain/job-data.js';

/** The queues of seed 000: regular work and urgent work, served by the same workers. */
export const QUEUE_NAMES = { scraping: 'scraping', urgent: 'scraping-urgent' } as const;
export const ALL_QUEUES = [QUEUE_NAMES.urgent, QUEUE_NAMES.scraping] as const;
export type QueueName = (typeof ALL_QUEUES)[number];

export function queueForPriority(priority: JobPriority): QueueName {
  return priority === 'URGENT' ? QUEUE_NAMES.urgent : QUEUE_NAMES.scraping;
}
