import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Measurement } from './suite.js';

export interface ResultRow extends Measurement {
  suite: string;
}

export interface MachineInfo {
  node: string;
  cpu: string;
  cores: number;
  platform: string;
  arch: string;
  memoryGb: number;
  /** 1-minute load average when the run started: above `cores`, other work skewed the numbers. */
  loadAverage: number;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  quick: boolean;
  suites: string[];
  machine: MachineInfo;
  results: ResultRow[];
  /** Raw data per suite (series, breakdowns, options used), next to the rows. */
  extras: Record<string, Record<string, unknown>>;
  /** Wall time of each suite, setup and cleanup included. */
  suiteSeconds: Record<string, number>;
  failures: { suite: string; error: string }[];
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    node: process.version,
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    platform: process.platform,
    arch: process.arch,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

/** Three significant digits for small numbers, whole numbers with separators for large ones. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

/** The results table, with a machine line above it. */
export function renderTable(report: BenchReport): string {
  const { machine } = report;
  const header = `node ${machine.node} | ${machine.cpu} | ${machine.cores} cores | ${machine.platform}-${machine.arch} | ${machine.memoryGb} GB` +
    ` | load ${machine.loadAverage}${machine.loadAverage > machine.cores ? ' (busy machine: numbers are pessimistic)' : ''}` +
    (report.quick ? ' | --quick' : '');
  const rows = [['suite', 'metric', 'value', 'unit'], ...report.results.map((r) => [r.suite, r.metric, formatValue(r.value), r.unit])];
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]): string =>
    row.map((cell, column) => (column === 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const failures = report.failures.map((f) => `FAILED ${f.suite}: ${f.error}`);
  return [header, '', line(rows[0]!), rule, ...rows.slice(1).map(line), ...(failures.length ? ['', ...failures] : [])].join('\n');
}

/** Writes `<dir>/<timestamp>.json` and `<dir>/latest.json`; returns the timestamped path. */
export async function writeReport(dir: string, report: BenchReport): Promise<string> {
  await mkdir(dir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const file = join(dir, `${report.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, json);
  await writeFile(join(dir, 'latest.json'), json);
  return file;
}
