// Choosing OCR's ONNX Runtime: the native build where its binding loads, the WASM build where it does not (32-bit
// Windows, Intel Macs) or when REVIEW_DESK_OCR_ENGINE says so; and the OCR cache serving a page whichever runtime read it.
import { describe, expect, it } from 'vitest';
import { ENGINE_ID } from '../../../../electron/core/documents/ocr/engine';
import {
  chooseRuntime,
  engineIdOf,
  loadRuntime,
  OcrRuntimeUnavailable,
  unpackedPath,
  type RuntimeName,
} from '../../../../electron/core/documents/ocr/runtime';
import { loadOcrPages, ocrState, saveOcrPage } from '../../../../electron/core/store/ocrPages';
import { saveDocumentText } from '../../../../electron/core/store/texts';
import { sessionDbAt } from '../../store/migrationDb';

/** The real loader, except that the native binding fails the way it does where no binary ships for the platform. */
const withoutNativeBinary = (tried: RuntimeName[]) => async (name: RuntimeName, threads: number) => {
  tried.push(name);
  if (name === 'native') throw new Error("Cannot find module '../bin/napi-v6/win32/ia32/onnxruntime_binding.node'"); // what onnxruntime-node's binding.js throws there
  return loadRuntime(name, threads);
};

describe('chooseRuntime', () => {
  it('takes onnxruntime-node when its binding loads', async () => {
    const chosen = await chooseRuntime(1, undefined);
    expect(chosen.name).toBe('native');
    expect(chosen.ort.InferenceSession).toBe((await import('onnxruntime-node')).InferenceSession);
  });

  it("falls back to onnxruntime-web's WASM build when the native binding does not load", async () => {
    const tried: RuntimeName[] = [];
    const chosen = await chooseRuntime(1, undefined, withoutNativeBinary(tried));
    expect(tried).toEqual(['native', 'wasm']);
    expect(chosen.name).toBe('wasm');
    const web = await import('onnxruntime-web');
    expect(chosen.ort.InferenceSession).toBe(web.InferenceSession);
    // The WASM binary and its loader come from the installed package, not from a URL.
    expect([...(web.env.wasm.wasmBinary as Uint8Array).subarray(0, 4)]).toEqual([0, 0x61, 0x73, 0x6d]); // "\0asm"
    expect((web.env.wasm.wasmPaths as { mjs?: string }).mjs).toMatch(/^file:\/\/.*\/onnxruntime-web\/dist\/ort-wasm-simd-threaded\.mjs$/);
  });

  it('obeys REVIEW_DESK_OCR_ENGINE, and says in Chinese why a forced runtime cannot run', async () => {
    const tried: RuntimeName[] = [];
    expect((await chooseRuntime(1, 'wasm', withoutNativeBinary(tried))).name).toBe('wasm');
    expect(tried).toEqual(['wasm']); // forced: the native binding is not even tried
    await expect(chooseRuntime(1, 'native', withoutNativeBinary([]))).rejects.toThrow(OcrRuntimeUnavailable);
    await expect(chooseRuntime(1, 'native', withoutNativeBinary([]))).rejects.toThrow(/本机无法加载文字识别引擎.*native 引擎加载失败/);
    await expect(chooseRuntime(1, 'gpu')).rejects.toThrow(/REVIEW_DESK_OCR_ENGINE 的值“gpu”无效/);
  });
});

describe('unpackedPath', () => {
  it('points a file inside app.asar to its unpacked copy and leaves other paths alone', () => {
    expect(unpackedPath('/opt/评审工作台/resources/app.asar/node_modules/onnxruntime-web/dist/x.wasm')).toBe(
      '/opt/评审工作台/resources/app.asar.unpacked/node_modules/onnxruntime-web/dist/x.wasm',
    );
    expect(unpackedPath('C:\\Program Files\\评审工作台\\resources\\app.asar\\node_modules\\x.mjs')).toBe(
      'C:\\Program Files\\评审工作台\\resources\\app.asar.unpacked\\node_modules\\x.mjs',
    );
    expect(unpackedPath('/work/node_modules/onnxruntime-web/dist/x.wasm')).toBe('/work/node_modules/onnxruntime-web/dist/x.wasm');
    expect(unpackedPath('/home/u/app.asarx/x.wasm')).toBe('/home/u/app.asarx/x.wasm');
  });
});

describe('the OCR cache across runtimes', () => {
  const SHA = 'b'.repeat(64);
  const read = (text: string) => ({ text, boxes: [], confidence: 0.9 });

  it('records the runtime with the engine, and serves any runtime’s rows of the same models, text before a failure', () => {
    const db = sessionDbAt(16);
    db.prepare(
      `INSERT INTO documents (key, session_id, project_id, id, kind, title, path, sha256, bytes, position) VALUES (1, 's', 'p', 'd', 'proposal', '建设方案', 'documents/p/a.pdf', ?, 1, 0)`,
    ).run(SHA);
    // Page 1 has a text layer; pages 2–4 are scans.
    const pages = [
      { page: 1, text: '第一章 项目概况，本项目建设内容包括政务云资源与数据共享平台。' },
      ...[2, 3, 4].map((page) => ({ page, text: '' })),
    ];
    saveDocumentText(db, 1, { documentId: 'd', pages, headings: [] }, 'ok', null, 't');
    expect(engineIdOf('wasm')).toBe(`${ENGINE_ID}+wasm`);
    expect(engineIdOf('native')).toBe(`${ENGINE_ID}+native`);
    saveOcrPage(db, SHA, ENGINE_ID, { page: 2, ...read('第二章 现状及需求分析') }, 't1'); // from before the runtime was recorded
    saveOcrPage(db, SHA, engineIdOf('native'), { page: 3, error: '第 3 页识别进程意外结束' }, 't1');
    saveOcrPage(db, SHA, engineIdOf('wasm'), { page: 3, ...read('第三章 总体设计') }, 't2');
    // Another version of the models: not this engine's cache, even though its id starts the same way.
    saveOcrPage(db, SHA, `${ENGINE_ID}0+native`, { page: 4, ...read('旧模型') }, 't0');
    saveOcrPage(db, SHA, `pp-ocrv5-ch/1+native`, { page: 4, ...read('新模型') }, 't0');

    const cached = loadOcrPages(db, SHA, ENGINE_ID);
    expect([...cached.keys()]).toEqual([2, 3]);
    expect(cached.get(2)).toMatchObject({ text: '第二章 现状及需求分析' });
    expect(cached.get(3)).toMatchObject({ text: '第三章 总体设计' });
    // The pre-check asks by the models' id (precheck/report.ts): page 4 waits for them, then the scan is done.
    expect(ocrState(db, 1, SHA, ENGINE_ID)).toBe('pending');
    saveOcrPage(db, SHA, engineIdOf('wasm'), { page: 4, ...read('第四章 数据资源收集治理') }, 't3');
    expect(ocrState(db, 1, SHA, ENGINE_ID)).toBe('done');
    // Each runtime's row stays as written: which runtime read a page can be told afterwards.
    expect(
      (db.prepare(`SELECT engine FROM ocr_pages WHERE page = 3 ORDER BY engine`).all() as { engine: string }[]).map((r) => r.engine),
    ).toEqual([`${ENGINE_ID}+native`, `${ENGINE_ID}+wasm`]);
  });
});
