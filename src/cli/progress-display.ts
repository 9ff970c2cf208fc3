import { formatDuration, progressBar, progressLine, type ProgressView } from './crawl-format.js';

/** Where progress goes: a redrawn line in a terminal, periodic log lines elsewhere. */
export interface ProgressDisplay {
  update(progress: ProgressView): void;
  /** Prints a note on its own line (not redrawn over). */
  note(message: string): void;
  /** Stops redrawing and leaves the last state on screen. Idempotent. */
  finish(): void;
}

export interface DisplayOptions {
  stream: NodeJS.WriteStream;
  /** Outside a terminal: one line every `intervalMs`. */
  intervalMs: number;
  startedAt?: number;
}

/** TTY: one line redrawn in place (carriage return + erase line) on every event and every second. */
const TTY_TICK_MS = 1000;
const CLEAR_LINE = '\r\x1b[2K';
const BAR_WIDTH = 12;

export function createProgressDisplay(options: DisplayOptions): ProgressDisplay {
  return options.stream.isTTY ? new TerminalDisplay(options) : new LogLineDisplay(options);
}

class TerminalDisplay implements ProgressDisplay {
  private last: ProgressView | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly startedAt: number;
  private finished = false;

  constructor(private readonly options: DisplayOptions) {
    this.startedAt = options.startedAt ?? Date.now();
    this.timer = setInterval(() => this.draw(), TTY_TICK_MS);
    this.timer.unref();
    options.stream.write('\x1b[?25l');
  }

  update(progress: ProgressView): void {
    this.last = progress;
    this.draw();
  }

  note(message: string): void {
    this.options.stream.write(`${CLEAR_LINE}${message}\n`);
    this.draw();
  }

  finish(): void {
    if (this.finished) return;
    this.draw();
    this.finished = true;
    clearInterval(this.timer);
    this.options.stream.write('\n\x1b[?25h');
  }

  private draw(): void {
    if (this.finished) return;
    const elapsed = Date.now() - this.startedAt;
    const text = this.last ? `${progressBar(this.last.percent, BAR_WIDTH)} ${progressLine(this.last, elapsed)}` : `starting... ${formatDuration(elapsed)}`;
    const columns = this.options.stream.columns || 120;
    this.options.stream.write(`${CLEAR_LINE}${[...text].slice(0, Math.max(20, columns - 1)).join('')}`);
  }
}

class LogLineDisplay implements ProgressDisplay {
  private last: ProgressView | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly startedAt: number;
  private finished = false;

  constructor(private readonly options: DisplayOptions) {
    this.startedAt = options.startedAt ?? Date.now();
    this.timer = setInterval(() => this.print(), options.intervalMs);
    this.timer.unref();
  }

  update(progress: ProgressView): void {
    this.last = progress;
  }

  note(message: string): void {
    this.options.stream.write(`${message}\n`);
  }

  finish(): void {
    if (this.finished) return;
    this.print();
    this.finished = true;
    clearInterval(this.timer);
  }

  private print(): void {
    if (this.finished) return;
    const elapsed = Date.now() - this.startedAt;
    const line = this.last ? `${this.last.percent}% ${progressLine(this.last, elapsed)}` : `starting | elapsed ${formatDuration(elapsed)}`;
    this.options.stream.write(`[${new Date().toISOString()}] progress: ${line}\n`);
  }
}
