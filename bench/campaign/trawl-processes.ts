import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, stopProcess } from '../../src/bootstrap/child-process.js';
import type { Cleanup } from '../support/cleanup.js';
import { TRAWL_CLI } from '../support/paths.js';

/** Where the processes of one campaign run meet: Redis, queue prefix, store. */
export interface Deployment {
  redisUrl: string;
  prefix: string;
  dataDir: string;
  store: 'sqlite' | 'mongo';
  mongoUrl: string | undefined;
  concurrency: number;
  /** Old-space ceiling of each worker process in MB (NODE_OPTIONS=--max-old-space-size); 0: V8's default. */
  workerHeapMb?: number;
}

export interface TrawlProcess {
  name: string;
  pid: number;
  child: ChildProcess;
  /** The last few KB of its output (for error messages). */
  output(): string;
}

/**
 * The environment `trawl api` and `trawl worker` get: production defaults,
 * except that the loopback shop is ours, so no politeness delay and no cap on
 * requests in flight to it (the default of 2 per site would measure the cap,
 * not the engine). Robots.txt is still obeyed.
 */
export function deploymentEnv(deployment: Deployment): NodeJS.ProcessEnv {
  return {
    ...process.env,
    REDIS_URL: deployment.redisUrl, TRAWL_QUEUE_PREFIX: deployment.prefix, TRAWL_DATA_DIR: deployment.dataDir, TRAWL_STORE: deployment.store,
    ...(deployment.mongoUrl ? { MONGO_URL: deployment.mongoUrl } : {}),
    TRAWL_ALLOW_PRIVATE_NETWORK: 'true', TRAWL_WORKER_CONCURRENCY: String(deployment.concurrency),
    TRAWL_RATE_LIMIT_DELAY_MS: '0', TRAWL_CAMPAIGN_RATE_LIMIT_DELAY_MS: '0', TRAWL_DOMAIN_MAX_CONCURRENCY: '0', TRAWL_SHUTDOWN_TIMEOUT_MS: '10000', LOG_LEVEL: 'info',
  };
}

/** Starts `trawl <command>` and resolves once its output contains `ready`; stopped (SIGTERM, then SIGKILL) by the cleanup. */
async function startTrawl(name: string, args: string[], env: NodeJS.ProcessEnv, ready: string, cleanup: Cleanup): Promise<TrawlProcess> {
  const child = spawn(process.execPath, [TRAWL_CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanup.add(`${name} process ${child.pid ?? ''}`, () => stopProcess(child, 15_000));
  let output = '';
  const onData = (chunk: Buffer): void => void (output = (output + chunk.toString()).slice(-8000));
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`${name} did not start within 30 s: ${output.slice(-1500)}`)), 30_000);
    const check = setInterval(() => output.includes(ready) && done(), 50);
    const onExit = (code: number | null): void => done(new Error(`${name} exited with ${code} before starting: ${output.slice(-1500)}`));
    function done(error?: Error): void {
      clearTimeout(timer);
      clearInterval(check);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
    child.once('exit', onExit);
  });
  return { name, pid: child.pid!, child, output: () => output };
}

/** `trawl worker`: resolves once its workers listen on the queues. */
export function startWorkerProcess(name: string, deployment: Deployment, cleanup: Cleanup): Promise<TrawlProcess> {
  const env = deploymentEnv(deployment);
  if (deployment.workerHeapMb) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --max-old-space-size=${deployment.workerHeapMb}`.trim();
  return startTrawl(name, ['worker'], env, 'workers started', cleanup);
}

/** `trawl api` on a free loopback port: GraphQL over HTTP and WebSocket, the queue event bridge, the campaign services. */
export async function startApiProcess(deployment: Deployment, cleanup: Cleanup): Promise<TrawlProcess & { url: string }> {
  const port = await freePort();
  const env = { ...deploymentEnv(deployment), PORT: String(port), HOST: '127.0.0.1' };
  const api = await startTrawl('api', ['api'], env, 'GraphQL API listening', cleanup);
  return { ...api, url: `http://127.0.0.1:${port}` };
}
