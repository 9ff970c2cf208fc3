import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import { tempDir, testRedisUrl, uniqueName } from '../support/env.js';
import { INSTALL_HINT, buildRoot, freePort, repoRoot, waitForOk } from './deploy-files.js';

interface App {
  name: string; script: string; args: string; exec_mode: string; instances: number; cwd: string;
  increment_var?: string; node_args?: string[]; env: Record<string, string>; kill_timeout: number; kill_signal?: string;
}

const require = createRequire(import.meta.url);

/** Loads ecosystem.config.cjs with the given environment (it reads a few variables when loaded). */
function ecosystem(env: Record<string, string> = {}): { apps: App[] } {
  const path = join(repoRoot(), 'ecosystem.config.cjs');
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    delete require.cache[require.resolve(path)];
    return require(path) as { apps: App[] };
  } finally {
    for (const key of Object.keys(env)) if (saved[key] === undefined) delete process.env[key]; else process.env[key] = saved[key];
  }
}

function pm2Bin(): string | undefined {
  try {
    return require.resolve('pm2/bin/pm2');
  } catch {
    return undefined;
  }
}

describe('PM2 ecosystem (ecosystem.config.cjs)', () => {
  it('runs one API and several worker processes in fork mode, each worker on its own health port', () => {
    const { apps } = ecosystem();
    const api = apps.find((app) => app.args === 'api');
    const worker = apps.find((app) => app.args === 'worker');
    assert.ok(api && worker);
    assert.equal(apps.length, 2);
    assert.equal(api.instances, 1);
    assert.ok(worker.instances >= 2, 'several workers on one machine');
    for (const app of apps) {
      assert.equal(app.exec_mode, 'fork', `${app.name}: fork mode, not cluster mode`);
      assert.ok(existsSync(join(buildRoot(), app.script.replace(/^dist\//, ''))), `${app.script} is what the build produces`);
      const config = loadConfig(app.env);
      assert.equal(config.queuePrefix, '{trawl}');
      assert.ok(config.redisUrl, `${app.name} shares one Redis`);
      assert.ok(app.kill_timeout > config.shutdownTimeoutMs + 5000, `${app.name}: PM2 waits for the drain before SIGKILL`);
    }
    assert.equal(worker.increment_var, 'TRAWL_WORKER_PORT');
    assert.deepEqual(worker.node_args, ['--max-old-space-size=1024'], 'each worker\'s V8 heap is bounded');
  });

  it('follows the shell environment for the worker count, the first port, the shutdown timeout and the worker heap', () => {
    const { apps } = ecosystem({ TRAWL_PM2_WORKERS: '5', TRAWL_WORKER_PORT: '9600', TRAWL_SHUTDOWN_TIMEOUT_MS: '60000', TRAWL_PM2_WORKER_HEAP_MB: '768' });
    const worker = apps.find((app) => app.args === 'worker') as App;
    assert.equal(worker.instances, 5);
    assert.deepEqual(worker.node_args, ['--max-old-space-size=768']);
    assert.equal(worker.env.TRAWL_WORKER_PORT, '9600');
    assert.ok(worker.kill_timeout > 65_000);
  });

  it('passes PM2\'s own schema for application options', (t) => {
    if (!pm2Bin()) return t.skip(`pm2 is not installed: ${INSTALL_HINT}`);
    // Called as a method: it keeps its errors on `this`.
    const pm2Config = require('pm2/lib/tools/Config') as { validateJSON(app: unknown): { errors: string[] } };
    for (const app of ecosystem().apps) assert.deepEqual(pm2Config.validateJSON(app).errors, [], app.name);
    assert.notDeepEqual(pm2Config.validateJSON({ name: 'x', script: 'x', kill_timeout: 'soon' }).errors, [], 'the schema check is not a no-op');
  });

  it('starts under a real PM2: the API and every worker answer health checks, and `pm2 kill` stops them', async (t) => {
    const bin = pm2Bin();
    if (!bin) return t.skip(`pm2 is not installed: ${INSTALL_HINT}`);
    // The recipe as shipped, next to this build's output (`dist` -> the build folder).
    const dir = tempDir('trawl-pm2-');
    copyFileSync(join(repoRoot(), 'ecosystem.config.cjs'), join(dir, 'ecosystem.config.cjs'));
    symlinkSync(buildRoot(), join(dir, 'dist'), 'dir');
    const [apiPort, firstWorkerPort] = [await freePort(), await freePort(true)];
    const env = {
      ...process.env, PM2_HOME: join(dir, 'pm2'), REDIS_URL: testRedisUrl(), TRAWL_QUEUE_PREFIX: `{${uniqueName('pm2')}}`, TRAWL_DATA_DIR: join(dir, 'data'),
      PORT: String(apiPort), TRAWL_WORKER_PORT: String(firstWorkerPort), TRAWL_PM2_WORKERS: '2', TRAWL_SHUTDOWN_TIMEOUT_MS: '5000',
    };
    const pm2 = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
    t.after(() => {
      pm2('kill');
      rmSync(dir, { recursive: true, force: true });
    });
    const started = pm2('start', 'ecosystem.config.cjs');
    assert.equal(started.status, 0, started.stdout + started.stderr);
    await waitForOk(`http://127.0.0.1:${apiPort}/health/ready`, 60_000, 'the API under PM2');
    for (const port of [firstWorkerPort, firstWorkerPort + 1]) await waitForOk(`http://127.0.0.1:${port}/health/ready`, 60_000, `the worker on port ${port}`);
    const list = JSON.parse(pm2('jlist').stdout) as { name: string; pid: number; pm2_env: { status: string; exec_mode: string } }[];
    assert.deepEqual(list.map((p) => `${p.name} ${p.pm2_env.status} ${p.pm2_env.exec_mode}`).sort(), [
      'trawl-api online fork_mode', 'trawl-worker online fork_mode', 'trawl-worker online fork_mode',
    ]);
    const killed = pm2('kill');
    assert.equal(killed.status, 0, killed.stderr);
    for (const { pid } of list) assert.throws(() => process.kill(pid, 0), /ESRCH/, `process ${pid} is gone`);
  });
});
