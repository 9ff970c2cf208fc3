import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cliEnv, runCli } from './support/trawl-cli.js';

describe('trawl worker on a machine where its health address cannot be used', () => {
  it('exits 2 naming TRAWL_WORKER_HOST when the address is not one of this machine', async () => {
    // 192.0.2.1 (TEST-NET-1) is never assigned to a local interface: listening there fails with EADDRNOTAVAIL.
    const run = await runCli(['worker'], cliEnv({ TRAWL_WORKER_HOST: '192.0.2.1', TRAWL_WORKER_PORT: '0' }));
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /INVALID_INPUT \(TRAWL_WORKER_HOST\): the worker cannot listen on 192\.0\.2\.1:0 \(EADDRNOTAVAIL\)/);
  });
});
