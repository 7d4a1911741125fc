// Owns the size limits and the error type of the legacy and national-format readers (.doc/.wps, .xls/.et, OFD).
import { AppError } from '../../kernel/errors';

const MiB = 2 ** 20;

/**
 * A real Word 97 proposal or a 概算表 in .xls is a few megabytes; an OFD official letter a few hundred kilobytes plus
 * its scanned images. The parsers below hold the whole file in memory, so anything far past that is refused before
 * parsing; what a file declares inside (parts, pages, objects) is bounded again while reading.
 */
export const READER_LIMITS = {
  /** Whole file, any format. */
  fileBytes: 64 * MiB,
  /** Characters of text a Word file may yield (about 2,500 pages). */
  wordChars: 5_000_000,
  /** Rows and columns read per sheet (the same as the XLSX viewer). */
  sheetRows: 5000,
  sheetColumns: 200,
  /** OFD: entries in the ZIP, one XML part inflated, all parts inflated, pages, objects per page, embedded images. */
  ofdEntries: 5000,
  ofdPartBytes: 16 * MiB,
  ofdTotalBytes: 256 * MiB,
  ofdPages: 2000,
  ofdObjectsPerPage: 20_000,
  ofdImageBytes: 32 * MiB,
};

/** A legacy or national-format file that cannot be read; the message names the file and says what to do. */
export class ReaderError extends AppError {
  constructor(fileName: string, why: string) {
    super('invalid-input', `无法读取“${fileName}”：${why}`);
    this.name = 'ReaderError';
  }
}

/** The first bytes of an OLE compound file (CFB): Word 97 .doc, WPS .wps, Excel 97 .xls and WPS .et. */
export const isCfb = (b: Uint8Array): boolean =>
  b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1;

/** A ZIP local header: DOCX/XLSX saved under an old extension, and OFD. */
export const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export function checkFileSize(fileName: string, bytes: number): void {
  if (bytes === 0) throw new ReaderError(fileName, '文件是空的（0 字节）。请向申报单位索取完整的文件。');
  if (bytes > READER_LIMITS.fileBytes)
    throw new ReaderError(
      fileName,
      `文件过大（${Math.round(bytes / MiB)} MB，上限 ${READER_LIMITS.fileBytes / MiB} MB），已停止读取。可用系统默认程序打开查看。`,
    );
}
