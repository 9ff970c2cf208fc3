import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Step {
  name: string;
  run: () => unknown;
}

/**
 * What a suite started, undone in reverse order. `run()` attempts every step
 * even when one fails, and is idempotent: the runner calls it after the suite
 * (success or failure) and again from its signal handler.
 */
export class Cleanup {
  private readonly steps: Step[] = [];
  private running: Promise<string[]> | undefined;

  /** Registers a step; steps run last-added first. */
  add(name: string, run: () => unknown): void {
    this.steps.push({ name, run });
  }

  /** Runs every step; resolves with one message per failed step. */
  run(): Promise<string[]> {
    this.running ??= this.runSteps();
    return this.running;
  }

  private async runSteps(): Promise<string[]> {
    const failures: string[] = [];
    for (const step of this.steps.reverse()) {
      try {
        await step.run();
      } catch (error) {
        failures.push(`${step.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.steps.length = 0;
    return failures;
  }
}

/** A fresh directory under the OS temp dir, removed by the cleanup. */
export async function tempDir(cleanup: Cleanup, prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `trawl-bench-${prefix}-`));
  cleanup.add(`remove ${dir}`, () => rm(dir, { recursive: true, force: true, maxRetries: 3 }));
  return dir;
}
