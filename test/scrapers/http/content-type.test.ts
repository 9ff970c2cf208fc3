import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkContentType, looksBinary, mediaType } from '../../../src/scrapers/http/content-type.js';

const URL_ = 'https://shop.example/p';

describe('checkContentType', () => {
  it('passes documents the callers read (HTML, XHTML, XML, JSON, JavaScript, any text) without a sniff', () => {
    const documents = ['text/html; charset=utf-8', 'application/xhtml+xml', 'application/xml', 'text/xml', 'application/rss+xml',
      'application/json', 'application/ld+json', 'application/vnd.api+json', 'text/javascript', 'application/javascript', 'text/plain', 'TEXT/HTML'];
    for (const type of documents) assert.equal(checkContentType(type, URL_), undefined, type);
  });

  it('fails media, fonts and archives as NOT_HTML before the body is read', () => {
    for (const type of ['image/png', 'image/svg+xml', 'video/mp4', 'audio/mpeg', 'font/woff2', 'application/pdf', 'application/zip', 'application/vnd.ms-excel', 'multipart/byteranges']) {
      assert.throws(() => checkContentType(type, URL_), (e: { code?: string; retryable?: boolean; details?: { url?: string } }) =>
        e.code === 'NOT_HTML' && e.retryable === false && e.details?.url === URL_, type);
    }
  });

  it('sniffs a type that says nothing: binary fails, text passes', () => {
    for (const type of [undefined, '', 'application/octet-stream', 'application/x-unknown', 'garbage']) {
      const sniff = checkContentType(type, URL_);
      assert.ok(sniff, String(type));
      assert.doesNotThrow(() => sniff(Buffer.from('<!doctype html><title>ok</title>')));
      assert.throws(() => sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), { code: 'NOT_HTML' });
    }
  });

  it('reads file signatures and control bytes as binary, UTF-16 with a BOM as text', () => {
    assert.equal(looksBinary(Buffer.from('%PDF-1.7')), true);
    assert.equal(looksBinary(Buffer.from([0x1f, 0x8b, 0x08, 0x00])), true);
    assert.equal(looksBinary(Buffer.from('abc\u0000def')), true);
    assert.equal(looksBinary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html>', 'utf16le')])), false);
    assert.equal(looksBinary(Buffer.from('Grüße\tand\r\nnew lines')), false);
  });

  it('takes the media type without parameters, lower-cased', () => {
    assert.equal(mediaType('Text/HTML ; charset=UTF-8'), 'text/html');
    assert.equal(mediaType(undefined), '');
  });
});
