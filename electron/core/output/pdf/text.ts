// Owns styled text for the PDF renderer: measuring runs into breakable units (on the 版心 character grid or at natural
// widths), and drawing laid-out lines with pdfkit, each character in the font that has it.
import type { Font } from 'fontkit';
import type { FontRole } from '../model';
import { advance, face, faceFor } from './fonts';
import { breakLines, splitUnits, type Unit } from './linebreak';

export interface Style {
  role: FontRole;
  bold: boolean;
  size: number;
  underline: boolean;
}

/** A piece of a unit drawn with one face; `width` is its natural advance in points. */
interface Segment {
  face: string;
  text: string;
  width: number;
}

export interface TextUnit extends Unit {
  style: Style;
  segments: Segment[];
}

export interface StyledText {
  text: string;
  style: Style;
}

function segmentsOf(text: string, style: Style): Segment[] {
  const out: Segment[] = [];
  for (const ch of text) {
    const key = faceFor(style.role, style.bold, ch.codePointAt(0) as number);
    const prev = out[out.length - 1];
    if (prev?.face === key) prev.text += ch;
    else out.push({ face: key, text: ch, width: 0 });
  }
  for (const s of out) s.width = advance(s.face, s.text) * style.size;
  return out;
}

/** Runs already measured: every layout pass and the drawing measure the same texts. Units are never changed once made. */
const measured = new Map<string, readonly TextUnit[]>();
/** Bounds the cache of a long-running app; a document has a few hundred runs. */
const MAX_CACHED_RUNS = 20_000;

/**
 * Measures runs into units. `pitch` (the grid's character pitch) fixes the width of every CJK unit; null keeps
 * natural widths. A word longer than `maxWidth` is split into characters so it can wrap.
 */
export function measure(runs: readonly StyledText[], pitch: number | null, maxWidth: number): readonly TextUnit[] {
  let key = `${pitch}\u0000${maxWidth}`;
  for (const { text, style } of runs)
    key += `\u0000${style.role}\u0000${style.bold ? 1 : 0}\u0000${style.size}\u0000${style.underline ? 1 : 0}\u0000${text}`;
  let units = measured.get(key);
  if (!units) {
    if (measured.size >= MAX_CACHED_RUNS) measured.clear();
    measured.set(key, (units = measureRuns(runs, pitch, maxWidth)));
  }
  return units;
}

function measureRuns(runs: readonly StyledText[], pitch: number | null, maxWidth: number): TextUnit[] {
  const units: TextUnit[] = [];
  for (const run of runs) {
    // Windows line ends become one line break and a tab one space: the fonts have no glyph for either control code.
    splitUnits(run.text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')).forEach((u, i) => {
      const prev = units[units.length - 1];
      const glued = i === 0 && u.kind === 'word' && prev?.kind === 'word';
      const segments = u.kind === 'newline' ? [] : segmentsOf(u.text, run.style);
      const natural = segments.reduce((w, s) => w + s.width, 0);
      const width = u.kind === 'cjk' && pitch !== null ? pitch : natural;
      if (u.kind === 'word' && width > maxWidth && [...u.text].length > 1) {
        for (const ch of u.text) {
          const parts = segmentsOf(ch, run.style);
          units.push({
            text: ch,
            kind: 'word',
            glued: false,
            style: run.style,
            width: parts.reduce((w, s) => w + s.width, 0),
            segments: parts,
          });
        }
        return;
      }
      units.push({ ...u, glued, style: run.style, width, segments });
    });
  }
  return units;
}

const dryDocuments = new WeakSet<object>();

/**
 * A stand-in for a pdfkit document that draws nothing: every method returns the stand-in (so chained drawing calls run)
 * and text is not set. Laying a document out on it gives the pages and positions without the cost of drawing.
 */
export function dryDocument(): PDFKit.PDFDocument {
  const proxy: object = new Proxy(function () {}, { get: (_target, prop) => (prop === 'then' ? undefined : () => proxy) });
  dryDocuments.add(proxy);
  return proxy as PDFKit.PDFDocument;
}

/** Per document: the faces already registered with pdfkit. */
const registered = new WeakMap<PDFKit.PDFDocument, Set<string>>();

type EmbeddedFontClass = new (doc: PDFKit.PDFDocument, font: Font, id: string) => object;
/** pdfkit internals used to hand it an already parsed font (pdfkit takes only bytes and would parse them per PDF). */
interface PdfkitFonts {
  _font: { constructor: EmbeddedFontClass };
  _fontFamilies: Record<string, object>;
  _fontCount: number;
}
let EmbeddedFont: EmbeddedFontClass | undefined;

/**
 * Selects a face in pdfkit. Parsing a 10–15 MB CJK font (cmap, GSUB/GPOS) costs ~100 ms per face, so the fontkit
 * font parsed once per process is given to pdfkit's EmbeddedFont directly; each PDF still gets its own subset. The
 * EmbeddedFont class is not exported, so it is taken from the first face pdfkit opens the ordinary way.
 */
function useFace(doc: PDFKit.PDFDocument, faceKey: string, size: number): void {
  const f = face(faceKey);
  const key = f.embedAs;
  let set = registered.get(doc);
  if (!set) registered.set(doc, (set = new Set()));
  if (!set.has(key)) {
    const fonts = doc as unknown as PdfkitFonts;
    if (EmbeddedFont) fonts._fontFamilies[key] = new EmbeddedFont(doc, f.font, `F${++fonts._fontCount}`);
    else {
      if (f.inCollection) doc.registerFont(key, f.bytes, f.inCollection);
      else doc.registerFont(key, f.bytes);
      doc.font(key);
      EmbeddedFont = fonts._font.constructor;
    }
    set.add(key);
  }
  doc.font(key).fontSize(size);
}

/** Stroke width of synthetic bold as a share of the size: about what Word adds to a face without a bold. */
const syntheticBoldStroke = 0.03;

interface Atom {
  face: string;
  size: number;
  text: string;
  x: number;
  width: number;
  single: boolean;
}

/**
 * Draws units[from, to) with their x offsets (`xs[k - from]`) from `left`, on `baseline`. Consecutive single characters
 * of one face at an even step become one text operation with character spacing, which keeps the content stream small.
 */
export function drawUnits(
  doc: PDFKit.PDFDocument,
  units: readonly TextUnit[],
  from: number,
  to: number,
  xs: number[],
  left: number,
  baseline: number,
): void {
  if (dryDocuments.has(doc)) return;
  const atoms: Atom[] = [];
  for (let k = from; k < to; k++) {
    // The caller's range lies within `units`, and `xs` holds one offset per unit of it.
    const u = units[k]!;
    const at = left + xs[k - from]!;
    let x = at;
    for (const s of u.segments) {
      atoms.push({ face: s.face, size: u.style.size, text: s.text, x, width: s.width, single: [...s.text].length === 1 });
      x += s.width;
    }
    if (u.style.underline && u.kind !== 'newline') {
      const y = baseline + u.style.size * 0.15;
      const end = k + 1 < to && units[k + 1]!.style.underline ? left + xs[k + 1 - from]! : at + u.width;
      doc.save().lineWidth(0.6).moveTo(at, y).lineTo(end, y).stroke().restore();
    }
  }
  let i = 0;
  while (i < atoms.length) {
    const a = atoms[i]!;
    let text = a.text;
    let spacing = 0;
    let j = i + 1;
    if (a.single) {
      while (j < atoms.length) {
        const b = atoms[j]!;
        if (!(b.single && b.face === a.face && b.size === a.size)) break;
        const prev = atoms[j - 1]!;
        const step = b.x - prev.x - prev.width;
        if (j === i + 1) spacing = step;
        else if (Math.abs(step - spacing) > 1e-6) break;
        text += b.text;
        j++;
      }
    }
    useFace(doc, a.face, a.size);
    if (face(a.face).syntheticBold) {
      // Bold of a face without one, as Word and WPS draw it: the outline stroked as well as filled.
      doc.save().lineWidth(a.size * syntheticBoldStroke);
      doc.text(text, a.x, baseline, { lineBreak: false, baseline: 'alphabetic', characterSpacing: spacing, fill: true, stroke: true });
      doc.restore();
    } else doc.text(text, a.x, baseline, { lineBreak: false, baseline: 'alphabetic', characterSpacing: spacing });
    i = j;
  }
}

/** Widths already measured (titles and table cells are measured by both renderers and on every layout pass). */
const widths = new Map<string, number>();
/** Bounds the cache of a long-running app; a document needs a few thousand entries at most. */
const MAX_CACHED_WIDTHS = 50_000;

/** Natural width in points of one line of `text` in a font role and size (no grid): what the PDF draws it at. */
export function textWidth(text: string, role: FontRole, size: number, bold = false): number {
  const key = `${role}\u0000${bold ? 1 : 0}\u0000${size}\u0000${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    const units = measure([{ text, style: { role, bold, size, underline: false } }], null, Infinity);
    width = units.reduce((w, u) => w + (u.kind === 'newline' ? 0 : u.width), 0);
    if (widths.size >= MAX_CACHED_WIDTHS) widths.clear();
    widths.set(key, width);
  }
  return width;
}

/** Lines `text` takes in a box `width` points wide, broken as the PDF breaks it (`pitch`: the grid's, for body text). */
export function lineCount(text: string, role: FontRole, size: number, bold: boolean, width: number, pitch: number | null = null): number {
  const units = measure([{ text, style: { role, bold, size, underline: false } }], pitch, width);
  return Math.max(1, breakLines(units, width, width).length);
}
