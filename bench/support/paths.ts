import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Root of the compiled tree this file runs from (`dist/`, or any --outDir). */
export const BUILD_ROOT = join(here, '..', '..');

/** The compiled `trawl` CLI next to the benchmarks. */
export const TRAWL_CLI = join(BUILD_ROOT, 'src', 'cli', 'main.js');

/** The repository root: the nearest folder above the build with a package.json. */
export function repoRoot(): string {
  let dir = BUILD_ROOT;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
