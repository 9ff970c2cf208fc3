import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config/load-config.js';
import { CONFIG_TABLE } from '../../src/config/config.schema.js';
import { INSTALL_HINT, repoRoot, runTool, yamlDocuments } from './deploy-files.js';

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
  stop_grace_period?: string;
  build?: unknown;
}

const SAMPLE_KEYS = 'admin=compose-check-0123456789:write';
const TRAWL_VARS = new Set<string>(Object.values(CONFIG_TABLE).map((entry) => entry.env));
/** Node's own variables a recipe may set besides trawl's. */
const NODE_VARS = new Set(['NODE_OPTIONS']);

function compose(): { services: Record<string, Service> } {
  return yamlDocuments('docker-compose.yml', { merge: true })[0] as { services: Record<string, Service> };
}

/** The environment a service's container gets, with `${VAR:?...}` filled as the operator would. */
function environmentOf(service: Service): Record<string, string> {
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, String(value).startsWith('${TRAWL_API_KEYS') ? SAMPLE_KEYS : String(value)]));
}

function seconds(duration: string | undefined): number {
  const match = /^(\d+)s$/.exec(duration ?? '');
  assert.ok(match, `stop_grace_period "${duration}" is a number of seconds`);
  return Number(match[1]);
}

describe('docker-compose.yml', () => {
  it('passes `docker-compose config` (the Compose schema and interpolation) once TRAWL_API_KEYS is set', (t) => {
    const env = { ...process.env, TRAWL_API_KEYS: SAMPLE_KEYS };
    const ok = runTool('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], { cwd: repoRoot(), env });
    if (ok.missing) return t.skip(`docker-compose is not installed: ${INSTALL_HINT}`);
    assert.equal(ok.status, 0, ok.stderr);
    const { TRAWL_API_KEYS: _unset, ...without } = env;
    const refused = runTool('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], { cwd: repoRoot(), env: without });
    assert.notEqual(refused.status, 0, 'the API cannot start beyond loopback without keys, so Compose refuses early');
    assert.match(refused.stderr, /TRAWL_API_KEYS/);
  });

  it('runs Redis with AOF and without eviction, MongoDB, the API and several workers, all with healthchecks', () => {
    const { services } = compose();
    assert.deepEqual(Object.keys(services).sort(), ['api', 'mongo', 'redis', 'worker']);
    const redisArgs = (services.redis?.command ?? []).join(' ');
    assert.match(redisArgs, /--appendonly yes/);
    assert.match(redisArgs, /--maxmemory-policy noeviction/);
    for (const [name, service] of Object.entries(services)) assert.ok(service.healthcheck?.test.length, `${name} has a healthcheck`);
    assert.ok((services.worker?.deploy?.replicas ?? 0) >= 2, 'the worker service runs replicas');
    assert.deepEqual(services.api?.command?.slice(-1), ['api']);
    assert.deepEqual(services.worker?.command?.slice(-1), ['worker']);
  });

  it('starts the API and workers only once Redis and MongoDB are healthy', () => {
    const { services } = compose();
    for (const name of ['api', 'worker']) {
      assert.deepEqual(services[name]?.depends_on, { redis: { condition: 'service_healthy' }, mongo: { condition: 'service_healthy' } }, name);
    }
  });

  it('gives every trawl container only valid trawl settings, with the Mongo store and the hash-tagged queue prefix', () => {
    const { services } = compose();
    for (const name of ['api', 'worker']) {
      const env = environmentOf(services[name] as Service);
      const unknown = Object.keys(env).filter((key) => !TRAWL_VARS.has(key) && !NODE_VARS.has(key));
      assert.deepEqual(unknown, [], `${name} sets variables trawl does not read`);
      const config = loadConfig(env);
      assert.equal(config.store, 'mongo');
      assert.equal(config.queuePrefix, '{trawl}');
      assert.equal(config.redisUrl, 'redis://redis:6379');
    }
  });

  it('bounds each worker\'s V8 heap so a busy worker does not grow with the host\'s memory', () => {
    const { services } = compose();
    assert.match(environmentOf(services.worker as Service).NODE_OPTIONS ?? '', /^--max-old-space-size=\d{3,5}$/);
  });

  it('probes each worker on its own health port and gives a draining worker time to finish its jobs', () => {
    const { services } = compose();
    const worker = services.worker as Service;
    const config = loadConfig(environmentOf(worker));
    assert.equal(config.workerHost, '0.0.0.0', 'the health server is reachable inside the container');
    assert.ok(worker.healthcheck?.test.join(' ').includes(`127.0.0.1:${config.workerPort}/health/`), 'the healthcheck calls TRAWL_WORKER_PORT');
    for (const name of ['api', 'worker']) {
      const shutdownMs = loadConfig(environmentOf(services[name] as Service)).shutdownTimeoutMs;
      // The process itself gives up TRAWL_SHUTDOWN_TIMEOUT_MS + 5 s after SIGTERM.
      assert.ok(seconds(services[name]?.stop_grace_period) * 1000 > shutdownMs + 5000, `${name}: stop_grace_period exceeds the drain`);
    }
  });

  it('passes yamllint', (t) => {
    const result = runTool('yamllint', ['-c', 'deploy/yamllint.yaml', '--strict', 'docker-compose.yml'], { cwd: repoRoot() });
    if (result.missing) return t.skip(`yamllint is not installed: ${INSTALL_HINT}`);
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });
});
