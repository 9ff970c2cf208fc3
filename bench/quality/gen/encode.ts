/**
 * Text to bytes in the legacy charsets some shops still serve. Node only ships
 * decoders for these, so the encoders are the decoders inverted. A character
 * the charset lacks becomes a numeric character reference, as servers and
 * browsers do; pages keep their scripts ASCII-only (PHP-style \u escapes) so
 * that never happens inside a script.
 */

export type PageCharset = 'utf-8' | 'windows-1251' | 'shift_jis' | 'windows-1252';

const tables = new Map<PageCharset, Map<number, number[]>>();

function singleByteTable(label: string): Map<number, number[]> {
  const decoder = new TextDecoder(label);
  const table = new Map<number, number[]>();
  for (let byte = 0; byte < 256; byte++) {
    const char = decoder.decode(Uint8Array.of(byte));
    const code = char.codePointAt(0)!;
    if (char.length === 1 && code !== 0xfffd && !table.has(code)) table.set(code, [byte]);
  }
  return table;
}

function shiftJisTable(): Map<number, number[]> {
  const decoder = new TextDecoder('shift_jis');
  const table = new Map<number, number[]>();
  for (let byte = 0; byte < 0x80; byte++) table.set(byte, [byte]);
  for (let byte = 0xa1; byte <= 0xdf; byte++) table.set(decoder.decode(Uint8Array.of(byte)).codePointAt(0)!, [byte]);
  const leads = [...range(0x81, 0x9f), ...range(0xe0, 0xfc)];
  const trails = [...range(0x40, 0x7e), ...range(0x80, 0xfc)];
  for (const lead of leads) {
    for (const trail of trails) {
      const char = decoder.decode(Uint8Array.of(lead, trail));
      const code = char.codePointAt(0)!;
      if (char.length === 1 && code !== 0xfffd && !table.has(code)) table.set(code, [lead, trail]);
    }
  }
  return table;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function tableFor(charset: PageCharset): Map<number, number[]> {
  let table = tables.get(charset);
  if (!table) {
    table = charset === 'shift_jis' ? shiftJisTable() : singleByteTable(charset);
    tables.set(charset, table);
  }
  return table;
}

/** The bytes of `text` in `charset`; unmappable characters become `&#N;`. */
export function encodeText(text: string, charset: PageCharset): Uint8Array {
  if (charset === 'utf-8') return new TextEncoder().encode(text);
  const table = tableFor(charset);
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const bytes = table.get(code);
    if (bytes) out.push(...bytes);
    else for (const ascii of `&#${code};`) out.push(ascii.charCodeAt(0));
  }
  return Uint8Array.from(out);
}

/** JSON with every non-ASCII character and `/` escaped, as PHP's json_encode writes it by default. */
export function phpJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
