// Owns what a DOCX's styles.xml says a paragraph style gives: heading level, bold, face, 段前分页, list numbering (through basedOn and the default style).
import { fontOf, isOn, val, walk } from './docxXml';

interface Style {
  name: string;
  basedOn?: string;
  outlineLevel?: number;
  bold?: boolean;
  font?: string;
  pageBreakBefore?: boolean;
  numId?: string;
  ilvl?: number;
}

export interface Styles {
  /** The heading level (1-based) a paragraph style gives, following basedOn. */
  level(styleId: string | undefined): number | undefined;
  bold(styleId: string | undefined): boolean;
  /** The face a paragraph style sets, else the document default's ('' when neither names one). */
  font(styleId: string | undefined): string;
  pageBreakBefore(styleId: string | undefined): boolean;
  numPr(styleId: string | undefined): { numId: string; ilvl?: number } | undefined;
}

export function parseStyles(xml: string | undefined): Styles {
  const styles = new Map<string, Style>();
  let current: Style | undefined;
  /** The paragraph style of a paragraph that names none (Normal / 正文). */
  let defaultStyle: string | undefined;
  let defaultFont = '';
  if (xml !== undefined)
    walk(xml, {
      open(tag, path) {
        const parent = path.at(-1);
        if (tag.name === 'w:style') {
          current = { name: '' };
          const id = tag.attributes['w:styleId'];
          if (tag.attributes['w:type'] === 'paragraph' && id) {
            styles.set(id, current);
            if (['1', 'true', 'on'].includes(tag.attributes['w:default'] ?? '')) defaultStyle ??= id;
          }
        } else if (tag.name === 'w:rFonts' && path.includes('w:rPrDefault')) defaultFont = fontOf(tag) ?? '';
        else if (!current) return;
        else if (tag.name === 'w:rFonts' && parent === 'w:rPr') current.font = fontOf(tag);
        else if (tag.name === 'w:name') current.name = val(tag) ?? '';
        else if (tag.name === 'w:basedOn') current.basedOn = val(tag);
        else if (tag.name === 'w:outlineLvl' && parent === 'w:pPr') current.outlineLevel = Number(val(tag));
        else if (tag.name === 'w:pageBreakBefore' && parent === 'w:pPr') current.pageBreakBefore = isOn(tag);
        else if (tag.name === 'w:b' && parent === 'w:rPr') current.bold = isOn(tag);
        else if (tag.name === 'w:numId' && parent === 'w:numPr') current.numId = val(tag);
        else if (tag.name === 'w:ilvl' && parent === 'w:numPr') current.ilvl = Number(val(tag));
      },
      close(name) {
        if (name === 'w:style') current = undefined;
      },
    });
  /** The first value a style or one of its bases defines (a basedOn cycle ends the search). */
  const inherited = <T>(styleId: string | undefined, pick: (s: Style) => T | undefined): T | undefined => {
    const seen = new Set<string>();
    for (let id = styleId ?? defaultStyle; id !== undefined && !seen.has(id); id = styles.get(id)?.basedOn) {
      seen.add(id);
      const s = styles.get(id);
      const v = s && pick(s);
      if (v !== undefined) return v;
    }
    return undefined;
  };
  return {
    level: (id) =>
      inherited(id, (s) => {
        const named = /^(?:heading|标题) ?([1-9])$/i.exec(s.name.trim());
        if (named) return Number(named[1]);
        return s.outlineLevel !== undefined && s.outlineLevel >= 0 && s.outlineLevel < 9 ? s.outlineLevel + 1 : undefined;
      }),
    bold: (id) => inherited(id, (s) => s.bold) ?? false,
    font: (id) => inherited(id, (s) => s.font) ?? defaultFont,
    pageBreakBefore: (id) => inherited(id, (s) => s.pageBreakBefore) ?? false,
    numPr: (id) => inherited(id, (s) => (s.numId !== undefined ? { numId: s.numId, ilvl: s.ilvl } : undefined)),
  };
}
