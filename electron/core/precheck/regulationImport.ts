// Owns reading the text of a regulation the bureau imports for its 规则配置: TXT decoded (UTF-8, else GB18030), PDF and DOCX through the app's own text extraction in a worker thread.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DocumentText } from '../../../shared/precheck';
import type { TextBatchProgress, TextRequest } from '../documents/textWorker';
import { AppError } from '../kernel/errors';
import { runWorker, WorkerFailure } from '../jobs/worker';

/** A regulation is tens of pages; a file far larger is not one. */
export const maxRegulationBytes = 30 * 2 ** 20;
/** The longest of the five regulations is 27 KB of text; this leaves room for long annexes. */
export const maxRegulationChars = 1_000_000;
/** Extraction posts per page; silence this long means a hostile or broken file. */
const IDLE_TIMEOUT_MS = 60_000;

/** Plain text as saved by Notepad or WPS: UTF-8 (with or without BOM), else the GB18030 family (GBK). */
export function decodePlainText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

async function extractInWorker(file: string, kind: TextRequest['kind']): Promise<DocumentText> {
  let text: DocumentText | null = null;
  let error: string | null = null;
  const job = runWorker<TextBatchProgress, { count: number }>(
    'text',
    { items: [{ file, kind, documentId: 'regulation' } satisfies TextRequest] },
    (p) => {
      if ('text' in p) text = p.text;
      else if ('error' in p) error = p.error;
    },
    IDLE_TIMEOUT_MS,
  );
  try {
    await job.result;
  } catch (err) {
    const why = err instanceof WorkerFailure && err.reason === 'timeout' ? '读取超时，文件可能已损坏' : '文件可能已损坏';
    throw new AppError('invalid-input', `无法读取办法文本（${why}）。可将办法另存为 TXT 后再导入。`);
  }
  if (!text) throw new AppError('invalid-input', `无法读取办法文本：${error ?? '文件可能已损坏'}。可将办法另存为 TXT 后再导入。`);
  return text;
}

/**
 * The text of a regulation file, by its extension. `scratchDir` receives the bytes for the worker to read (removed
 * after). Refusals name the file and say what to do.
 */
export async function regulationText(scratchDir: string, name: string, bytes: Uint8Array): Promise<string> {
  const ext = path.extname(name).toLowerCase();
  const shown = path.basename(name);
  if (bytes.length === 0) throw new AppError('invalid-input', `文件“${shown}”是空文件。`);
  if (bytes.length > maxRegulationBytes) throw new AppError('invalid-input', `文件“${shown}”过大（超过 30 MB），不像是一份办法。`);
  let text: string;
  if (ext === '.txt') {
    text = decodePlainText(bytes);
  } else if (ext === '.pdf' || ext === '.docx') {
    await fs.mkdir(scratchDir, { recursive: true });
    const file = path.join(scratchDir, `${randomUUID()}${ext}`);
    await fs.writeFile(file, bytes, { flag: 'wx' });
    try {
      const extracted = await extractInWorker(file, ext === '.pdf' ? 'pdf' : 'docx');
      text = extracted.pages.map((p) => p.text).join('\n');
    } finally {
      await fs.rm(file, { force: true });
    }
  } else if (ext === '.doc' || ext === '.wps') {
    throw new AppError('invalid-input', `不支持旧版 Word 文件“${shown}”：请在 Word 或 WPS 中另存为 .docx 或 .txt 后再导入。`);
  } else {
    throw new AppError('invalid-input', `文件“${shown}”的格式不受支持：请导入办法的 PDF、DOCX 或 TXT 文件。`);
  }
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim())
    throw new AppError('invalid-input', `未能从“${shown}”中读出文字（可能是扫描件，没有文字层）：请导入带文字的 PDF、DOCX 或 TXT。`);
  if (text.length > maxRegulationChars)
    throw new AppError('invalid-input', `“${shown}”的文字超过 ${maxRegulationChars} 字，不像是一份办法。`);
  return text;
}
