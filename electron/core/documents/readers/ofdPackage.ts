// Owns the container side of an OFD file (GB/T 33190): its ZIP entries with count and inflated-size limits, OFD path resolution, and a strict parse of its XML parts into a small tree.
//
// yauzl reads the ZIP directory without inflating anything, so the entry count and declared sizes are judged first,
// then each part is counted again while it inflates. saxes parses strictly and never expands entities; a DTD is
// refused outright (OFD parts never carry one), so no billion-laughs expansion can happen.
import path from 'node:path';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { READER_LIMITS, ReaderError } from './limits';

export interface OfdElement {
  /** Local name, without the `ofd:` prefix. */
  name: string;
  attrs: Record<string, string>;
  children: OfdElement[];
  text: string;
}

const MiB = 2 ** 20;
/** Nesting deeper than this is not a page description but an attempt to exhaust the stack. */
const MAX_DEPTH = 128;

export class OfdPackage {
  private inflated = 0;
  private constructor(
    readonly fileName: string,
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
  ) {}

  static async open(file: string): Promise<OfdPackage> {
    const name = path.basename(file);
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(file, { lazyEntries: true, validateEntrySizes: true, autoClose: false }, (err, z) => (err ? reject(err) : resolve(z))),
    ).catch(() => {
      throw new ReaderError(name, '不是有效的 OFD 文件（OFD 应是 ZIP 压缩包，此文件不是或已不完整）。请向发文单位索取完整的文件。');
    });
    if (zip.entryCount > READER_LIMITS.ofdEntries) {
      zip.close();
      throw new ReaderError(
        name,
        `文件内部条目过多（${zip.entryCount} 个，上限 ${READER_LIMITS.ofdEntries} 个），可能是恶意构造的文件，已停止读取。`,
      );
    }
    const entries = new Map<string, yauzl.Entry>();
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        entries.set(e.fileName.replace(/^\/+/, '').toLowerCase(), e);
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    }).catch(() => {
      zip.close();
      throw new ReaderError(name, 'OFD 压缩包的目录已损坏或不完整。请向发文单位索取完整的文件。');
    });
    return new OfdPackage(name, zip, entries);
  }

  close(): void {
    this.zip.close();
  }

  has(part: string): boolean {
    return this.entries.has(part.toLowerCase());
  }

  /** A part's bytes, at most `limit` inflated (and within the whole file's inflated total). */
  async read(part: string, limit = READER_LIMITS.ofdPartBytes): Promise<Buffer> {
    const entry = this.entries.get(part.toLowerCase());
    if (!entry) throw new ReaderError(this.fileName, `缺少内部文件 ${part}，文件不完整。请向发文单位索取完整的文件。`);
    const tooLarge = () =>
      new ReaderError(this.fileName, `内部文件 ${part} 解压后过大（上限 ${Math.round(limit / MiB)} MB），可能是压缩炸弹，已停止读取。`);
    if (entry.uncompressedSize > limit) throw tooLarge();
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      this.zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))),
    ).catch(() => {
      throw new ReaderError(this.fileName, `内部文件 ${part} 无法解压，文件可能已损坏。请向发文单位索取完整的文件。`);
    });
    const chunks: Buffer[] = [];
    let bytes = 0;
    return new Promise<Buffer>((resolve, reject) => {
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        this.inflated += chunk.length;
        if (bytes > limit || this.inflated > READER_LIMITS.ofdTotalBytes) {
          (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
          reject(
            bytes > limit
              ? tooLarge()
              : new ReaderError(this.fileName, `解压后合计超过 ${READER_LIMITS.ofdTotalBytes / MiB} MB，可能是压缩炸弹，已停止读取。`),
          );
        } else chunks.push(chunk);
      });
      stream.on('error', () => reject(new ReaderError(this.fileName, `内部文件 ${part} 已损坏或不完整。请向发文单位索取完整的文件。`)));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  }

  async xml(part: string): Promise<OfdElement> {
    const text = (await this.read(part)).toString('utf8');
    try {
      return parseOfdXml(text);
    } catch (err) {
      throw new ReaderError(
        this.fileName,
        `内部文件 ${part} 不是合法的 XML（${err instanceof Error ? err.message : String(err)}），文件可能已损坏或是恶意构造的。`,
      );
    }
  }
}

/**
 * An OFD location: absolute from the package root (`/Doc_0/Pages/Page_0/Content.xml`) or relative to the folder of
 * the part that names it. `..` may not climb out of the package.
 */
export function resolveOfdPath(baseDir: string, ref: string): string {
  const joined = ref.startsWith('/') ? ref : `${baseDir}/${ref}`;
  const normal = path.posix.normalize(`/${joined}`).replace(/^\/+/, '');
  return normal;
}

export function parseOfdXml(text: string): OfdElement {
  const parser = new SaxesParser();
  const root: OfdElement = { name: '#document', attrs: {}, children: [], text: '' };
  const open: OfdElement[] = [root];
  let failure: string | null = null;
  // saxes words its errors in English; the user reads where the XML breaks.
  parser.on('error', () => {
    failure ??= `第 ${parser.line} 行第 ${parser.column} 列语法错误`;
  });
  parser.on('doctype', () => {
    failure ??= '含有 DTD 声明（OFD 文件不会有，可能是恶意构造的文件）';
  });
  parser.on('opentag', (tag) => {
    const element: OfdElement = {
      name: tag.name.replace(/^.*:/, ''),
      attrs: tag.attributes as Record<string, string>,
      children: [],
      text: '',
    };
    open.at(-1)!.children.push(element);
    open.push(element);
    if (open.length > MAX_DEPTH) failure ??= `元素嵌套超过 ${MAX_DEPTH} 层`;
  });
  parser.on('closetag', () => {
    open.pop();
  });
  const onText = (t: string) => {
    open.at(-1)!.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(text.replace(/^\ufeff/, '')).close();
  } catch {
    failure ??= `第 ${parser.line} 行第 ${parser.column} 列语法错误`;
  }
  if (failure) throw new Error(failure);
  return root;
}

/** The first descendant (depth-first) with this local name. */
export function findElement(element: OfdElement, name: string): OfdElement | undefined {
  for (const child of element.children) {
    if (child.name === name) return child;
    const found = findElement(child, name);
    if (found) return found;
  }
  return undefined;
}

/** Every descendant with one of these local names, in document order. */
export function findAll(element: OfdElement, names: Set<string>, out: OfdElement[] = []): OfdElement[] {
  for (const child of element.children) {
    if (names.has(child.name)) out.push(child);
    findAll(child, names, out);
  }
  return out;
}
