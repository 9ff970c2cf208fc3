import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TargetPolicy } from '../../src/domain/url.js';
import { refusedByPolicy } from '../../src/scrapers/browser/request-guard.js';

describe('browser request guard target policy', () => {
  it('applies allow-listed CIDR ranges to browser requests and WebSockets', () => {
    const policy: TargetPolicy = { allowPrivateNetwork: false, allowedPrivateHosts: ['10.0.0.0/8', 'fd00::/8'] };
    assert.equal(refusedByPolicy('http://10.1.2.3/app.js', policy), false);
    assert.equal(refusedByPolicy('wss://[fd00::5]/socket', policy), false);
    assert.equal(refusedByPolicy('http://192.168.0.1/', policy), true);
    assert.equal(refusedByPolicy('ws://0x7f.1:9222/devtools', policy), true);
  });

  it('refuses cloud metadata even when private targets are allowed', () => {
    const open: TargetPolicy = { allowPrivateNetwork: true, allowedPrivateHosts: [] };
    assert.equal(refusedByPolicy('http://127.0.0.1:3000/', open), false);
    assert.equal(refusedByPolicy('http://169.254.169.254/latest/meta-data/', open), true);
    assert.equal(refusedByPolicy('http://metadata.google.internal/computeMetadata/v1/', open), true);
  });

  it('leaves other schemes to the browser', () => {
    assert.equal(refusedByPolicy('data:text/html,<p>x</p>', { allowPrivateNetwork: false, allowedPrivateHosts: [] }), false);
  });
});
