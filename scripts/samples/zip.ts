// Owns reading ZIP entries into memory and re-packing the OOXML files docx/exceljs write so they come out byte-identical on every run.
import { fromBufferPromise } from 'yauzl';
import { ZipFile } from 'yazl';
import { reproducibleEntry } from '../../electron/core/package/write';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Every file entry, in archive order (directory entries skipped). */
export async function readZipEntries(zip: Buffer): Promise<ZipEntry[]> {
  const archive = await fromBufferPromise(zip, { lazyEntries: true });
  const entries: ZipEntry[] = [];
  for await (const entry of archive.eachEntry()) {
    if (entry.fileName.endsWith('/')) continue;
    const chunks: Buffer[] = [];
    for await (const chunk of await archive.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  return entries;
}

/**
 * docx and exceljs stamp each ZIP entry with the current time and docx writes "now" into docProps/core.xml;
 * this keeps the entry order and content but fixes both, so a sample's SHA-256 is the same on every run.
 */
export async function reproducibleOfficeZip(office: Buffer, documentDate: Date): Promise<Buffer> {
  const stamp = documentDate.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const zip = new ZipFile();
  for (const { name, data } of await readZipEntries(office)) {
    const fixed =
      name === 'docProps/core.xml'
        ? Buffer.from(data.toString('utf8').replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${stamp}`), 'utf8')
        : data;
    zip.addBuffer(fixed, name, reproducibleEntry);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
