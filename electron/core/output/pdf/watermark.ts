// Owns the 草稿 mark of a draft PDF (RenderDoc.draft): “草稿” across every page, rotated, light grey and translucent, drawn
// as glyph outlines rather than text so it is a mark on the paper and not words of the document (a text search or the
// text layer never reads it; the draft says it in words in its notice line under the title).
import { face } from './fonts';
import type { Geometry } from './flow';

/** The mark's words, size (pt), angle (degrees, counter-clockwise) and ink. */
export const draftMark = { text: '草稿', sizePt: 150, angle: 35, grey: '#9a9a9a', opacity: 0.22 } as const;

interface OutlinedGlyph {
  advanceWidth: number;
  path: { toSVG(): string };
}

/** Draws the mark on every buffered page of `pdf`, centred on the page. */
export function drawDraftMark(pdf: PDFKit.PDFDocument, g: Geometry): void {
  const { font } = face('serif700');
  const glyphs = [...draftMark.text].map((c) => font.glyphForCodePoint(c.codePointAt(0)!) as unknown as OutlinedGlyph);
  const scale = draftMark.sizePt / font.unitsPerEm;
  const width = glyphs.reduce((w, gl) => w + gl.advanceWidth, 0);
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    pdf.save();
    pdf.translate(g.pageWidth / 2, g.pageHeight / 2).rotate(-draftMark.angle);
    // Font units are y-up from the baseline: flip, and put the glyphs' middle (about 0.38 em above the baseline) on the centre.
    pdf.scale(scale, -scale).translate(-width / 2, -0.38 * font.unitsPerEm);
    pdf.fillColor(draftMark.grey).fillOpacity(draftMark.opacity);
    let x = 0;
    for (const gl of glyphs) {
      pdf.save().translate(x, 0).path(gl.path.toSVG()).fill('nonzero').restore();
      x += gl.advanceWidth;
    }
    pdf.restore();
  }
}
