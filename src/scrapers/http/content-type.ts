import { TrawlError } from '../../domain/errors.js';

/**
 * The Content-Type gate of a fetch. Every caller of the fetcher reads text:
 * HTML pages, JSON listings and product endpoints, XML sitemaps, robots.txt.
 * So documents (HTML, XHTML, XML, JSON, JavaScript, any `text/*`) pass, and
 * which document kind suits is the parser's call (it throws NOT_HTML itself).
 * Media and archives (images, audio, video, fonts, PDF, zip...) fail with
 * NOT_HTML before a byte of the body is read. A type that says nothing
 * (none, `application/octet-stream`, an unknown `application/*`) is judged by
 * a sniff of the first decoded bytes: binary fails, text passes.
 */

/** Bytes of the decoded body the sniff looks at. */
export const SNIFF_BYTES = 512;

/** Looks at the first decoded bytes of a body; throws NOT_HTML for binary data. */
export type BodySniffer = (head: Buffer) => void;

const DOCUMENT = /^(?:text\/[\w.+-]+|application\/(?:xhtml\+xml|xml|json|javascript|x-javascript|ecmascript|[\w.-]+\+(?:xml|json)))$/;
const BINARY = /^(?:image|audio|video|font|model)\/|^application\/(?:pdf|zip|gzip|x-gzip|x-tar|x-7z-compressed|x-rar-compressed|x-bzip2?|wasm|java-archive|x-shockwave-flash|msword|vnd\.(?!.*\+(?:xml|json)$)[\w.-]+|x-msdownload|x-executable|x-sharedlib)$|^multipart\//;
/** Bytes no text document starts with: C0 controls other than tab, LF, FF, CR and ESC. */
const CONTROL_BYTES = new Set([...Array(32).keys()].filter((b) => ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(b)));
const SIGNATURES: readonly number[][] = [
  [0x89, 0x50, 0x4e, 0x47], [0x47, 0x49, 0x46, 0x38], [0xff, 0xd8, 0xff], [0x25, 0x50, 0x44, 0x46], [0x50, 0x4b, 0x03, 0x04],
  [0x1f, 0x8b], [0x52, 0x49, 0x46, 0x46], [0x4f, 0x67, 0x67, 0x53], [0x7f, 0x45, 0x4c, 0x46], [0x00, 0x00, 0x01, 0x00],
];

/** The media type of a Content-Type value: lower case, parameters dropped; '' when absent. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Checks a response's Content-Type before its body is read: throws NOT_HTML
 * for media and archives, returns a sniffer for a type that says nothing,
 * undefined for a document type.
 */
export function checkContentType(contentType: string | undefined, url: string): BodySniffer | undefined {
  const type = mediaType(contentType);
  if (DOCUMENT.test(type)) return undefined;
  if (BINARY.test(type)) throw notDocument(url, contentType, `${type} is not a document`);
  return (head) => {
    if (looksBinary(head)) throw notDocument(url, contentType, 'the body is binary data');
  };
}

/** True for a known file signature, or a NUL or other control byte, in the first bytes (a UTF-16 BOM excepted). */
export function looksBinary(head: Buffer): boolean {
  if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe)) return false;
  if (SIGNATURES.some((signature) => signature.every((byte, i) => head[i] === byte))) return true;
  const sample = head.subarray(0, SNIFF_BYTES);
  return sample.some((byte) => CONTROL_BYTES.has(byte));
}

function notDocument(url: string, contentType: string | undefined, why: string): TrawlError {
  return new TrawlError('NOT_HTML', `${url} is not HTML or another document: ${why} (Content-Type "${contentType ?? 'none'}")`, {
    url, contentType: contentType ?? '',
  });
}
