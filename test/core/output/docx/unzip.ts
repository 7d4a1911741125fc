// Owns reading a generated .docx in tests with yauzl directly (independent of the renderer's own zip code).
import yauzl from 'yauzl';
import { SaxesParser } from 'saxes';

export interface ZipPart {
  name: string;
  data: Buffer;
  date: Date;
}

export function unzipDocx(bytes: Buffer): Promise<ZipPart[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const parts: ZipPart[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(parts));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            parts.push({ name: entry.fileName, data: Buffer.concat(chunks), date: entry.getLastModDate() });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Throws unless `xml` is well formed. */
export function assertWellFormed(xml: string, name: string): void {
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw new Error(`${name}: ${e.message}`);
  });
  parser.write(xml).close();
}

export const partText = (parts: ZipPart[], name: string): string => {
  const part = parts.find((p) => p.name === name);
  if (!part) throw new Error(`missing part ${name}`);
  return part.data.toString('utf8');
};
