// Owns reading a DOCX body as the pre-check needs it: each paragraph's text with the number Word displays, its heading level, emphasis and page.
//
// mammoth (which the viewer uses) drops what decides a heading here: the number Word draws from numbering.xml
// (`第%1章`, `%1.%2`), outline levels, and the page breaks Word recorded when it last laid the file out. So the text
// path reads word/document.xml itself (docxXml.ts: saxes, which never expands entities; a DTD is refused).
import type { CuedLine } from './headingLines';
import { Numbering } from './docxNumbering';
import { parseStyles, type Styles } from './docxStyles';
import { DocxStructureError, fontOf, isOn, readParts, val, walk } from './docxXml';

/** The lines of a DOCX in reading order, each on the page the file's page breaks put it (page 1 when it records none). */
export async function docxLines(file: string): Promise<CuedLine[]> {
  const parts = await readParts(file, ['word/document.xml', 'word/numbering.xml', 'word/styles.xml']);
  const document = parts.get('word/document.xml');
  if (document === undefined) throw new DocxStructureError('缺少 word/document.xml');
  const styles = parseStyles(parts.get('word/styles.xml'));
  const numbering = new Numbering(parts.get('word/numbering.xml'), styles);
  return bodyLines(document, styles, numbering);
}

interface Paragraph {
  text: string;
  styleId?: string;
  numId?: string;
  ilvl?: number;
  outlineLevel?: number;
  chars: number;
  boldChars: number;
  /** Characters per run face (the run's w:rFonts, else its paragraph style's, else the document default's). */
  fonts: Map<string, number>;
  /** The page its first text is on. */
  at?: number;
  sectionBreak: boolean;
}

interface Row {
  cells: string[];
  at?: Paragraph['at'];
  /** The first paragraph of the row, for a one-cell table (a title box) that carries a heading style. */
  first?: Paragraph;
}

function bodyLines(xml: string, styles: Styles, numbering: Numbering): CuedLine[] {
  const out: CuedLine[] = [];
  let page = 1;
  /**
   * Word records where each page began at its last layout (w:lastRenderedPageBreak) next to the breaks the author typed
   * (page breaks, 段前分页, section breaks), often both at one place; a break counts only after text, so that pair is one
   * page, and a break before anything (a heading style's 段前分页 on page 1) adds none.
   */
  let textSinceBreak = false;
  const pageBreak = () => {
    if (textSinceBreak) page++;
    textSinceBreak = false;
  };
  const paragraphs: Paragraph[] = [];
  const tables: { rows: Row[]; row?: Row; cell?: string[] }[] = [];
  let run: { bold?: boolean; font?: string } | undefined;
  /** Per line of `out`: the font most of a paragraph's characters are in (undefined for table rows). */
  const lineFonts: (string | undefined)[] = [];

  /** A paragraph's own outline level (0-based, 9 = body text) overrides its style's. */
  const levelOf = (p: Paragraph) =>
    p.outlineLevel !== undefined ? (p.outlineLevel < 9 ? p.outlineLevel + 1 : undefined) : styles.level(p.styleId);
  const lineOf = (p: Paragraph): CuedLine | undefined => {
    const level = levelOf(p);
    const { label, suffix } = p.styleId !== undefined || p.numId !== undefined ? numbering.next(p.styleId, p) : { label: '', suffix: '' };
    const body = p.text.replace(/[ \u00a0]+/g, ' ').trim();
    if (!body || !p.at) return undefined;
    return {
      text: label ? `${label}${suffix}${body}` : body,
      page: p.at,
      emphasised: level !== undefined || (p.chars > 0 && p.boldChars >= 0.9 * p.chars),
      ...(level !== undefined ? { level } : {}),
    };
  };

  walk(xml, {
    open(tag, path) {
      const parent = path.at(-1);
      const p = paragraphs.at(-1);
      switch (tag.name) {
        case 'w:p':
          paragraphs.push({ text: '', chars: 0, boldChars: 0, fonts: new Map(), sectionBreak: false });
          return;
        case 'w:tbl':
          tables.push({ rows: [] });
          return;
        case 'w:tr':
          if (tables.at(-1)) tables.at(-1)!.row = { cells: [] };
          return;
        case 'w:tc':
          if (tables.at(-1)) tables.at(-1)!.cell = [];
          return;
        case 'w:r':
          run = { bold: styles.bold(p?.styleId), font: styles.font(p?.styleId) };
          return;
        case 'w:lastRenderedPageBreak':
          pageBreak();
          return;
        case 'w:br':
          if (tag.attributes['w:type'] === 'page') pageBreak();
          else if (p && run) p.text += ' ';
          return;
        case 'w:tab':
          if (p && run && parent === 'w:r') p.text += '\t';
          return;
      }
      if (!p) return;
      if (parent === 'w:pPr') {
        if (tag.name === 'w:pStyle') {
          p.styleId = val(tag);
          if (styles.pageBreakBefore(p.styleId)) pageBreak();
        } else if (tag.name === 'w:pageBreakBefore' && isOn(tag)) pageBreak();
        else if (tag.name === 'w:outlineLvl') p.outlineLevel = Number(val(tag));
        else if (tag.name === 'w:sectPr') p.sectionBreak = true;
      } else if (parent === 'w:numPr' && path.at(-2) === 'w:pPr') {
        if (tag.name === 'w:numId') p.numId = val(tag);
        else if (tag.name === 'w:ilvl') p.ilvl = Number(val(tag));
      } else if (parent === 'w:rPr' && path.at(-2) === 'w:r' && run && tag.name === 'w:b') run.bold = isOn(tag);
      else if (parent === 'w:rPr' && path.at(-2) === 'w:r' && run && tag.name === 'w:rFonts') run.font = fontOf(tag) ?? run.font;
      else if (tag.name === 'w:type' && parent === 'w:sectPr' && path.at(-2) === 'w:pPr' && val(tag) === 'continuous')
        p.sectionBreak = false;
    },
    text(t, path) {
      const p = paragraphs.at(-1);
      // A text box is written twice (mc:Choice and its mc:Fallback copy); a tracked move keeps the moved-from text.
      if (!p || path.at(-1) !== 'w:t' || !run || path.includes('mc:Fallback') || path.includes('w:moveFrom')) return;
      const visible = t.replace(/\s/g, '').length;
      if (visible) {
        p.at ??= page;
        textSinceBreak = true;
      }
      p.text += t;
      p.chars += visible;
      if (run.bold) p.boldChars += visible;
      p.fonts.set(run.font ?? '', (p.fonts.get(run.font ?? '') ?? 0) + visible);
    },
    close(name) {
      if (name === 'w:r') run = undefined;
      else if (name === 'w:p') {
        const p = paragraphs.pop()!;
        const table = tables.at(-1);
        const line = lineOf(p);
        if (table?.cell) {
          if (line) {
            table.cell.push(line.text);
            if (table.row) {
              table.row.at ??= line.page;
              table.row.first ??= p;
            }
          }
        } else if (line) {
          out.push(line);
          lineFonts.push([...p.fonts].sort((a, b) => b[1] - a[1])[0]?.[0]);
        }
        if (p.sectionBreak) pageBreak();
      } else if (name === 'w:tc') {
        const table = tables.at(-1);
        if (table?.row && table.cell) table.row.cells.push(table.cell.join(' '));
        if (table) table.cell = undefined;
      } else if (name === 'w:tr') {
        const table = tables.at(-1);
        if (table?.row) table.rows.push(table.row);
        if (table) table.row = undefined;
      } else if (name === 'w:tbl') {
        const table = tables.pop()!;
        const rows = table.rows.filter((r) => r.at && r.cells.some((c) => c.trim()));
        const outer = tables.at(-1);
        if (outer?.cell) {
          // A table inside a cell: its text belongs to that cell.
          outer.cell.push(...rows.map((r) => r.cells.join(' ')));
          if (outer.row) outer.row.at ??= rows[0]?.at;
          return;
        }
        const titleBox = table.rows.length === 1 && table.rows[0]!.cells.length === 1;
        for (const r of rows) {
          const level = r.first && levelOf(r.first);
          // A one-cell table is a title box: its text is set apart like a heading.
          out.push({
            text: r.cells.join('\t').replace(/\t+$/, ''),
            page: r.at!,
            emphasised: titleBox,
            ...(titleBox && level !== undefined ? { level } : {}),
          });
          lineFonts.push(undefined);
        }
      }
    },
  });
  // A paragraph set in another font than the body's (黑体 headings typed by hand over 仿宋 text) is set apart too.
  const chars = new Map<string, number>();
  lineFonts.forEach((f, i) => f !== undefined && chars.set(f, (chars.get(f) ?? 0) + out[i]!.text.length));
  const bodyFont = [...chars].sort((a, b) => b[1] - a[1])[0]?.[0];
  return out.map((l, i) => (lineFonts[i] !== undefined && lineFonts[i] !== bodyFont ? { ...l, emphasised: true } : l));
}
