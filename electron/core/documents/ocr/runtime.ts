// Owns which ONNX Runtime runs OCR on this machine: onnxruntime-node when its binding loads, else onnxruntime-web's WASM build.
//
// Why a fallback: onnxruntime-node ships binaries for Windows x64/arm64, Linux x64/arm64 and macOS arm64 only
// (node_modules/onnxruntime-node/bin/napi-v6/), so on 32-bit Windows — common on experts' older PCs — and on Intel Macs
// its binding does not load, and without another runtime every scanned page would stay unread. onnxruntime-web's WASM
// build (same ONNX Runtime, compiled to WebAssembly; its Node entry runs outside a browser) reads the same models to
// the same text, about 1.7× slower on the bench (`npm run bench -- ocr`, 2-core x64, both with 2 threads: 1.97 s and
// 3.6 CPU-s a page for WASM, so its threads nearly halve the wait on an idle machine — it gets as many as the native
// one). Its .wasm and loader are read from the installed package (unpacked from app.asar in a packaged app): nothing
// is fetched.
// REVIEW_DESK_OCR_ENGINE=native|wasm forces one (tests, support); the bench loads both through `loadRuntime`.
import { promises as fs } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../kernel/errors';
import { ENGINE_ID, type OrtRuntime } from './engine';

export type RuntimeName = 'native' | 'wasm';

export const OCR_ENGINE_ENV = 'REVIEW_DESK_OCR_ENGINE';

export interface ChosenRuntime {
  name: RuntimeName;
  ort: OrtRuntime;
}

/** What the OCR cache records as the engine of a page: the models and pipeline, and the runtime that ran them. */
export const engineIdOf = (runtime: RuntimeName): string => `${ENGINE_ID}+${runtime}`;

/** A path inside app.asar, where electron-builder's asarUnpack put the real file (the same path outside a packaged app). */
export const unpackedPath = (file: string): string => file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');

/**
 * Loads one runtime. The WASM build's thread count is process-wide and fixed at its first session, so it is set here;
 * the native one takes its threads per session (createEngine).
 */
export async function loadRuntime(name: RuntimeName, threads: number): Promise<OrtRuntime> {
  if (name === 'native') return (await import('onnxruntime-node')) as unknown as OrtRuntime;
  const web = await import('onnxruntime-web');
  // The plain SIMD build (not the JSEP/JSPI/asyncify ones, which are for WebGPU): the one electron-builder.yml packs.
  const wasm = unpackedPath(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'));
  const loader = unpackedPath(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.mjs'));
  web.env.wasm.numThreads = threads;
  web.env.wasm.wasmBinary = new Uint8Array(await fs.readFile(wasm));
  web.env.wasm.wasmPaths = { mjs: pathToFileURL(loader).href };
  return web as unknown as OrtRuntime;
}

export class OcrRuntimeUnavailable extends AppError {
  constructor(detail: string) {
    super('internal', `本机无法加载文字识别引擎（ONNX Runtime）：${detail}。扫描件需人工阅读，请联系技术支持。`);
    this.name = 'OcrRuntimeUnavailable';
  }
}

/**
 * The runtime for this machine: native when its binding loads (or `REVIEW_DESK_OCR_ENGINE` says which), else WASM.
 * `load` is injectable so a test can stand in a binding that fails to load.
 */
export async function chooseRuntime(
  threads: number,
  forced: string | undefined = process.env[OCR_ENGINE_ENV],
  load: (name: RuntimeName, threads: number) => Promise<OrtRuntime> = loadRuntime,
): Promise<ChosenRuntime> {
  if (forced && forced !== 'native' && forced !== 'wasm')
    throw new OcrRuntimeUnavailable(`环境变量 ${OCR_ENGINE_ENV} 的值“${forced}”无效，应为 native 或 wasm`);
  const tryLoad = async (name: RuntimeName) => {
    try {
      return await load(name, threads);
    } catch (err) {
      throw new OcrRuntimeUnavailable(`${name} 引擎加载失败：${err instanceof Error ? err.message : String(err)}`);
    }
  };
  if (forced === 'wasm') return { name: 'wasm', ort: await tryLoad('wasm') };
  if (forced === 'native') return { name: 'native', ort: await tryLoad('native') };
  try {
    return { name: 'native', ort: await load('native', threads) };
  } catch {
    // No binary for this platform/arch (or a broken one): the WASM build runs everywhere.
    return { name: 'wasm', ort: await tryLoad('wasm') };
  }
}
