// Owns `review-desk text <package> [--json] [--no-ocr]`: prints each document's text page by page, as the app reads it for the pre-check and search.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TEXT_LIMITS, extractTextsIsolated, type IsolatedText } from '../core/documents/isolatedText';
import { recogniseTexts, scanItemsOf, type RecognisedText } from '../core/documents/ocr/isolated';
import type { TextKind } from '../core/documents/text';
import { verifyPackage } from '../core/package/verify';
import { readableDocuments } from '../core/precheck/report';
import { viewerFor } from '../core/store/sessions';
import { reportPackageRefusal } from './packageRefusal';
import { terminalJson, terminalSafe as safe } from './terminal';
import { usageError } from './usage';

/** Where a page's text came from: the file's own text layer, or recognition of its image (OCR). */
type PageSource = 'text' | 'ocr';

export interface TextOutput {
  documents: {
    projectId: string;
    documentId: string;
    title: string;
    pages: { page: number; text: string; source: PageSource }[];
    /** Why there are no pages: the file could not be read, or its format has no text the app reads. */
    error?: string;
  }[];
}

export async function text(argv: string[], out: (line: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, 'no-ocr': { type: 'boolean' } } });
  } catch {
    return usageError(out);
  }
  const { values, positionals } = parsed;
  const [target] = positionals;
  if (!target || positionals.length > 1) return usageError(out);
  const staging = mkdtempSync(path.join(os.tmpdir(), 'review-desk-text-'));
  try {
    const { manifest } = await verifyPackage(target, { stagingDir: staging });
    const key = (projectId: string, documentId: string) => `${projectId}\u0000${documentId}`;
    const fileOf = (d: { path: string }) => path.join(staging, ...d.path.split('/'));
    // Each parser in a worker with a heap and time limit, as `check` reads them: a hostile file is an error line, not a crash.
    const read = await extractTextsIsolated(
      manifest.projects.flatMap((p) =>
        readableDocuments(p).map((d) => ({ file: fileOf(d), kind: viewerFor(d.path) as TextKind, documentId: key(p.id, d.id) })),
      ),
      DEFAULT_TEXT_LIMITS,
    );
    // Then, unless --no-ocr, the pages without a text layer (scans) and PNG/JPEG files are recognised, as the app does.
    const recognised = values['no-ocr']
      ? new Map<string, RecognisedText>()
      : await recogniseTexts(
          scanItemsOf(
            manifest.projects.flatMap((p) => p.documents.map((d) => ({ documentId: key(p.id, d.id), path: d.path, file: fileOf(d) }))),
            read,
          ),
        );
    const result: TextOutput = {
      documents: manifest.projects.flatMap((p) =>
        p.documents.map((d) => {
          const id = key(p.id, d.id);
          return { projectId: p.id, documentId: d.id, title: d.title, ...pagesOf(read.get(id), recognised.get(id)) };
        }),
      ),
    };
    if (values.json) out(terminalJson(result));
    else printText(result, out);
    return 0;
  } catch (err) {
    return reportPackageRefusal(err, target, values.json, out);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Every page as the app reads it: the file's text layer (source `text`), with recognised pages marked `ocr`. */
function pagesOf(
  got: IsolatedText | undefined,
  recognised: RecognisedText | undefined,
): Pick<TextOutput['documents'][number], 'pages' | 'error'> {
  if (recognised) {
    const ocr = new Set(recognised.ocrPages);
    const pages = recognised.text.pages.map((p) => ({
      page: p.page,
      text: p.text,
      source: ocr.has(p.page) ? ('ocr' as const) : ('text' as const),
    }));
    const failed = recognised.failures.map((f) => `第 ${f.page} 页未能识别：${f.error}`).join('；');
    return failed ? { pages, error: failed } : { pages };
  }
  if (!got) return { pages: [], error: '此格式的文件没有可读取的文字' };
  if ('error' in got) return { pages: [], error: got.error };
  return { pages: got.text.pages.map((p) => ({ page: p.page, text: p.text, source: 'text' as const })) };
}

function printText(result: TextOutput, out: (line: string) => void): void {
  for (const d of result.documents) {
    out(`【${safe(d.projectId)}】《${safe(d.title)}》（${safe(d.documentId)}）`);
    if (d.error) out(`  ? ${safe(d.error)}`);
    for (const p of d.pages) {
      out(`—— 第 ${p.page} 页${p.source === 'ocr' ? '（文字识别）' : ''} ——`);
      // Tabs separate table cells; every other control character is escaped.
      for (const line of p.text.split('\n')) out(line.split('\t').map(safe).join('\t'));
    }
    out('');
  }
}
