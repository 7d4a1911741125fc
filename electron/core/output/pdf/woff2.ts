// Owns turning a WOFF2 font into a plain TrueType font in memory: pdfkit's subsetter copies glyph outlines through the
// loca/glyf tables, which WOFF2 stores transformed, so a WOFF2 embedded as is shows blank glyphs.
//
// Decoding is Google's reference woff2 decoder compiled to WebAssembly (the `wawoff2` package), not our code: it
// rebuilds glyf/loca exactly as the format defines. Its runtime starts asynchronously once per process; after
// `woff2Ready()` has resolved, conversion is synchronous, which the synchronous layout code needs.

interface Woff2Binding {
  calledRun?: boolean;
  onRuntimeInitialized?: () => void;
  decompress(bytes: Uint8Array): Uint8Array | false;
}

// The decoder is an Emscripten CommonJS module that must be required synchronously (esbuild bundles it as such).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const binding = require('wawoff2/build/decompress_binding.js') as Woff2Binding;

const ready = new Promise<void>((resolve) => {
  if (binding.calledRun) resolve();
  else binding.onRuntimeInitialized = resolve;
});

/** Resolves once the decoder can run; `renderPdf` awaits it before laying out. */
export function woff2Ready(): Promise<void> {
  return ready;
}

/** `name` is only used in error messages (the file the bytes came from). */
export function woff2ToTtf(woff2: Uint8Array, name: string): Buffer {
  if (!binding.calledRun) throw new Error('WOFF2 解码器尚未就绪：请先等待 woff2Ready()。');
  const isWoff2 = woff2.length >= 4 && String.fromCharCode(...woff2.subarray(0, 4)) === 'wOF2';
  const ttf = isWoff2 ? binding.decompress(woff2) : false;
  if (ttf === false) throw new Error(`字体文件 ${name} 不是有效的 WOFF2 格式，无法转换：请检查 lxgw-wenkai-webfont 安装是否完整。`);
  return Buffer.from(ttf);
}
