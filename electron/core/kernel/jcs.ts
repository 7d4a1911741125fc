// Owns canonical JSON (规范化 JSON, RFC 8785 JCS): the exact bytes every signature, and every fingerprint of a profile, is computed over.
import canonicalize from 'canonicalize';

/** UTF-8 bytes of the RFC 8785 canonical form of a JSON value; throws for what JSON cannot hold (undefined at top level, NaN …). */
export function jcs(value: unknown): Uint8Array {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value has no canonical JSON form');
  return new TextEncoder().encode(text);
}
