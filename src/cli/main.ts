#!/usr/bin/env node
import { loadConfig, ConfigError } from '../config/load-config.js';
import { parseArgs } from './args.js';
import { HELP, runApi, runDemoShop, runUp, runWorker } from './commands.js';
import { EXTRACT_HELP, runExtract } from './extract.command.js';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.command || args.command === 'help' || args.flags.has('help')) {
    process.stdout.write(`${args.command === 'extract' ? EXTRACT_HELP : HELP}\n`);
    return;
  }
  const config = loadConfig();
  switch (args.command) {
    case 'up':
      return runUp(config, args);
    case 'api':
      return runApi(config);
    case 'worker':
      return runWorker(config);
    case 'demo-shop':
      return runDemoShop(config, args);
    case 'extract':
      return runExtract(config, args);
    default:
      process.stderr.write(`Unknown command "${args.command}".\n\n${HELP}\n`);
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof RangeError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  const code = (error as { code?: unknown; port?: unknown; address?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    const { address, port } = error as { address?: string; port?: number };
    process.stderr.write(`trawl failed to start: ${address ?? ''}:${port ?? ''} is already in use. Stop what is listening there or set PORT (and HOST) to another address.\n`);
    process.exitCode = 1;
    return;
  }
  process.stderr.write(`trawl failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
