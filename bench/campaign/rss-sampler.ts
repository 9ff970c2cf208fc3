import { readFile } from 'node:fs/promises';

/** One reading of a process's memory, from /proc/<pid>/status. */
export interface RssSample {
  /** Milliseconds since the sampler started. */
  atMs: number;
  rssMb: number;
  /** CPU time (user + system) the process has used so far, in ms. */
  cpuMs: number;
}

export interface ProcessMemory {
  name: string;
  pid: number;
  samples: RssSample[];
  /** Largest sampled VmRSS. */
  peakRssMb: number;
  /** VmHWM (the kernel's own peak RSS) at the last reading. */
  hwmMb: number;
}

const MB = 1024;

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** VmRSS and VmHWM in MB and CPU time used in ms, or undefined when the process is gone. */
export async function readMemory(pid: number): Promise<{ rssMb: number; hwmMb: number; cpuMs: number } | undefined> {
  try {
    const [status, stat] = await Promise.all([readFile(`/proc/${pid}/status`, 'utf8'), readFile(`/proc/${pid}/stat`, 'utf8')]);
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
    return { rssMb: kb('VmRSS') / MB, hwmMb: kb('VmHWM') / MB, cpuMs };
  } catch {
    return undefined;
  }
}

/**
 * Samples the resident memory of named processes every `intervalMs` (the
 * bench's own process included, if added). `mark()` notes a moment (e.g.
 * "campaign started") so series can be read at start, middle and end.
 */
export class RssSampler {
  private readonly processes = new Map<number, ProcessMemory>();
  private readonly started = Date.now();
  private timer: NodeJS.Timeout | undefined;
  private sampling: Promise<void> | undefined;

  constructor(private readonly intervalMs: number) {}

  add(name: string, pid: number | undefined): void {
    if (pid === undefined) throw new Error(`no pid for ${name}`);
    this.processes.set(pid, { name, pid, samples: [], peakRssMb: 0, hwmMb: 0 });
  }

  start(): void {
    this.timer ??= setInterval(() => void (this.sampling ??= this.sample().finally(() => (this.sampling = undefined))), this.intervalMs);
    this.timer.unref();
  }

  /** Milliseconds since the sampler started (the time base of the samples). */
  now(): number {
    return Date.now() - this.started;
  }

  /** Takes a last reading and stops; idempotent. */
  async stop(): Promise<ProcessMemory[]> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.sampling;
    await this.sample();
    return [...this.processes.values()];
  }

  async sample(): Promise<void> {
    const atMs = this.now();
    await Promise.all([...this.processes.values()].map(async (memory) => {
      const reading = await readMemory(memory.pid);
      if (!reading) return;
      memory.samples.push({ atMs, rssMb: round(reading.rssMb), cpuMs: reading.cpuMs });
      memory.peakRssMb = Math.max(memory.peakRssMb, round(reading.rssMb));
      memory.hwmMb = round(reading.hwmMb);
    }));
  }
}

/** The sample nearest to `atMs` (undefined for an empty series). */
export function sampleAt(samples: readonly RssSample[], atMs: number): RssSample | undefined {
  let best: RssSample | undefined;
  for (const sample of samples) if (!best || Math.abs(sample.atMs - atMs) < Math.abs(best.atMs - atMs)) best = sample;
  return best;
}

const round = (mb: number): number => Math.round(mb * 10) / 10;
