/** Event bus topic names, shared by publishers (queue listeners) and subscribers (GraphQL). */
export const topics = {
  job: (jobId: string): string => `job:${jobId}`,
  allJobs: 'jobs',
} as const;
