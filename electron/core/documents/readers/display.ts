// Owns turning .doc/.wps, .xls/.et and OFD files into display data for the viewer (HTML paragraphs, sheets, fixed pages); the render worker calls it.
import type { RenderedDocument } from '../../../../shared/domain';
import { docxToHtml } from '../convert';
import { readLegacyWorkbookFile, workbookSheets } from './legacySheet';
import { readOfd } from './ofd';
import { readWordFile, wordHtml } from './word';

export async function wordToDisplay(file: string): Promise<RenderedDocument> {
  const word = await readWordFile(file);
  if (word.format === 'docx') return docxToHtml(file);
  // Word 97 formatting (fonts, styles, pictures) is not read: say so once, as the DOCX viewer does for what it drops.
  return { kind: 'html', html: wordHtml(word.paragraphs), warnings: ['旧版 Word/WPS 文件仅显示文字和表格，不保留原有字体、图片和版式。'] };
}

export async function legacySheetToDisplay(file: string): Promise<RenderedDocument> {
  return { kind: 'sheets', sheets: workbookSheets(await readLegacyWorkbookFile(file)) };
}

export async function ofdToDisplay(file: string): Promise<RenderedDocument> {
  const doc = await readOfd(file, true);
  const warnings = doc.skippedImages > 0 ? [`有 ${doc.skippedImages} 张图片的格式无法在评审工作台内显示或超出大小上限，已略去。`] : [];
  return { kind: 'pages', pages: doc.pages, warnings };
}
