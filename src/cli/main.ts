#!/usr/bin/env node
import { loadConfig, ConfigError } from '../config/load-config.js';
import { TrawlError } from '../domain/errors.js';
import { checkOptions, COMMAND_OPTIONS, parseArgs, UsageError } from './args.js';
import { runApi, runDemoShop, runUp, runWorker } from './commands.js';
import { runCrawl } from './crawl.command.js';
import { runExtract } from './extract.command.js';
import { HELP, helpFor } from './help.js';
import { runStats } from './stats.command.js';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.command || args.command === 'help' || args.flags.has('help')) {
    const topic = args.command === 'help' ? args.positional[0] : args.command;
    if (topic && !(topic in COMMAND_OPTIONS)) throw new UsageError(`Unknown command "${topic}".\n\n${HELP}`);
    process.stdout.write(`${helpFor(topic)}\n`);
    return;
  }
  if (!(args.command in COMMAND_OPTIONS)) throw new UsageError(`Unknown command "${args.command}".\n\n${HELP}`);
  checkOptions(args, args.command);
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
    case 'crawl':
      return runCrawl(config, args);
    case 'stats':
      return runStats(config, args);
    default:
      throw new UsageError(`Unknown command "${args.command}".\n\n${HELP}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof RangeError || error instanceof UsageError) {
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
  if (error instanceof TrawlError) {
    const field = error.details.field ? ` (${error.details.field})` : '';
    process.stderr.write(`trawl: ${error.code}${field}: ${error.message}\n`);
    process.exitCode = error.details.field !== undefined || error.code === 'PRIVATE_NETWORK_TARGET' ? 2 : 1;
    return;
  }
  process.stderr.write(`trawl failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
