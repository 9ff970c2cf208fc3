import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where promtool is, or why the check cannot run (absent and not root: setup.sh installs it as root). */
export function promtoolStatus(): Promise<{ path: string } | { skip: string }> {
  return new Promise((resolve) => {
    execFile('promtool', ['--version'], (error) => {
      if (!error) resolve({ path: 'promtool' });
      else if (process.getuid?.() === 0) resolve({ path: 'promtool' });
      else resolve({ skip: 'promtool is not installed (Debian package prometheus; scripts/setup.sh installs it as root)' });
    });
  });
}

/** Runs `promtool check metrics` on an exposition text; resolves with its output, rejects with its problems. */
export function promtoolCheck(text: string): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'trawl-metrics-')), 'metrics.txt');
  writeFileSync(file, text);
  return new Promise((resolve, reject) => {
    const child = execFile('sh', ['-c', `promtool check metrics < "${file}"`], (error, stdout, stderr) => {
      if (error) reject(new Error(`promtool check metrics failed:\n${stdout}${stderr}`));
      else resolve(`${stdout}${stderr}`);
    });
    child.stdin?.end();
  });
}

/** Metric family names in an exposition text (from its # TYPE lines). */
export function metricNames(text: string): Set<string> {
  return new Set([...text.matchAll(/^# TYPE (\S+) \S+$/gm)].map((m) => m[1]!));
}

/** The value of the first sample of `name` whose labels contain every `labels` pair. */
export function sampleValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

/** Reads a /metrics endpoint. */
export async function scrape(url: string): Promise<string> {
  const response = await fetch(`${url}/metrics`);
  if (response.status !== 200) throw new Error(`GET ${url}/metrics answered ${response.status}`);
  return response.text();
}
