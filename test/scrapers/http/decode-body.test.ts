import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { charsetFromContentType, decodeBody, sniffDocumentCharset } from '../../../src/scrapers/http/decode-body.js';
import { parseRetryAfter } from '../../../src/scrapers/http/http-status.js';
import { encodeLegacy } from '../support/legacy-encode.js';

describe('decodeBody', () => {
  it('prefers a UTF-8 BOM over the Content-Type charset', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Привет')]);
    assert.deepEqual(decodeBody(bytes, 'text/html; charset=windows-1251'), { text: 'Привет', charset: 'utf-8' });
  });

  it('decodes UTF-16BE with its BOM', () => {
    const bytes = Buffer.from([0xfe, 0xff, 0x00, 0x48, 0x00, 0xe9]);
    assert.deepEqual(decodeBody(bytes, 'text/html'), { text: 'Hé', charset: 'utf-16be' });
  });

  it('prefers the Content-Type charset over a meta charset', () => {
    const bytes = encodeLegacy('<meta charset="shift_jis"><p>Привет</p>', 'windows-1251');
    assert.equal(decodeBody(bytes, 'text/html; charset="windows-1251"').charset, 'windows-1251');
  });

  it('reads <meta http-equiv=Content-Type> when the header has no charset', () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>中文页面</body></html>';
    const decoded = decodeBody(encodeLegacy(html, 'gb18030'), 'text/html');
    assert.equal(decoded.charset, 'gbk');
    assert.match(decoded.text, /中文页面/);
  });

  it('reads an XML declaration encoding', () => {
    assert.equal(sniffDocumentCharset(Buffer.from('<?xml version="1.0" encoding="ISO-8859-2"?><html/>')), 'ISO-8859-2');
  });

  it('treats a declared UTF-16 without BOM as UTF-8 and ignores meta tags past 4 KB', () => {
    assert.equal(sniffDocumentCharset(Buffer.from('<meta charset="utf-16">')), 'utf-8');
    assert.equal(sniffDocumentCharset(Buffer.from(`${' '.repeat(5000)}<meta charset="windows-1251">`)), undefined);
  });

  it('ignores a meta charset inside a comment', () => {
    assert.equal(sniffDocumentCharset(Buffer.from('<!-- <meta charset="koi8-r"> --><meta charset="iso-8859-5">')), 'iso-8859-5');
  });

  it('defaults to UTF-8, also for an unknown label', () => {
    assert.equal(decodeBody(Buffer.from('{"a":1}'), 'application/json').charset, 'utf-8');
    assert.equal(decodeBody(Buffer.from('ä'), 'text/html; charset=klingon').text, 'ä');
  });

  it('parses the charset parameter, quoted or not', () => {
    assert.equal(charsetFromContentType('text/html;charset=UTF-8'), 'UTF-8');
    assert.equal(charsetFromContentType('text/html; charset="Shift_JIS"; foo=bar'), 'Shift_JIS');
    assert.equal(charsetFromContentType('text/html'), undefined);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta seconds and HTTP dates, never negative', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('120', now), 120);
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:01:30 GMT', now), 90);
    assert.equal(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });
});
