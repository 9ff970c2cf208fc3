import type { JobType } from './job-data.js';

/**
 * Event bus topic names, shared by publishers and subscribers (GraphQL).
 * Job topics are fed in every API process by its own queue listener (each
 * reads the queues' event streams), so they never need to cross processes;
 * other topics (domain changes published by workers) do.
 */
export const topics = {
  /** Events of one job. */
  job: (jobId: string): string => `job:${jobId}`,
  /** Events of every job. */
  allJobs: 'jobs',
  /** Every product whose price or availability changed (payload: ProductChange); subscribers filter by site or campaign. */
  productChanged: 'products:changed',
  /** Events of the jobs of one campaign. */
  campaignJobs: (campaignId: string): string => `jobs:campaign:${campaignId}`,
  /** Events of the jobs of one kind. */
  jobsOfType: (type: JobType): string => `jobs:type:${type}`,
} as const;

/** True for the job topics every API process feeds itself (see {@link topics}). */
export function isLocalJobTopic(topic: string): boolean {
  return topic === topics.allJobs || topic.startsWith('job:') || topic.startsWith('jobs:');
}
