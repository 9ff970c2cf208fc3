/**
 * Encodes text into a legacy charset for fixtures. Node only encodes UTF-8,
 * so the table is built by decoding every one- and two-byte sequence.
 */
const tables = new Map<string, Map<string, number[]>>();

function table(label: string): Map<string, number[]> {
  let map = tables.get(label);
  if (map) return map;
  map = new Map();
  const decoder = new TextDecoder(label, { fatal: true });
  const add = (bytes: number[]): void => {
    try {
      const char = decoder.decode(new Uint8Array(bytes));
      if ([...char].length === 1 && !map!.has(char)) map!.set(char, bytes);
    } catch {
      // not a valid sequence in this charset
    }
  };
  for (let b = 0; b < 256; b++) add([b]);
  for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) add([lead, trail]);
  tables.set(label, map);
  return map;
}

export function encodeLegacy(text: string, label: string): Buffer {
  const map = table(label);
  const bytes: number[] = [];
  for (const char of text) {
    const encoded = map.get(char);
    if (!encoded) throw new Error(`${JSON.stringify(char)} is not encodable in ${label}`);
    bytes.push(...encoded);
  }
  return Buffer.from(bytes);
}
