import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { tempDir, testRedisUrl, uniqueName } from '../support/env.js';
import { buildRoot, freePort, repoFile, repoRoot, waitForOk } from './deploy-files.js';

interface Stage { name: string | undefined; image: string; instructions: Instruction[] }

/** The Dockerfile split into stages, with `FROM ${ARG}` resolved from the ARG defaults before the first FROM. */
function stages(): Stage[] {
  const dockerfile = DockerfileParser.parse(repoFile('Dockerfile'));
  const args = new Map(dockerfile.getInitialARGs().map((arg) => [arg.getProperty()?.getName() ?? '', arg.getProperty()?.getValue() ?? '']));
  const result: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const [image = '', as, name] = instruction.getArguments().map((a) => a.getValue());
      const resolved = image.replace(/^\$\{?(\w+)\}?$/, (_m, arg: string) => args.get(arg) ?? '');
      result.push({ name: as?.toUpperCase() === 'AS' ? name : undefined, image: resolved, instructions: [] });
    } else {
      result.at(-1)?.instructions.push(instruction);
    }
  }
  return result;
}

const finalStage = (): Stage => stages().at(-1) as Stage;
const withKeyword = (stage: Stage, keyword: string): Instruction[] => stage.instructions.filter((i) => i.getKeyword() === keyword);
const words = (instruction: Instruction): string[] => instruction.getArguments().map((a) => a.getValue());

/** ENV of the final stage as the image sets it. */
function imageEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const instruction of withKeyword(finalStage(), 'ENV')) {
    for (const property of (instruction as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties()) env[property.getName()] = property.getValue() ?? '';
  }
  return env;
}

/** The exec-form CMD of the final stage. */
function imageCommand(): string[] {
  const cmd = withKeyword(finalStage(), 'CMD').at(-1);
  assert.ok(cmd, 'the final stage has a CMD');
  return JSON.parse(cmd.getArgumentsContent() ?? '[]') as string[];
}

/** The exec-form command of the final stage's HEALTHCHECK. */
function healthcheckCommand(): string[] {
  const healthcheck = withKeyword(finalStage(), 'HEALTHCHECK').at(-1);
  const match = /\bCMD\s+(\[.*\])\s*$/s.exec((healthcheck?.getArgumentsContent() ?? '').replace(/\\\r?\n/g, ' '));
  assert.ok(match, 'HEALTHCHECK uses the exec form');
  return JSON.parse(match[1] as string) as string[];
}

/** Runs the image's HEALTHCHECK command with the image env and `env` on top; true when it exits 0. */
function healthy(env: Record<string, string | undefined>): boolean {
  const [command, ...args] = healthcheckCommand();
  return spawnSync(command === 'node' ? process.execPath : (command as string), args, { env: { ...imageEnv(), ...env }, timeout: 20_000 }).status === 0;
}

/**
 * Lays out the runtime image's /app from this build: each `COPY --from=build /app/X` comes from
 * the build output (dist/...) or the repository (anything else), `COPY X` from the repository.
 * node_modules is linked, not copied (the production subset of the same install).
 */
function layOutImage(appDir: string): void {
  for (const copy of withKeyword(finalStage(), 'COPY')) {
    const parts = words(copy).filter((w) => !w.startsWith('--'));
    const destination = parts.at(-1) as string;
    for (const source of parts.slice(0, -1)) {
      const inApp = source.replace(/^\/app\//, '');
      const from = inApp.startsWith('dist/') ? join(buildRoot(), inApp.slice('dist/'.length)) : join(repoRoot(), inApp);
      assert.ok(existsSync(from), `COPY ${source}: ${from} exists after the build`);
      const to = destination.endsWith('/') ? join(appDir, destination, inApp.split('/').at(-1) as string) : join(appDir, destination);
      mkdirSync(dirname(to), { recursive: true });
      if (inApp === 'node_modules') symlinkSync(from, to, 'dir');
      else cpSync(from, to, { recursive: true });
    }
  }
}

describe('Dockerfile', () => {
  it('builds in stages from a pinned Node image and runs as a non-root user', () => {
    const all = stages();
    assert.ok(all.length >= 2, 'multi-stage');
    for (const stage of all) {
      assert.match(stage.image, /^node:\d+\.\d+\.\d+-[a-z-]+$|@sha256:/, `FROM ${stage.image} is pinned to a patch release or digest`);
    }
    const users = withKeyword(finalStage(), 'USER');
    assert.ok(users.length > 0, 'the final stage sets USER');
    assert.ok(!['root', '0'].includes(words(users.at(-1) as Instruction)[0] ?? ''), 'the last USER is not root');
  });

  it('installs with `npm ci`, adds nothing from URLs and has a HEALTHCHECK', () => {
    const all = stages();
    const runs = all.flatMap((stage) => withKeyword(stage, 'RUN')).map((run) => run.getArgumentsContent() ?? '');
    assert.ok(runs.some((run) => /\bnpm ci\b/.test(run)), 'dependencies come from the lockfile');
    assert.ok(!runs.some((run) => /\bnpm install\b|\bnpm i\b/.test(run)), 'no `npm install` (it may change the lockfile)');
    assert.ok(!runs.some((run) => /\b(curl|wget)\b/.test(run)), 'nothing is downloaded outside the package managers');
    assert.deepEqual(all.flatMap((stage) => withKeyword(stage, 'ADD')), [], 'COPY, not ADD');
    assert.equal(withKeyword(finalStage(), 'HEALTHCHECK').length, 1);
  });

  it('keeps the build context small: .dockerignore leaves out dependencies, builds, data and git', () => {
    const ignored = repoFile('.dockerignore').split('\n').map((line) => line.trim());
    for (const entry of ['node_modules', 'dist', 'data', '.git', '.cache']) assert.ok(ignored.includes(entry), `.dockerignore lists ${entry}`);
  });

  it('lays out an /app whose API and worker start, serve health and the dashboard, and stop on SIGTERM', async (t) => {
    const root = tempDir('trawl-image-');
    t.after(() => rmSync(root, { recursive: true, force: true }));
    const appDir = join(root, 'app');
    layOutImage(appDir);
    const command = imageCommand();
    assert.deepEqual(command, ['node', 'dist/src/cli/main.js', 'api']);
    const [apiPort, workerPort] = [await freePort(), await freePort()];
    // The image's own ENV, then what a deployment sets: Redis, a private queue prefix, loopback ports.
    const env = {
      ...imageEnv(), PATH: process.env.PATH, REDIS_URL: testRedisUrl(), TRAWL_QUEUE_PREFIX: `{${uniqueName('image')}}`, TRAWL_STORE: 'sqlite',
      TRAWL_DATA_DIR: join(root, 'data'), HOST: '127.0.0.1', PORT: String(apiPort), TRAWL_WORKER_HOST: '127.0.0.1', TRAWL_WORKER_PORT: String(workerPort), LOG_LEVEL: 'warn',
    };
    const children = ['api', 'worker'].map((role) => {
      const child = spawn(process.execPath, [command[1] as string, role], { cwd: appDir, env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
      return { role, child, stderr: () => stderr };
    });
    t.after(() => { for (const { child } of children) if (child.exitCode === null) child.kill('SIGKILL'); });
    try {
      await waitForOk(`http://127.0.0.1:${apiPort}/health/ready`, 60_000, 'the API of the image layout');
      await waitForOk(`http://127.0.0.1:${workerPort}/health/ready`, 60_000, 'the worker of the image layout');
      const dashboard = await fetch(`http://127.0.0.1:${apiPort}/dashboard`);
      assert.equal(dashboard.status, 200, 'the dashboard files copied into the image are found');
      const closed = await freePort();
      assert.ok(healthy({ PORT: String(apiPort), TRAWL_WORKER_PORT: String(closed) }), 'HEALTHCHECK passes in an API container');
      assert.ok(healthy({ PORT: String(closed), TRAWL_WORKER_PORT: String(workerPort) }), 'HEALTHCHECK passes in a worker container');
      assert.ok(!healthy({ PORT: String(closed), TRAWL_WORKER_PORT: String(closed) }), 'HEALTHCHECK fails when nothing answers');
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${children.map((c) => `${c.role} stderr: ${c.stderr()}`).join('\n')}`);
    }
    for (const { child } of children) child.kill('SIGTERM');
    for (const { role, child } of children) {
      const [code] = (child.exitCode === null ? await once(child, 'exit') : [child.exitCode]) as [number | null];
      assert.equal(code, 0, `${role} stopped cleanly on SIGTERM`);
    }
  });
});
