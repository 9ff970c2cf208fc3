/** One readiness check's verdict. `reason` says why (or, when ok, what was seen). */
export interface HealthCheckResult {
  name: string;
  ok: boolean;
  reason?: string | undefined;
  latencyMs: number;
}

/** A readiness report: ready when every check is ok. */
export interface HealthReport {
  ready: boolean;
  checkedAt: Date;
  checks: HealthCheckResult[];
}

/** What a check may return: nothing (ok), or an explicit verdict. A throw is a failure with the error's message. */
export type CheckOutcome = void | { ok: boolean; reason?: string };

/** A named readiness check. */
export interface HealthCheck {
  name: string;
  run(): Promise<CheckOutcome>;
}

export interface HealthServiceOptions {
  checks: readonly HealthCheck[];
  /** A check that has not answered in this time fails. Default 2000 ms. */
  timeoutMs?: number;
  now?: () => Date;
}

/**
 * Liveness and readiness of one process. Readiness runs every check at once,
 * each under a time limit, and reports each with ok, reason and latency;
 * the API, the worker's HTTP server and the GraphQL `health` query share it.
 */
export class HealthService {
  private readonly timeoutMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: HealthServiceOptions) {
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.now = options.now ?? (() => new Date());
  }

  /** The process answers (no dependency is consulted). */
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  async ready(): Promise<HealthReport> {
    const checkedAt = this.now();
    const checks = await Promise.all(this.options.checks.map((check) => this.run(check)));
    return { ready: checks.every((c) => c.ok), checkedAt, checks };
  }

  private async run(check: HealthCheck): Promise<HealthCheckResult> {
    const started = performance.now();
    const latency = () => Math.round((performance.now() - started) * 10) / 10;
    try {
      const outcome = await withTimeout(check.run(), this.timeoutMs);
      return { name: check.name, ok: outcome?.ok ?? true, reason: outcome?.reason, latencyMs: latency() };
    } catch (error) {
      return { name: check.name, ok: false, reason: (error as Error).message, latencyMs: latency() };
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<T>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
