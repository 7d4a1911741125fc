// Owns reading Word 97-2003 (.doc) and WPS 文字 (.wps) files: their paragraphs as text, and a readable paragraph view.
//
// word-extractor (pure JavaScript, no native code, no network) reads the OLE compound file and Word's piece table —
// 8-bit and UTF-16 pieces, fast-saved files, table cell marks — which is the hard part of a hand-written reader over
// `cfb`. A WPS file saved by WPS 2002 or later is the same compound Word format. A file that is really a DOCX under an
// old name is handed back to the DOCX reader; RTF, HTML and pre-2002 WPS files get a message saying what to do.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import WordExtractor from 'word-extractor';
import type { DocumentText } from '../../../../shared/precheck';
import { recogniseHeadings, type CuedLine, type Heading } from '../headingLines';
import { checkFileSize, isCfb, isZip, READER_LIMITS, ReaderError } from './limits';

/** A compound Word file's paragraphs (table rows tab-separated), or word that the file is a DOCX after all. */
export type WordSource = { format: 'cfb'; paragraphs: string[] } | { format: 'docx' };

/** Control characters Word leaves in text: field marks (0x13–0x15), drawn-object anchors (0x01, 0x08), page and column breaks. */
const wordControls = /(?!\t)\p{Cc}/gu;

export async function readWordFile(file: string): Promise<WordSource> {
  const name = path.basename(file);
  checkFileSize(name, (await fs.stat(file)).size);
  const bytes = await fs.readFile(file);
  if (isZip(bytes)) return { format: 'docx' };
  if (!isCfb(bytes)) throw new ReaderError(name, notWordReason(name, bytes));
  let body: string;
  try {
    const doc = await new WordExtractor().extract(bytes);
    body = [doc.getBody({ filterUnicode: false }), doc.getFootnotes({ filterUnicode: false }), doc.getEndnotes({ filterUnicode: false })]
      .filter((part) => part.trim())
      .join('\n');
  } catch {
    throw new ReaderError(name, '文件已损坏或不完整，无法按 Word 97-2003 格式读取。请用 Word 或 WPS 打开后另存为 .docx 再提交。');
  }
  if (body.length > READER_LIMITS.wordChars)
    throw new ReaderError(name, `文字超过 ${READER_LIMITS.wordChars} 个字符，文件构造异常，已停止读取。可用系统默认程序打开查看。`);
  const paragraphs = body
    .split(/\r\n|\r|\n/)
    .map((p) =>
      p
        .replace(wordControls, '')
        .replace(/[ \u00a0]+/g, ' ')
        .replace(/\t+$/, '')
        .trim(),
    )
    .filter(Boolean);
  return { format: 'cfb', paragraphs };
}

function notWordReason(name: string, bytes: Buffer): string {
  const head = bytes.subarray(0, 64).toString('latin1').trimStart().toLowerCase();
  const saveAs = '请用 Word 或 WPS 打开后另存为 .docx 再提交。';
  if (head.startsWith('{\\rtf')) return `文件实际是 RTF 格式，不是 Word 97-2003 文档。${saveAs}`;
  if (head.startsWith('<')) return `文件实际是网页（HTML/XML）格式，不是 Word 97-2003 文档。${saveAs}`;
  if (/\.wps$/i.test(name)) return `不是 WPS 2002 以后版本保存的 WPS 文字文件（可能是更早的 WPS 格式或已损坏）。${saveAs}`;
  return `不是 Word 97-2003 文档（文件头不符，可能已损坏或扩展名有误）。${saveAs}`;
}

/** The paragraphs as the pre-check reads them: one page (as a DOCX), headings by their numbering (Word 97 styles are not read). */
export function wordText(documentId: string, paragraphs: string[]): DocumentText {
  const lines = cuedLines(paragraphs);
  return { documentId, pages: [{ page: 1, text: paragraphs.join('\n') }], headings: recogniseHeadings(lines, false) };
}

const cuedLines = (paragraphs: string[]): CuedLine[] => paragraphs.map((text) => ({ text, page: 1, emphasised: false }));

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A reading view in the same HTML the DOCX viewer shows: headings (recognised by their numbering) as h1–h3,
 * consecutive tab-separated rows as one table, everything else a paragraph. All text is escaped; there are no
 * attributes, so nothing in the file can link, load or run anything.
 */
export function wordHtml(paragraphs: string[]): string {
  const headings = new Map<string, Heading>();
  for (const h of recogniseHeadings(cuedLines(paragraphs), false)) headings.set(h.text, h);
  const out: string[] = [];
  let rows: string[] = [];
  const flushTable = () => {
    if (rows.length) out.push(`<table>${rows.join('')}</table>`);
    rows = [];
  };
  for (const p of paragraphs) {
    if (p.includes('\t')) {
      rows.push(
        `<tr>${p
          .split('\t')
          .map((cell) => `<td>${escapeHtml(cell)}</td>`)
          .join('')}</tr>`,
      );
      continue;
    }
    flushTable();
    const level = headings.get(p)?.level;
    const tag = level ? `h${Math.min(3, level)}` : 'p';
    out.push(`<${tag}>${escapeHtml(p)}</${tag}>`);
  }
  flushTable();
  return out.join('\n');
}
