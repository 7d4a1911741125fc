// OCR bench: character accuracy of PP-OCRv4 on the 150-dpi scan corpus against the originals' text layer, pages a minute
// (onnxruntime-node, in-process and through the app's worker), onnxruntime-web's WASM build (the fallback where no
// native binary loads, documents/ocr/runtime.ts) on the same pages, and chapter detection on the scans next to the text versions.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { extractText } from '../electron/core/documents/text';
import { createEngine, type OrtRuntime } from '../electron/core/documents/ocr/engine';
import { recognisePages } from '../electron/core/documents/ocr/recognise';
import { loadRuntime } from '../electron/core/documents/ocr/runtime';
import type { OcrPage } from '../shared/ocr';
import { ocrHeadings } from '../electron/core/documents/ocr/headings';
import { detectChapters } from '../electron/core/precheck/chapters';
import { loadProfile } from '../electron/core/precheck/profiles';
import type { DocumentText } from '../shared/precheck';
import { makeScanCorpus, scanPathOf, scanSources } from '../scripts/make-scan-corpus';

const targets = { accuracy: 0.97, pagesPerMinute: 10 };
/** onnxruntime-web is timed on this many pages only: it is the slower runtime and the bench should stay minutes long. */
const WEB_PAGES = 3;

const met = (ok: boolean) => (ok ? '达标 met' : '未达标 NOT met');

/**
 * What is compared: NFKC (the model writes ASCII punctuation where the PDF has full-width), no whitespace, and no
 * dot leaders (a TOC's "……" is layout; the model reads a varying number of dots there).
 */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[.·…]{3,}/g, '')
    .replace(/\s/g, '');
}

/**
 * Recognition errors regardless of reading order: max(characters missing, characters extra) over the two multisets — a
 * misread character is one missing and one extra, so one error. The text layer lists a page's running header after its
 * body (the order it was drawn in) where OCR reads top to bottom; an ordered distance would count that as errors.
 */
export function unorderedErrors(got: string, expected: string): number {
  const counts = new Map<string, number>();
  for (const c of expected) counts.set(c, (counts.get(c) ?? 0) + 1);
  let extra = 0;
  for (const c of got) {
    const n = counts.get(c) ?? 0;
    if (n > 0) counts.set(c, n - 1);
    else extra++;
  }
  let missing = 0;
  for (const n of counts.values()) missing += n;
  return Math.max(missing, extra);
}

/** Levenshtein distance over code points, two rows. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length]!;
}

interface Run {
  pages: OcrPage[];
  ms: number;
  /** Process CPU time (user + system): all cores together. */
  cpuMs: number;
}

async function runOcr(ort: OrtRuntime, file: string, pages: number[]): Promise<Run> {
  const engine = await createEngine(ort, os.cpus().length);
  try {
    const out: OcrPage[] = [];
    const start = performance.now();
    const cpu = process.cpuUsage();
    await recognisePages(engine, file, 'pdf', pages, (p) => out.push(p));
    const used = process.cpuUsage(cpu);
    return { pages: out, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
  } finally {
    await engine.release();
  }
}

export async function benchOcr(): Promise<Record<string, unknown>> {
  // The corpus is generated on first use (pdftoppm; `npm run samples` first).
  if (!scanSources.every((s) => existsSync(scanPathOf(s)))) await makeScanCorpus(console.log);
  // Loaded as the app loads them (runtime.ts): the bench measures the code path the app takes on either kind of machine.
  const native = await loadRuntime('native', os.cpus().length);
  let errors = 0;
  let orderedErrors = 0;
  let chars = 0;
  let cpuMs = 0;
  let pageCount = 0;
  let ms = 0;
  const perDocument: Record<string, unknown>[] = [];
  const profile = loadProfile('wulong');
  let chaptersSame = true;
  let firstScan: { file: string; pages: number[] } | undefined;
  for (const source of scanSources) {
    const truth = await extractText(source, 'pdf', 'truth');
    const pages = truth.pages.map((p) => p.page);
    const run = await runOcr(native, scanPathOf(source), pages);
    let docErrors = 0;
    let docOrdered = 0;
    let docChars = 0;
    for (const p of run.pages) {
      const expected = comparable(truth.pages.find((t) => t.page === p.page)?.text ?? '');
      const got = 'text' in p ? comparable(p.text) : '';
      docErrors += unorderedErrors(got, expected);
      docOrdered += editDistance(got, expected);
      docChars += [...expected].length;
    }
    errors += docErrors;
    orderedErrors += docOrdered;
    cpuMs += run.cpuMs;
    chars += docChars;
    pageCount += run.pages.length;
    ms += run.ms;
    // Chapter detection (篇章) on the recognised text, as the app stores it, next to the text layer's.
    const read = run.pages.filter((p): p is Extract<OcrPage, { text: string }> => 'text' in p);
    const scanText: DocumentText = {
      documentId: 'truth',
      pages: read.map((p) => ({ page: p.page, text: p.text })),
      headings: ocrHeadings(read),
    };
    const found = (t: DocumentText) =>
      detectChapters([t], profile.requiredChapters)
        .filter((m) => m.found)
        .map((m) => `${m.chapterId}@${m.page ?? '?'}`);
    const chaptersText = found(truth);
    const chaptersScan = found(scanText);
    chaptersSame &&= JSON.stringify(chaptersText) === JSON.stringify(chaptersScan);
    perDocument.push({
      chaptersText: chaptersText.length,
      chaptersScan: chaptersScan.length,
      chaptersSame: JSON.stringify(chaptersText) === JSON.stringify(chaptersScan),
      file: source,
      pages: run.pages.length,
      accuracy: 1 - docErrors / docChars,
      orderedAccuracy: 1 - docOrdered / docChars,
      msPerPage: Math.round(run.ms / run.pages.length),
      cpuMsPerPage: Math.round(run.cpuMs / run.pages.length),
    });
    firstScan ??= { file: scanPathOf(source), pages: pages.slice(0, WEB_PAGES) };
  }
  const accuracy = 1 - errors / chars;
  const orderedAccuracy = 1 - orderedErrors / chars;
  const pagesPerMinute = (pageCount / ms) * 60_000;
  // CPU time over the cores the engine uses: what an otherwise idle machine would do, when the bench shares its cores.
  const pagesPerMinuteIdle = (pageCount / cpuMs) * 60_000 * os.cpus().length;

  // Both runtimes on the same first pages, one after the other, the WASM build with as many threads as the native one.
  const web = await loadRuntime('wasm', os.cpus().length);
  const nativeRun = await runOcr(native, firstScan!.file, firstScan!.pages);
  const webRun = await runOcr(web, firstScan!.file, firstScan!.pages);
  const textOf = (run: Run) => run.pages.map((p) => ('text' in p ? p.text : '')).join('\n');
  const sameText = textOf(webRun) === textOf(nativeRun);

  console.log('\nOCR（PP-OCRv4，150 dpi 扫描件，含轻微倾斜与噪点）');
  console.table(perDocument);
  console.table({
    字符准确率: {
      value: `${(accuracy * 100).toFixed(2)} %`,
      target: `≥ ${targets.accuracy * 100} %`,
      verdict: met(accuracy >= targets.accuracy),
    },
    '字符准确率（按阅读顺序）': { value: `${(orderedAccuracy * 100).toFixed(2)} %`, target: '—', verdict: '页眉页脚顺序不同计为错误' },
    每分钟页数: {
      value: pagesPerMinute.toFixed(1),
      target: `≥ ${targets.pagesPerMinute}`,
      verdict: met(pagesPerMinute >= targets.pagesPerMinute),
    },
    '每分钟页数（按 CPU 时间折算空闲机器）': {
      value: pagesPerMinuteIdle.toFixed(1),
      target: `≥ ${targets.pagesPerMinute}`,
      verdict: met(pagesPerMinuteIdle >= targets.pagesPerMinute),
    },
  });
  const perPage = (run: Run) => ({ ms: run.ms / run.pages.length, cpuMs: run.cpuMs / run.pages.length });
  const nativePerPage = perPage(nativeRun);
  const webPerPage = perPage(webRun);
  console.table({
    'onnxruntime-node (native)': { msPerPage: Math.round(nativePerPage.ms), cpuMsPerPage: Math.round(nativePerPage.cpuMs) },
    'onnxruntime-web (WASM)': { msPerPage: Math.round(webPerPage.ms), cpuMsPerPage: Math.round(webPerPage.cpuMs), sameText },
  });
  return {
    accuracy,
    orderedAccuracy,
    chaptersSame,
    pagesPerMinute,
    pagesPerMinuteIdle,
    loadavg: os.loadavg(),
    pages: pageCount,
    perDocument,
    runtimes: { pages: firstScan!.pages, native: nativePerPage, web: webPerPage, sameText },
    targets,
  };
}
