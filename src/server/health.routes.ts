import { Router } from 'express';
import { HealthService } from '../domain/services/health.service.js';
import { pingCheck } from '../domain/services/health-checks.js';
import { readinessBody } from './health-report.js';

/** Readiness: a HealthService, or plain named pings (each resolves when its dependency answers). */
export type HealthChecks = HealthService | Record<string, () => Promise<void>>;

/** `/health/live` (the process answers) and `/health/ready` (every check: 200 ready, 503 not, each check with ok/reason/latency). */
export function healthRouter(checks: HealthChecks): Router {
  const health = checks instanceof HealthService ? checks : new HealthService({ checks: Object.entries(checks).map(([name, ping]) => pingCheck(name, ping)) });
  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.set('cache-control', 'no-store').json(health.live());
  });
  router.get('/health/ready', async (_req, res) => {
    const report = await health.ready();
    res.set('cache-control', 'no-store').status(report.ready ? 200 : 503).json(readinessBody(report));
  });
  return router;
}
