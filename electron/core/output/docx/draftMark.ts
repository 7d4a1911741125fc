// Owns the 草稿 mark of a draft DOCX (RenderDoc.draft): “草稿” across every page, rotated, very light grey, behind the
// text — the PDF's mark (pdf/watermark.ts) drawn the way Word's own 水印 is: a shape anchored in the page header, so it
// stands on every page wherever the text flows. The draft says it in words too, in its notice line under the title.
import { HorizontalPositionRelativeFrom, Paragraph, TextRun, TextWrappingType, VerticalPositionRelativeFrom } from 'docx';
import { ShapeRun } from 'docx/shapes';
import { draftMark } from '../pdf/watermark';
import { fontNames, runFonts } from './fonts';
import { styleIds } from './styles';

const emuPerMm = 36000;
const pxPerMm = 96 / 25.4;
const ptToMm = (pt: number) => (pt * 25.4) / 72;

/** The PDF's grey at its opacity on white paper, as one solid colour (DOCX text has no simple transparency). */
export const draftMarkColor = (() => {
  const grey = parseInt(draftMark.grey.slice(1, 3), 16);
  const onWhite = Math.round(255 - draftMark.opacity * (255 - grey));
  return onWhite.toString(16).toUpperCase().repeat(3);
})();

/** A header paragraph holding the mark: a text box centred on the page, turned as in the PDF, behind the text. */
export function draftMarkParagraph(page: { pageWidthMm: number; pageHeightMm: number }, id: number): Paragraph {
  const size = draftMark.sizePt;
  const widthMm = ptToMm(size * [...draftMark.text].length * 1.1);
  const heightMm = ptToMm(size * 1.3);
  const mark = new ShapeRun({
    type: 'rectangle',
    // DrawingML turns clockwise; the PDF's mark rises to the right (counter-clockwise).
    transformation: { width: widthMm * pxPerMm, height: heightMm * pxPerMm, rotation: 360 - draftMark.angle },
    line: 'none',
    altText: { id: String(id), name: `草稿 ${id}`, description: '草稿水印' },
    textOptions: { margins: { top: 0, right: 0, bottom: 0, left: 0 }, verticalAlignment: 'center', wrap: false },
    children: [
      new Paragraph({
        alignment: 'center',
        spacing: { line: Math.round(size * 1.2 * 20), lineRule: 'exact', before: 0, after: 0 },
        children: [
          new TextRun({
            text: draftMark.text,
            color: draftMarkColor,
            size: size * 2,
            font: runFonts(fontNames.xiaobiaosong),
            snapToGrid: false,
          }),
        ],
      }),
    ],
    floating: {
      horizontalPosition: {
        relative: HorizontalPositionRelativeFrom.PAGE,
        offset: Math.round(((page.pageWidthMm - widthMm) / 2) * emuPerMm),
      },
      verticalPosition: {
        relative: VerticalPositionRelativeFrom.PAGE,
        offset: Math.round(((page.pageHeightMm - heightMm) / 2) * emuPerMm),
      },
      wrap: { type: TextWrappingType.NONE },
      allowOverlap: true,
      behindDocument: true,
    },
  });
  return new Paragraph({ style: styleIds.header, children: [mark] });
}
