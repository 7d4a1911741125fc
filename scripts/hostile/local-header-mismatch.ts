// Owns a hostile ZIP whose local headers disagree with its central directory (issue 17 item 12): the first document's
// local header carries a long name, so its data starts later than the central directory's name implies, and the
// second document's central entry points into that data. Judged by central names alone the two ranges do not overlap;
// in fact the first document's data is the second's whole local record.
import { crc32, deflateRawSync } from 'node:zlib';

interface Planned {
  centralName: string;
  localName: string;
  data: Buffer;
  stored: boolean;
}

function localHeader(p: Planned, body: Buffer): Buffer {
  const name = Buffer.from(p.localName);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x0800, 6);
  h.writeUInt16LE(p.stored ? 0 : 8, 8);
  h.writeUInt32LE(crc32(p.data), 14);
  h.writeUInt32LE(body.length, 18);
  h.writeUInt32LE(p.data.length, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name]);
}

function centralHeader(p: Planned, body: Buffer, offset: number): Buffer {
  const name = Buffer.from(p.centralName);
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0x0800, 8);
  h.writeUInt16LE(p.stored ? 0 : 8, 10);
  h.writeUInt32LE(crc32(p.data), 16);
  h.writeUInt32LE(body.length, 20);
  h.writeUInt32LE(p.data.length, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, name]);
}

/**
 * manifest.json, then `first` (stored) whose data is the local record of `second`; `second` has no record of its own.
 * `manifestFor(firstData)` builds manifest.json once the first document's bytes (the second's record) are known.
 */
export function localHeaderMismatchZip(
  first: { path: string },
  second: { path: string; data: Buffer },
  manifestFor: (firstData: Buffer) => Buffer,
): Buffer {
  const secondPlan: Planned = { centralName: second.path, localName: second.path, data: second.data, stored: false };
  const secondBody = deflateRawSync(second.data);
  const secondRecord = Buffer.concat([localHeader(secondPlan, secondBody), secondBody]);
  // Long enough that the data begins past where the central name says the first entry ends.
  const localName = `${first.path}${'_'.repeat(Buffer.byteLength(first.path) + secondRecord.length + 16)}`;
  const firstPlan: Planned = { centralName: first.path, localName, data: secondRecord, stored: true };
  const manifest = manifestFor(secondRecord);
  const manifestPlan: Planned = { centralName: 'manifest.json', localName: 'manifest.json', data: manifest, stored: false };
  const manifestBody = deflateRawSync(manifest);
  const parts: Buffer[] = [];
  let at = 0;
  const push = (b: Buffer) => {
    parts.push(b);
    at += b.length;
  };
  const manifestOffset = at;
  push(Buffer.concat([localHeader(manifestPlan, manifestBody), manifestBody]));
  const firstOffset = at;
  const firstHeader = localHeader(firstPlan, secondRecord);
  push(Buffer.concat([firstHeader, secondRecord]));
  const secondOffset = firstOffset + firstHeader.length; // inside the first entry's data
  const central = Buffer.concat([
    centralHeader(manifestPlan, manifestBody, manifestOffset),
    centralHeader(firstPlan, secondRecord, firstOffset),
    centralHeader(secondPlan, secondBody, secondOffset),
  ]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(3, 8);
  end.writeUInt16LE(3, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(at, 16);
  return Buffer.concat([...parts, central, end]);
}
