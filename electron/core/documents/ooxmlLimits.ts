// Owns bounding an Office file's XML parts before a parser inflates them: entry count, and each part's inflated size, counted while inflating.
import yauzl from 'yauzl';

/**
 * A DOCX of 1.6 MB whose word/document.xml inflates to 400 MB runs mammoth's heap out; a real proposal's largest part
 * is a few megabytes. Parts are judged by the size the ZIP declares and again by the bytes actually inflated.
 */
export const OOXML_LIMITS = { entries: 5000, partBytes: 64 * 2 ** 20, totalBytes: 256 * 2 ** 20 };

export class OoxmlTooLarge extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OoxmlTooLarge';
  }
}

const MiB = 2 ** 20;
const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

/** Rejects with OoxmlTooLarge (a Chinese message) when a part or the whole would inflate past the limits; other ZIP errors as they come. */
export async function checkOoxmlParts(file: string, limits = OOXML_LIMITS): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, validateEntrySizes: true, autoClose: true }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  if (zip.entryCount > limits.entries) {
    zip.close();
    throw new OoxmlTooLarge(`文件内部条目过多（${zip.entryCount} 个，上限 ${limits.entries} 个）`);
  }
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      zip.close();
      reject(err);
    };
    const tooLarge = (name: string, bytes: number) =>
      new OoxmlTooLarge(
        `文件内部的 ${name} 解压后过大（超过 ${Math.round(bytes / MiB)} MB，上限 ${limits.partBytes / MiB} MB），可能是压缩炸弹`,
      );
    zip.on('error', fail);
    zip.on('end', () => {
      if (!failed) resolve();
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      if (failed) return;
      if (!isXmlPart(entry.fileName)) return zip.readEntry();
      if (entry.uncompressedSize > limits.partBytes) return fail(tooLarge(entry.fileName, entry.uncompressedSize));
      zip.openReadStream(entry, (err, stream) => {
        if (err) return fail(err);
        let part = 0;
        stream.on('data', (chunk: Buffer) => {
          part += chunk.length;
          total += chunk.length;
          if (part > limits.partBytes) {
            stream.destroy();
            fail(tooLarge(entry.fileName, part));
          } else if (total > limits.totalBytes) {
            stream.destroy();
            fail(new OoxmlTooLarge(`文件内部的 XML 解压后合计过大（上限 ${limits.totalBytes / MiB} MB），可能是压缩炸弹`));
          }
        });
        stream.on('error', fail);
        stream.on('end', () => {
          if (!failed) zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}
