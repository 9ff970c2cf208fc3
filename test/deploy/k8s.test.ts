import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import { CONFIG_TABLE } from '../../src/config/config.schema.js';
import { apiKeyList } from '../../src/config/sections/api-security.config.js';
import { INSTALL_HINT, repoRoot, runTool, yamlDocuments } from './deploy-files.js';

const K8S = 'deploy/k8s';

interface Manifest { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> }; [key: string]: unknown }
interface Container {
  name: string; args?: string[]; ports?: { name?: string; containerPort: number }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[]; env?: { name: string; value?: string }[];
  readinessProbe?: { httpGet?: { path: string; port: string | number } }; livenessProbe?: { httpGet?: { path: string; port: string | number } };
  lifecycle?: { preStop?: unknown };
}
interface PodTemplate { metadata: { labels: Record<string, string> }; spec: { containers: Container[]; terminationGracePeriodSeconds?: number; securityContext?: { runAsNonRoot?: boolean; runAsUser?: number } } }
interface Workload extends Manifest { spec: { replicas?: number; selector: { matchLabels: Record<string, string> }; template: PodTemplate } }

function manifestFiles(): string[] {
  return readdirSync(join(repoRoot(), K8S)).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml').sort();
}

function manifests(): { file: string; doc: Manifest }[] {
  return manifestFiles().flatMap((file) => yamlDocuments(`${K8S}/${file}`).map((doc) => ({ file, doc: doc as Manifest })));
}

function find<T extends Manifest>(kind: string, name: string): T {
  const found = manifests().find(({ doc }) => doc.kind === kind && doc.metadata.name === name);
  assert.ok(found, `${kind} ${name} is in ${K8S}`);
  return found.doc as T;
}

/** The environment a pod gets from trawl-config and trawl-secrets (stringData, as written). */
function podEnvironment(container: Container): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, (find(`ConfigMap`, source.configMapRef.name) as unknown as { data: Record<string, string> }).data);
    if (source.secretRef) Object.assign(env, (find('Secret', source.secretRef.name) as unknown as { stringData: Record<string, string> }).stringData);
  }
  for (const item of container.env ?? []) env[item.name] = item.value ?? '';
  return env;
}

/** The model class that validates one object against the Kubernetes (or KEDA) OpenAPI schema. */
async function modelFor(apiVersion: string, kind: string): Promise<new (data: unknown) => { validate(): void }> {
  const specifier = apiVersion.startsWith('keda.sh/') ? `@kubernetes-models/keda/${apiVersion}/${kind}` : `kubernetes-models/${apiVersion}/${kind}`;
  const module = (await import(specifier)) as Record<string, new (data: unknown) => { validate(): void }>;
  const model = module[kind];
  assert.ok(model, `a schema for ${apiVersion} ${kind}`);
  return model;
}

function portNumber(container: Container, port: string | number | undefined): number | undefined {
  return typeof port === 'number' ? port : container.ports?.find((p) => p.name === port)?.containerPort;
}

describe('Kubernetes manifests in deploy/k8s', () => {
  it('lists every manifest file in kustomization.yaml, and only those', () => {
    const kustomization = yamlDocuments(`${K8S}/kustomization.yaml`)[0] as { resources: string[]; namespace: string };
    assert.deepEqual([...kustomization.resources].sort(), manifestFiles());
    assert.equal(kustomization.namespace, find('Namespace', 'trawl').metadata.name);
  });

  it('validates every object against the Kubernetes and KEDA OpenAPI schemas', async () => {
    const all = manifests();
    assert.ok(all.length >= 10);
    for (const { file, doc } of all) {
      const Model = await modelFor(doc.apiVersion, doc.kind);
      try {
        new Model(doc).validate();
      } catch (error) {
        assert.fail(`${file} ${doc.kind} ${doc.metadata.name}: ${(error as Error).message}`);
      }
    }
  });

  it('catches an invalid object (the schema check is not a no-op)', async () => {
    const worker = find<Workload>('Deployment', 'trawl-worker');
    const Model = await modelFor(worker.apiVersion, worker.kind);
    const broken = structuredClone(worker);
    (broken.spec as { replicas: unknown }).replicas = 'three';
    assert.throws(() => new Model(broken).validate(), /replicas/);
  });

  it('gives the pods only valid trawl settings: Mongo store, hash-tagged prefix, keys that parse', () => {
    const known = new Set<string>(Object.values(CONFIG_TABLE).map((entry) => entry.env));
    for (const name of ['trawl-api', 'trawl-worker']) {
      const container = find<Workload>('Deployment', name).spec.template.spec.containers[0] as Container;
      const env = podEnvironment(container);
      assert.deepEqual(Object.keys(env).filter((key) => !known.has(key) && key !== 'NODE_OPTIONS'), [], `${name} gets only variables trawl (or Node) reads`);
      const config = loadConfig(env);
      assert.equal(config.store, 'mongo');
      assert.equal(config.queuePrefix, '{trawl}');
      assert.ok(config.redisUrl, `${name} has REDIS_URL`);
      assert.ok(config.apiKeys.length > 0, 'keys are set (the API refuses to listen beyond loopback without)');
    }
  });

  it('bounds the worker\'s V8 heap well inside its memory limit', () => {
    const container = find<Workload>('Deployment', 'trawl-worker').spec.template.spec.containers[0] as Container;
    const heapMb = Number(/^--max-old-space-size=(\d+)$/.exec(podEnvironment(container).NODE_OPTIONS ?? '')?.[1]);
    assert.ok(heapMb > 0, 'NODE_OPTIONS sets --max-old-space-size');
    const limit = (container as unknown as { resources: { limits: { memory: string } } }).resources.limits.memory;
    assert.ok(heapMb * 2 <= mebibytes(limit), `heap ${heapMb} MB leaves room for Chromium within ${limit}`);
  });

  it('runs every pod as a non-root user', () => {
    for (const { doc } of manifests().filter(({ doc }) => ['Deployment', 'StatefulSet'].includes(doc.kind))) {
      const security = (doc as Workload).spec.template.spec.securityContext;
      assert.equal(security?.runAsNonRoot, true, `${doc.metadata.name} runs as non-root`);
      assert.ok((security?.runAsUser ?? 0) > 0, `${doc.metadata.name} names a non-root uid`);
    }
  });

  it('probes the worker on its health port and lets it drain longer than the shutdown timeout', () => {
    const worker = find<Workload>('Deployment', 'trawl-worker');
    const container = worker.spec.template.spec.containers[0] as Container;
    assert.deepEqual(container.args?.slice(-1), ['worker']);
    const config = loadConfig(podEnvironment(container));
    assert.equal(config.workerHost, '0.0.0.0', 'kubelet reaches the health server');
    assert.equal(container.readinessProbe?.httpGet?.path, '/health/ready');
    assert.equal(container.livenessProbe?.httpGet?.path, '/health/live');
    for (const probe of [container.readinessProbe, container.livenessProbe]) assert.equal(portNumber(container, probe?.httpGet?.port), config.workerPort);
    // trawl itself stops TRAWL_SHUTDOWN_TIMEOUT_MS + 5 s after SIGTERM.
    assert.ok((worker.spec.template.spec.terminationGracePeriodSeconds ?? 30) * 1000 > config.shutdownTimeoutMs + 5000);
  });

  it('serves the API through a Service and keeps one pod through disruptions', () => {
    const api = find<Workload>('Deployment', 'trawl-api');
    const container = api.spec.template.spec.containers[0] as Container;
    const config = loadConfig(podEnvironment(container));
    assert.equal(config.host, '0.0.0.0');
    assert.equal(portNumber(container, container.readinessProbe?.httpGet?.port), config.port);
    assert.ok(container.lifecycle?.preStop, 'a preStop pause lets endpoints drop the pod first');
    assert.ok((api.spec.template.spec.terminationGracePeriodSeconds ?? 30) * 1000 > config.shutdownTimeoutMs + 5000);
    const labels = api.spec.template.metadata.labels;
    const matches = (selector: Record<string, string>) => Object.entries(selector).every(([key, value]) => labels[key] === value);
    const service = find<Manifest & { spec: { selector: Record<string, string>; ports: { port: number }[] } }>('Service', 'trawl-api');
    assert.ok(matches(service.spec.selector), 'the Service selects the API pods');
    const pdb = find<Manifest & { spec: { minAvailable: number; selector: { matchLabels: Record<string, string> } } }>('PodDisruptionBudget', 'trawl-api');
    assert.ok(matches(pdb.spec.selector.matchLabels), 'the PDB covers the API pods');
    assert.ok(pdb.spec.minAvailable < (api.spec.replicas ?? 1), 'the PDB leaves room for one disruption');
  });

  it('scales the worker Deployment with KEDA on the API\'s count of waiting jobs, with a read key that exists', () => {
    const scaled = find<Manifest & { spec: { scaleTargetRef: { name: string }; minReplicaCount: number; triggers: { type: string; metadata: Record<string, string>; authenticationRef?: { name: string } }[] } }>('ScaledObject', 'trawl-worker');
    assert.equal(scaled.spec.scaleTargetRef.name, find<Workload>('Deployment', 'trawl-worker').metadata.name);
    assert.ok(scaled.spec.minReplicaCount >= 1, 'one worker stays for delayed jobs and the reconciler');
    const [trigger] = scaled.spec.triggers;
    assert.equal(trigger?.type, 'metrics-api');
    const url = new URL(trigger.metadata.url ?? '');
    const service = find<Manifest & { spec: { ports: { port: number }[] } }>('Service', 'trawl-api');
    assert.equal(url.hostname.split('.')[0], service.metadata.name);
    assert.equal(Number(url.port), service.spec.ports[0]?.port);
    assert.equal(url.pathname, '/api/queue/stats');
    assert.ok(Number(trigger.metadata.targetValue) > 0);
    const auth = find<Manifest & { spec: { secretTargetRef: { parameter: string; name: string; key: string }[] } }>('TriggerAuthentication', trigger.authenticationRef?.name ?? '');
    const ref = auth.spec.secretTargetRef.find((r) => r.parameter === 'apiKey');
    assert.ok(ref);
    const key = (find('Secret', ref.name) as unknown as { stringData: Record<string, string> }).stringData[ref.key];
    const keys = apiKeyList.parse((find('Secret', 'trawl-secrets') as unknown as { stringData: Record<string, string> }).stringData.TRAWL_API_KEYS);
    assert.equal(keys.find((entry) => entry.key === key)?.role, 'read', 'the scaler presents a configured read key');
  });

  it('passes yamllint', (t) => {
    const result = runTool('yamllint', ['-c', 'deploy/yamllint.yaml', '--strict', K8S], { cwd: repoRoot() });
    if (result.missing) return t.skip(`yamllint is not installed: ${INSTALL_HINT}`);
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });
});

/** `2Gi` / `512Mi` in MiB. */
function mebibytes(quantity: string): number {
  const match = /^(\d+)(Mi|Gi)$/.exec(quantity);
  if (!match) throw new Error(`unexpected memory quantity ${quantity}`);
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
}
