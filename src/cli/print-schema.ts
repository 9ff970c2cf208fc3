#!/usr/bin/env node
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { trawlSchemaSdl } from '../resolvers/schema-sdl.js';

/** `npm run schema`: writes the GraphQL SDL to schema.graphql (or the path given), the API's published contract. */
async function main(): Promise<void> {
  const target = resolve(process.argv[2] ?? 'schema.graphql');
  await writeFile(target, await trawlSchemaSdl(), 'utf8');
  process.stdout.write(`wrote ${target}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`schema generation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
