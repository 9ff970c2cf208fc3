import assert from 'node:assert/strict';
import { request, type IncomingHttpHeaders } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { REFUSED_HEADER, startPolicyProxy, type PolicyProxy } from '../../../src/scrapers/browser/policy-proxy.js';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.js';
import { html } from './browser-test-support.js';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Sends one request to the proxy: absolute-form for GET, authority-form for CONNECT. */
function viaProxy(proxy: PolicyProxy, method: 'GET' | 'CONNECT', target: string): Promise<Answer> {
  const { hostname, port } = new URL(proxy.server);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path: target });
    req.on('connect', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('policy proxy', () => {
  let allowed: FixtureServer;
  let other: FixtureServer;
  let proxy: PolicyProxy;

  before(async () => {
    allowed = await startFixtureServer((_req, res) => html(res, '<h1>allowed</h1>', 200, { 'x-origin': 'allowed' }));
    other = await startFixtureServer((_req, res) => html(res, 'internal'));
    proxy = await startPolicyProxy({ allowPrivateNetwork: false, allowedPrivateHosts: [`127.0.0.1:${allowed.port}`] });
  });

  after(async () => {
    await proxy.close();
    await proxy.close();
    await allowed.close();
    await other.close();
  });

  it('forwards plain HTTP to an allowlisted host:port with its headers', async () => {
    const answer = await viaProxy(proxy, 'GET', `${allowed.origin}/page`);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['x-origin'], 'allowed');
    assert.equal(answer.body, '<h1>allowed</h1>');
  });

  it('refuses HTTP and CONNECT to private targets with 403 and the refusal header, never reaching them', async () => {
    const before = proxy.refused;
    for (const target of [`${other.origin}/`, 'http://169.254.169.254/latest/meta-data/', `http://localhost:${allowed.port}/`]) {
      const answer = await viaProxy(proxy, 'GET', target);
      assert.equal(answer.status, 403, target);
      assert.equal(answer.headers[REFUSED_HEADER], 'PRIVATE_NETWORK_TARGET');
    }
    const tunnel = await viaProxy(proxy, 'CONNECT', `127.0.0.1:${other.port}`);
    assert.equal(tunnel.status, 403);
    assert.equal(tunnel.headers[REFUSED_HEADER], 'PRIVATE_NETWORK_TARGET');
    assert.equal(other.requests.length, 0);
    assert.equal(proxy.refused - before, 4);
  });

  it('opens a CONNECT tunnel to an allowlisted host:port', async () => {
    const tunnel = await viaProxy(proxy, 'CONNECT', `127.0.0.1:${allowed.port}`);
    assert.equal(tunnel.status, 200);
  });

  it('answers 400 to a request that is not in absolute form', async () => {
    const answer = await viaProxy(proxy, 'GET', '/relative');
    assert.equal(answer.status, 400);
  });
});
