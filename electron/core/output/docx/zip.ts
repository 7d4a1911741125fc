// Owns the DOCX container: reading a .docx's parts with size limits and writing parts back as a reproducible ZIP.
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { reproducibleEntry } from '../../package/write';

/** Limits for untrusted .docx files (bureau templates): a letterhead is kilobytes, these leave ample room. */
export const docxLimits = {
  maxFileBytes: 20 * 2 ** 20,
  maxEntries: 2000,
  maxTotalBytes: 200 * 2 ** 20,
} as const;

/** A part that failed to read, so the caller can name the file in its own message. */
export class DocxZipError extends Error {}

/** The parts of a .docx by name, in the archive's order. */
export async function readDocxParts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (err, z) =>
      err ? reject(new DocxZipError('不是有效的 Word 文档（.docx 是 ZIP 压缩包，此文件无法按 ZIP 打开）')) : resolve(z),
    ),
  );
  if (zip.entryCount > docxLimits.maxEntries) {
    zip.close();
    throw new DocxZipError(`压缩包内文件过多（${zip.entryCount} 个，上限 ${docxLimits.maxEntries} 个）`);
  }
  const parts = new Map<string, Buffer>();
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (message: string) => {
      zip.close();
      reject(new DocxZipError(message));
    };
    zip.on('error', () => fail('压缩包已损坏，无法读取'));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      total += entry.uncompressedSize;
      if (total > docxLimits.maxTotalBytes) return fail(`解压后超过 ${docxLimits.maxTotalBytes / 2 ** 20} MB，不像是正常的 Word 文档`);
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return fail(`压缩包中的“${entry.fileName}”无法读取`);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', () => fail(`压缩包中的“${entry.fileName}”已损坏`));
        stream.on('end', () => {
          parts.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return parts;
}

/**
 * Writes parts as a ZIP whose bytes depend only on the parts: `[Content_Types].xml` first (as Word writes it), then the
 * given order, each entry with the fixed DOS timestamp of `reproducibleEntry`.
 */
export function writeDocxParts(parts: Map<string, Buffer>): Promise<Buffer> {
  const zip = new ZipFile();
  const names = [...parts.keys()].sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  for (const name of names) zip.addBuffer(parts.get(name)!, name, reproducibleEntry);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
