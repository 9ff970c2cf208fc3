import type { HealthReport } from '../domain/services/health.service.js';

/** The JSON body of a readiness answer (the API's and the worker's). */
export function readinessBody(report: HealthReport): object {
  return {
    status: report.ready ? 'ready' : 'not ready',
    checkedAt: report.checkedAt.toISOString(),
    checks: Object.fromEntries(report.checks.map((c) => [c.name, { ok: c.ok, ...(c.reason === undefined ? {} : { reason: c.reason }), latencyMs: c.latencyMs }])),
  };
}
