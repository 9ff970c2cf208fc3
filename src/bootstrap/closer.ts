import type { Logger } from '../domain/ports/logger.port.js';

/**
 * Runs cleanups in the reverse order they were registered, every one of them
 * even when one fails. `close()` is idempotent.
 */
export class Closer {
  private readonly steps: { name: string; run: () => Promise<void> | void }[] = [];
  private closing: Promise<void> | undefined;

  constructor(private readonly logger: Logger) {}

  add(name: string, run: () => Promise<void> | void): void {
    this.steps.push({ name, run });
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const step of [...this.steps].reverse()) {
        try {
          await step.run();
        } catch (error) {
          this.logger.error({ err: error, step: step.name }, 'cleanup step failed');
        }
      }
    })();
    return this.closing;
  }
}
