// Owns how each block of a RenderDoc is set in the PDF: title, 发文字号, 主送机关, headings, paragraphs, 附件说明,
// signature lines, 署名与成文日期 and spacing, following GB/T 9704-2012 when the page has a grid.
import { pointSizes, type Block, type FontRole, type SignatureEntry } from '../model';
import { bodySize, mm, smallSize, type Flow } from './flow';
import { lineWidth, positionLine, type Line } from './linebreak';
import { renderTable } from './table';
import { drawUnits, measure, type Style, type TextUnit } from './text';

const style = (role: FontRole, size: number, bold = false): Style => ({ role, bold, size, underline: false });

/** Units of plain text in one style, on the grid when the size is the body size. */
function textUnits(f: Flow, text: string, s: Style, width = f.g.width): TextUnit[] {
  return measure([{ text, style: s }], f.g.grid && s.size === bodySize ? f.g.grid.charPitch : null, width);
}

/** Draws units as one unbroken line starting at `left`. */
function drawLine(f: Flow, units: TextUnit[], left: number, baseline: number): void {
  const line: Line = { start: 0, end: units.length, hard: true };
  drawUnits(f.doc, units, 0, units.length, positionLine(units, line, Infinity, false), left, baseline);
}

const widthOf = (units: TextUnit[]): number => lineWidth(units, { start: 0, end: units.length, hard: true });

const headingRoles: Record<1 | 2 | 3, FontRole> = { 1: 'hei', 2: 'kai', 3: 'fangsong' };

export function renderBlock(f: Flow, block: Block): void {
  const grid = f.g.grid !== null;
  switch (block.kind) {
    case 'title': {
      const size = pointSizes['2号'];
      f.set(textUnits(f, block.text, style('xiaobiaosong', size)), { size, align: 'center', indentFirst: 0, indentRest: 0 });
      break;
    }
    case 'docNumber':
      f.set(textUnits(f, block.text, style('fangsong', bodySize)), { size: bodySize, align: 'center', indentFirst: 0, indentRest: 0 });
      break;
    case 'addressee':
      f.set(textUnits(f, block.text, style('fangsong', bodySize)), { size: bodySize, align: 'justify', indentFirst: 0, indentRest: 0 });
      break;
    case 'heading': {
      // GB/T 9704 sets every heading level in 3号, as the DOCX does; only the font changes with the level.
      const size = bodySize;
      const indent = grid ? 2 * f.charWidth(size) : 0;
      const units = textUnits(f, block.text, style(headingRoles[block.level], size, block.level === 3));
      f.set(units, { size, align: 'justify', indentFirst: indent, indentRest: 0 });
      break;
    }
    case 'paragraph': {
      const size = block.size === 'small' ? smallSize : bodySize;
      const runs = block.runs.map((r) => ({ text: r.text, style: { role: r.font ?? 'fangsong', bold: !!r.bold, size, underline: !!r.underline } }));
      const units = measure(runs, f.g.grid && size === bodySize ? f.g.grid.charPitch : null, f.g.width);
      f.set(units, { size, align: block.align, indentFirst: block.firstLineIndentChars * f.charWidth(size), indentRest: 0 });
      break;
    }
    case 'table':
      renderTable(f, block);
      f.snap();
      break;
    case 'attachments':
      renderAttachments(f, block.items);
      break;
    case 'signatures':
      renderSignatures(f, block.entries, block.columns);
      break;
    case 'closing':
      renderClosing(f, block.organiser, block.date, block.seal);
      break;
    case 'spacer':
      f.skip(block.lines * f.lineHeight(bodySize));
      break;
    case 'pageBreak':
      f.breakPage();
      break;
  }
}

/** 附件说明 (GB/T 9704 7.3.5.3): 左空二字 "附件：", items under the first item, long names wrapping under the name's first character. */
function renderAttachments(f: Flow, items: string[]): void {
  const s = style('fangsong', bodySize);
  const label = textUnits(f, '附件：', s);
  const itemLeft = f.g.left + 2 * f.charWidth(bodySize) + widthOf(label);
  const width = f.right - itemLeft;
  items.forEach((item, i) => {
    const number = /^\d+[.．、]\s*/.exec(item)?.[0] ?? '';
    const hang = number ? widthOf(textUnits(f, number, s)) : 0;
    const units = textUnits(f, item, s, width);
    const lead = i === 0 ? label : [];
    f.set([...lead, ...units], { size: bodySize, align: 'left', left: itemLeft, width, indentFirst: -widthOf(lead), indentRest: hang });
  });
}

/**
 * 发文机关署名 and 成文日期 (GB/T 9704 7.3.5.1/7.3.5.2). With a seal: two blank lines for the seal, the date 右空四字 and
 * the organiser centred over it (the seal itself is stamped or added by the signing step; nothing is drawn). Without:
 * one blank line, the organiser 右空二字 and the date below it starting two characters further right.
 */
function renderClosing(f: Flow, organiser: string, date: string, seal: boolean): void {
  const s = style('fangsong', bodySize);
  const ch = f.charWidth(bodySize);
  const lh = f.lineHeight(bodySize);
  const org = textUnits(f, organiser, s);
  const day = textUnits(f, date, s);
  const orgW = widthOf(org);
  const dayW = widthOf(day);
  let orgLeft: number;
  let dayLeft: number;
  if (seal) {
    dayLeft = f.right - 4 * ch - dayW;
    orgLeft = dayLeft + (dayW - orgW) / 2;
  } else {
    orgLeft = f.right - 2 * ch - orgW;
    dayLeft = orgLeft + 2 * ch;
    if (dayLeft + dayW > f.right - 2 * ch) {
      dayLeft = f.right - 2 * ch - dayW;
      orgLeft = dayLeft - 2 * ch;
    }
  }
  f.snap();
  f.skip((seal ? 2 : 1) * lh);
  const top = f.place(2 * lh);
  drawLine(f, org, orgLeft, f.baseline(top, bodySize, lh));
  drawLine(f, day, dayLeft, f.baseline(top + lh, bodySize, lh));
}

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(png: Uint8Array, who: string): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) throw new Error(`${who}的签名图片不是 PNG 文件：请重新签名或上传 PNG 图片。`);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Height of a handwritten signature image (~15 mm). */
const signatureHeight = mm(15);

/**
 * Signature lines, `columns` per row: "角色：姓名" with the handwritten PNG over the name (or a line to sign on), and
 * "日期：…" below (or a line to write the date on). A row never splits across pages.
 */
function renderSignatures(f: Flow, entries: SignatureEntry[], columns: 1 | 2 | 3): void {
  const size = f.g.grid ? bodySize : smallSize;
  const lh = f.g.grid ? f.g.grid.linePitch : size * 1.8;
  const entryWidth = f.g.width / columns;
  const nameDrop = 0.8 * signatureHeight + 4;
  let rowHeight = nameDrop + lh + 0.4 * size;
  if (f.g.grid) rowHeight = Math.ceil(rowHeight / f.g.grid.linePitch) * f.g.grid.linePitch;
  f.snap();
  for (let i = 0; i < entries.length; i += columns) {
    const top = f.place(rowHeight);
    entries.slice(i, i + columns).forEach((e, k) => {
      const x = f.g.left + k * entryWidth;
      const nameBaseline = top + nameDrop;
      const label = textUnits(f, `${e.role}：`, style('fangsong', size));
      const nameX = x + widthOf(label) + 2;
      const nameWidth = entryWidth - widthOf(label) - 14;
      drawLine(f, label, x, nameBaseline);
      drawLine(f, textUnits(f, e.name, style('fangsong', size)), nameX, nameBaseline);
      if (e.image) {
        const px = pngSize(e.image, `${e.role}${e.name}`);
        let h = signatureHeight;
        let w = (h * px.width) / px.height;
        if (w > nameWidth) [w, h] = [nameWidth, (nameWidth * px.height) / px.width];
        f.doc.image(Buffer.from(e.image), nameX, nameBaseline - 0.8 * h, { width: w, height: h });
      } else {
        f.doc.save().lineWidth(0.6).moveTo(nameX, nameBaseline + 3).lineTo(nameX + nameWidth, nameBaseline + 3).stroke().restore();
      }
      const dateBaseline = nameBaseline + lh;
      const dateLabel = textUnits(f, '日期：', style('fangsong', size));
      drawLine(f, dateLabel, x, dateBaseline);
      if (e.date) drawLine(f, textUnits(f, e.date, style('fangsong', size)), x + widthOf(dateLabel) + 2, dateBaseline);
      else {
        const from = x + widthOf(dateLabel) + 2;
        f.doc.save().lineWidth(0.6).moveTo(from, dateBaseline + 3).lineTo(from + Math.min(nameWidth, 7 * size), dateBaseline + 3).stroke().restore();
      }
    });
  }
}
