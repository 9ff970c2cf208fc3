import { spawn, type ChildProcess } from 'node:child_process';
import { stopProcess } from '../../../src/bootstrap/child-process.js';

/**
 * One process started with `ip netns exec <ns> ...`. `ip` execs the command
 * after entering the namespace, so `pid` is the command's own pid.
 */
export class NsProcess {
  private tail = '';
  /** How it ended: `code 0`, `signal SIGKILL` or `spawn error`. */
  readonly exited: Promise<string>;
  private readonly child: ChildProcess;

  constructor(readonly name: string, readonly ns: string, command: string, args: string[], options: { env: Record<string, string>; cwd: string }) {
    // Only the given variables: nothing leaks in from the test's own environment.
    this.child = spawn('ip', ['netns', 'exec', ns, command, ...args], { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer): void => {
      this.tail = (this.tail + chunk.toString('utf8')).slice(-12_000);
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => {
        keep(Buffer.from(`\n${name} failed to start: ${error.message}`));
        resolve('spawn error');
      });
      this.child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The tail of its stdout and stderr, for failure messages. */
  output(): string {
    return this.tail;
  }

  /** SIGTERM, then SIGKILL after the grace period. Idempotent. */
  stop(graceMs = 10_000): Promise<void> {
    return stopProcess(this.child, graceMs);
  }
}

/** The processes of one run: started in order, stopped in reverse, and reported together when something fails. */
export class NsProcesses {
  private readonly all: NsProcess[] = [];

  start(name: string, ns: string, command: string, args: string[], options: { env: Record<string, string>; cwd: string }): NsProcess {
    const started = new NsProcess(name, ns, command, args, options);
    this.all.push(started);
    return started;
  }

  /** Resolves with a message when any long-running process exits (they should run until stopped). */
  firstExit(): Promise<string> {
    return Promise.race(this.all.map(async (p) => `${p.name} exited early (${await p.exited})`));
  }

  /** Every process's name, pid, state and output tail. */
  report(): string {
    return this.all.map((p) => `--- ${p.name} (pid ${p.pid}, ${p.running ? 'running' : 'exited'}) ---\n${p.output()}`).join('\n');
  }

  async stopAll(): Promise<void> {
    for (const p of [...this.all].reverse()) await p.stop().catch(() => undefined);
  }
}

/** Runs a command to its end in a namespace; kills it (SIGKILL) after `timeoutMs`. */
export function runIn(ns: string, command: string, args: string[], options: { env: Record<string, string>; cwd: string; timeoutMs: number }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('ip', ['netns', 'exec', ns, command, ...args], { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-12_000)));
    const timer = setTimeout(() => {
      stderr += `\nkilled after ${options.timeoutMs} ms`;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: `${stderr}\n${error.message}` });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
