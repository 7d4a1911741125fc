// Owns reading a DOCX body as the pre-check needs it: each paragraph's text with the number Word displays, its heading level, emphasis and page.
//
// mammoth (which the viewer uses) drops what decides a heading here: the number Word draws from numbering.xml
// (`第%1章`, `%1.%2`), outline levels, and the page breaks Word recorded when it last laid the file out. So the text
// path reads word/document.xml itself (docxXml.ts: saxes, which never expands entities; a DTD is refused).
//
// Footnotes and endnotes (a cited standard often lives in one) are lines of their own, numbered in order of first
// reference, on the page Word prints them: a footnote on the page of its reference, after that page's body text; an
// endnote on the last page. They are searchable text, never headings. Headers and footers are left out entirely: a
// running header (the report's title) or footer (页码) repeats on every page, so its words would hit every page in
// search and keyword rules while saying nothing the body does not. A notes part that cannot be parsed is left out (the
// body still reads); one too large is refused with the file like any other part (ooxmlLimits.ts, readParts).
import type { CuedLine } from './headingLines';
import { Numbering } from './docxNumbering';
import { parseStyles, type Styles } from './docxStyles';
import { DocxStructureError, fontOf, isOn, readParts, val, walk } from './docxXml';

/** A DOCX's text: the body's lines in reading order (headings come from these) and the note lines (never headings). */
export interface DocxText {
  body: CuedLine[];
  notes: { text: string; page: number }[];
}

const FOOTNOTES = 'word/footnotes.xml';
const ENDNOTES = 'word/endnotes.xml';

/** The lines of a DOCX, each on the page the file's page breaks put it (page 1 when it records none). */
export async function docxLines(file: string): Promise<DocxText> {
  const parts = await readParts(file, ['word/document.xml', 'word/numbering.xml', 'word/styles.xml', FOOTNOTES, ENDNOTES]);
  const document = parts.get('word/document.xml');
  if (document === undefined) throw new DocxStructureError('缺少 word/document.xml');
  const styles = parseStyles(parts.get('word/styles.xml'));
  const numbering = new Numbering(parts.get('word/numbering.xml'), styles);
  const { lines, references } = bodyLines(document, styles, numbering);
  const lastPage = lines.reduce((n, l) => Math.max(n, l.page), 1);
  const texts = { footnote: noteTexts(parts.get(FOOTNOTES), 'w:footnote'), endnote: noteTexts(parts.get(ENDNOTES), 'w:endnote') };
  const numbered = { footnote: new Set<string>(), endnote: new Set<string>() };
  const notes: (DocxText['notes'][number] & { endnote: boolean })[] = [];
  for (const r of references) {
    const text = texts[r.kind].get(r.id);
    if (text === undefined || numbered[r.kind].has(r.id)) continue;
    numbered[r.kind].add(r.id);
    notes.push({
      text: `${numbered[r.kind].size} ${text}`,
      page: r.kind === 'footnote' ? r.page : lastPage,
      endnote: r.kind === 'endnote',
    });
  }
  // Endnotes after the last page's footnotes, as Word prints them.
  return {
    body: lines,
    notes: [...notes.filter((n) => !n.endnote), ...notes.filter((n) => n.endnote)].map(({ text, page }) => ({ text, page })),
  };
}

/** Each note's text by id (paragraphs joined by a space); the separator notes Word keeps with a w:type are not notes. */
function noteTexts(xml: string | undefined, element: 'w:footnote' | 'w:endnote'): Map<string, string> {
  const notes = new Map<string, string>();
  if (xml === undefined) return notes;
  let note: { id: string; text: string } | undefined;
  try {
    walk(xml, {
      open(tag, path) {
        if (tag.name === element && path.length === 1 && !tag.attributes['w:type']) note = { id: tag.attributes['w:id'] ?? '', text: '' };
        else if (note && (tag.name === 'w:p' || tag.name === 'w:tab' || tag.name === 'w:br')) note.text += ' ';
      },
      text(t, path) {
        if (note && path.at(-1) === 'w:t' && !path.includes('mc:Fallback') && !path.includes('w:moveFrom')) note.text += t;
      },
      close(name, path) {
        if (name !== element || path.length !== 1 || !note) return;
        const text = note.text.replace(/\s+/g, ' ').trim();
        if (text) notes.set(note.id, text);
        note = undefined;
      },
    });
  } catch (err) {
    if (err instanceof DocxStructureError) return new Map();
    throw err;
  }
  return notes;
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

/** A footnote or endnote reference in the body, on the page it is on. */
interface NoteReference {
  kind: 'footnote' | 'endnote';
  id: string;
  page: number;
}

function bodyLines(xml: string, styles: Styles, numbering: Numbering): { lines: CuedLine[]; references: NoteReference[] } {
  const out: CuedLine[] = [];
  const references: NoteReference[] = [];
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
        case 'w:footnoteReference':
        case 'w:endnoteReference':
          if (!path.includes('mc:Fallback') && !path.includes('w:moveFrom'))
            references.push({ kind: tag.name === 'w:footnoteReference' ? 'footnote' : 'endnote', id: tag.attributes['w:id'] ?? '', page });
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
  const lines = out.map((l, i) => (lineFonts[i] !== undefined && lineFonts[i] !== bodyFont ? { ...l, emphasised: true } : l));
  return { lines, references };
}
