/**
 * Body bytes to text, choosing the charset the way browsers do (simplified):
 * a byte-order mark first, then the Content-Type charset, then a
 * `<meta charset>` / `<meta http-equiv="Content-Type">` (or an XML declaration)
 * in the first 4 KB, else UTF-8. Labels are resolved by TextDecoder (WHATWG
 * Encoding), so "iso-8859-1" decodes as windows-1252 and an unknown label
 * falls back to UTF-8.
 */

export interface DecodedBody {
  text: string;
  /** The WHATWG name of the encoding used (`utf-8`, `windows-1251`, `shift_jis`, ...). */
  charset: string;
}

const PRESCAN_BYTES = 4096;

export function decodeBody(bytes: Uint8Array, contentType: string): DecodedBody {
  const label = bomCharset(bytes) ?? charsetFromContentType(contentType) ?? sniffDocumentCharset(bytes) ?? 'utf-8';
  const decoder = decoderFor(label);
  return { text: decoder.decode(bytes), charset: decoder.encoding };
}

function decoderFor(label: string): TextDecoder {
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder('utf-8');
  }
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** The `charset` parameter of a Content-Type value, unquoted, or undefined. */
export function charsetFromContentType(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const label = (match?.[1] ?? match?.[2] ?? '').trim();
  return label.length > 0 ? label : undefined;
}

/**
 * The charset a document declares in its first 4 KB: `<meta charset>`,
 * `<meta http-equiv="Content-Type" content="...; charset=...">` or
 * `<?xml ... encoding="..."?>`. A declared UTF-16 means UTF-8 (the bytes
 * would have had a BOM otherwise), as in the HTML prescan algorithm.
 */
export function sniffDocumentCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString('latin1');
  const label = xmlDeclaration(head) ?? metaCharset(head);
  if (!label) return undefined;
  return /^utf-?16/i.test(label) ? 'utf-8' : label;
}

function xmlDeclaration(head: string): string | undefined {
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
}

function metaCharset(head: string): string | undefined {
  const withoutComments = head.replace(/<!--[\s\S]*?-->/g, '');
  for (const match of withoutComments.matchAll(/<meta\b([^>]*)>/gi)) {
    const attributes = match[1] ?? '';
    const direct = /\bcharset\s*=\s*["']?\s*([^\s"'/>;]+)/i.exec(attributes)?.[1];
    if (direct && !/\bcontent\s*=/i.test(attributes)) return direct;
    if (/\bhttp-equiv\s*=\s*["']?\s*content-type/i.test(attributes)) {
      const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
      const value = content?.[1] ?? content?.[2] ?? content?.[3] ?? '';
      const charset = /charset\s*=\s*["']?([^\s"';]+)/i.exec(value)?.[1];
      if (charset) return charset;
    }
  }
  return undefined;
}
