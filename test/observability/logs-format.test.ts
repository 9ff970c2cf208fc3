import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from '../../src/observability/logger.js';
import { runWithLogContext } from '../../src/observability/log-context.js';

function capture(isTTY = false) {
  const lines: string[] = [];
  let pending = '';
  return {
    isTTY,
    write(chunk: string) {
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop()!;
      lines.push(...parts);
    },
    lines,
  };
}

describe('log formats', () => {
  it('writes one JSON object per record with level, time, name, message and every binding', () => {
    const out = capture();
    const logger = createLogger({ level: 'info', name: 'trawl-worker', format: 'json', destination: out });
    logger.child({ jobId: 'j-1', campaignId: 'c-9' }).warn({ attempt: 2 }, 'job attempt failed, will retry');
    logger.debug({}, 'below the level');
    assert.equal(out.lines.length, 1);
    const record = JSON.parse(out.lines[0]!) as Record<string, unknown>;
    assert.equal(record.level, 40);
    assert.equal(typeof record.time, 'number');
    assert.equal(record.name, 'trawl-worker');
    assert.equal(record.msg, 'job attempt failed, will retry');
    assert.deepEqual([record.jobId, record.campaignId, record.attempt], ['j-1', 'c-9', 2]);
  });

  it('writes one human line per record: time, level, name, message, then key=value bindings', () => {
    const out = capture();
    const logger = createLogger({ level: 'debug', name: 'trawl-api', format: 'pretty', destination: out });
    logger.child({ requestId: 'req-12345678' }).error({ err: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), path: '/graphql' }, 'unexpected HTTP error');
    logger.info({ note: 'two words' }, 'started');
    assert.equal(out.lines.length, 2);
    assert.match(out.lines[0]!, /^\d\d:\d\d:\d\d\.\d{3} ERROR trawl-api: unexpected HTTP error requestId=req-12345678 err="Error ECONNRESET: socket hang up" path=\/graphql$/);
    assert.match(out.lines[1]!, /^\d\d:\d\d:\d\d\.\d{3} INFO  trawl-api: started note="two words"$/);
    assert.ok(!out.lines.join('\n').includes('\u001b['), 'no colours off a terminal');
  });

  it('picks pretty with colours on a terminal and JSON elsewhere when the format is auto', () => {
    const terminal = capture(true);
    createLogger({ level: 'info', name: 't', format: 'auto', destination: terminal }).info({}, 'hello');
    assert.match(terminal.lines[0]!, /\u001b\[32mINFO \u001b\[0m t: hello$/);
    const pipe = capture(false);
    createLogger({ level: 'info', name: 't', format: 'auto', destination: pipe }).info({}, 'hello');
    assert.equal(JSON.parse(pipe.lines[0]!).msg, 'hello');
  });

  it('adds the log context to every record inside it, once, without overriding what a record or logger binds itself', async () => {
    const out = capture();
    const logger = createLogger({ level: 'info', name: 't', format: 'json', destination: out });
    const job = logger.child({ jobId: 'j-1' });
    await runWithLogContext({ jobId: 'j-1', domain: 'shop.test', campaignId: undefined }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.info({}, 'deep inside a service');
      job.info({}, 'from the job logger');
      logger.info({ domain: 'other.test' }, 'a record naming its own domain');
    });
    logger.info({}, 'outside');
    const records = out.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(records.map((r) => [r.jobId, r.domain]), [['j-1', 'shop.test'], ['j-1', 'shop.test'], ['j-1', 'other.test'], [undefined, undefined]]);
    assert.ok(out.lines.every((line) => (line.match(/"jobId"/g) ?? []).length <= 1), out.lines.join('\n'));
    assert.ok(records.every((r) => !('campaignId' in r)));
  });
});
