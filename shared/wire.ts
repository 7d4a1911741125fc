// Owns the HTTP transport's body encoding: JSON with Uint8Array values carried as raw bytes after it (no base64 blow-up).
// Layout: 4-byte big-endian JSON length, the JSON (UTF-8), then each binary value's bytes in order.
// A binary value appears in the JSON as { "\u0000bin": index, "length": n }.

const BIN_KEY = '\u0000bin';

export function encodeWire(value: unknown): Uint8Array {
  const chunks: Uint8Array[] = [];
  const json = JSON.stringify(value ?? null, (_key, v: unknown) => {
    if (v instanceof Uint8Array) {
      chunks.push(v);
      return { [BIN_KEY]: chunks.length - 1, length: v.byteLength };
    }
    return v;
  });
  const head = new TextEncoder().encode(json);
  const total = 4 + head.byteLength + chunks.reduce((n, c) => n + c.byteLength, 0);
  const out = new Uint8Array(total);
  new DataView(out.buffer).setUint32(0, head.byteLength);
  out.set(head, 4);
  let offset = 4 + head.byteLength;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

export function decodeWire(bytes: Uint8Array): unknown {
  if (bytes.byteLength < 4) throw new Error('wire: truncated header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(0);
  if (4 + jsonLength > bytes.byteLength) throw new Error('wire: truncated JSON');
  const json = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(4, 4 + jsonLength));
  const blobsStart = 4 + jsonLength;
  const offsets: number[] = [];
  let nextOffset = blobsStart;
  return JSON.parse(json, (_key, v: unknown) => {
    if (v && typeof v === 'object' && BIN_KEY in v) {
      const { [BIN_KEY]: index, length } = v as Record<string, unknown>;
      if (typeof index !== 'number' || typeof length !== 'number' || index !== offsets.length) {
        throw new Error('wire: malformed binary reference');
      }
      offsets.push(nextOffset);
      const start = nextOffset;
      nextOffset += length;
      if (nextOffset > bytes.byteLength) throw new Error('wire: truncated binary');
      return bytes.slice(start, nextOffset);
    }
    return v;
  });
}
