// Owns how each block of a RenderDoc is set in the PDF: the 信函格式 版头, title, 发文字号, 主送机关, headings,
// paragraphs, 附件说明, signature lines, 署名与成文日期, 版记 and spacing, following GB/T 9704-2012 when the page has a grid.
import { titleLines } from '../layout';
import {
  letterheadMm,
  letterheadRed,
  noBodyNotice,
  pointSizes,
  type Block,
  type FontRole,
  type Letterhead,
  type SignatureEntry,
} from '../model';
import { bodySize, mm, smallSize, type Flow } from './flow';
import { emAscent } from './fonts';
import { breakLines, lineWidth, positionLine, type Line } from './linebreak';
import { renderTable } from './table';
import { drawUnits, measure, textWidth, type Style, type TextUnit } from './text';

const style = (role: FontRole, size: number, bold = false): Style => ({ role, bold, size, underline: false });

/** Units of plain text in one style, on the grid when the size is the body size. */
function textUnits(f: Flow, text: string, s: Style, width = f.g.width): readonly TextUnit[] {
  return measure([{ text, style: s }], f.g.grid && s.size === bodySize ? f.g.grid.charPitch : null, width);
}

/** Draws units as one unbroken line starting at `left`. */
function drawLine(f: Flow, units: readonly TextUnit[], left: number, baseline: number): void {
  const line: Line = { start: 0, end: units.length, hard: true };
  drawUnits(f.doc, units, 0, units.length, positionLine(units, line, Infinity, false), left, baseline);
}

const widthOf = (units: readonly TextUnit[]): number => lineWidth(units, { start: 0, end: units.length, hard: true });

const headingRoles: Record<1 | 2 | 3, FontRole> = { 1: 'hei', 2: 'kai', 3: 'fangsong' };

export function renderBlock(f: Flow, block: Block): void {
  const grid = f.g.grid !== null;
  switch (block.kind) {
    case 'title': {
      // 2号小标宋, broken between words into a 梯形/菱形 (layout.ts titleLines), one grid line per line.
      const size = pointSizes['2号'];
      const s = style('xiaobiaosong', size);
      for (const line of titleLines(block.text, (t) => textWidth(t, s.role, size), f.g.width)) {
        f.set(textUnits(f, line, s), { size, align: 'center', indentFirst: 0, indentRest: 0 });
      }
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
      const runs = block.runs.map((r) => ({
        text: r.text,
        style: { role: r.font ?? 'fangsong', bold: !!r.bold, size, underline: !!r.underline },
      }));
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
    case 'record':
      renderRecord(f, block);
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
  // The seal's space and both lines stay on one page (a keep group, render.ts).
  if (!f.atPageTop && f.linesLeft(lh) < (seal ? 4 : 3)) f.newPage();
  if (!f.atPageTop) f.skip((seal ? 2 : 1) * lh);
  const unit = f.beginUnit();
  const top = f.place(2 * lh);
  drawLine(f, org, orgLeft, f.baseline(top, bodySize, lh));
  drawLine(f, day, dayLeft, f.baseline(top + lh, bodySize, lh));
  f.endUnit(unit);
}

/**
 * 版记 (GB/T 9704 7.4) at the foot of the last page's 版心, its last line on the 版心's last line: 抄送 in 4号仿宋,
 * 左右各空一字, wrapped lines aligned after the colon; 印发机关 (左空一字) and 印发日期 + 印发 (右空一字) on one line;
 * with `rules`, a thick line over the first and under the last element and a thin line between them. 信函格式 prints
 * 抄送 only, without rules (10.1).
 */
function renderRecord(f: Flow, b: Extract<Block, { kind: 'record' }>): void {
  const size = pointSizes['4号'];
  const s = style('fangsong', size);
  const lh = f.g.grid ? f.g.grid.linePitch : size * 1.5;
  const ch = size;
  const inner = f.g.width - 2 * ch;
  const label = measure([{ text: '抄送：', style: s }], null, inner);
  const copy = b.copyTo ? measure([{ text: b.copyTo, style: s }], null, inner - widthOf(label)) : [];
  const copyLines = b.copyTo ? breakLines(copy, inner - widthOf(label), inner - widthOf(label)) : [];
  const printLine = b.printer || b.printedOn;
  const lines = copyLines.length + (printLine ? 1 : 0);
  if (lines === 0) return;
  f.snap();
  if (!f.atPageTop && f.linesLeft(lh) < lines) f.newPage();
  const unit = f.beginUnit();
  const top = f.bottom - lines * lh;
  f.y = top;
  f.place(lines * lh);
  const left = f.g.left + ch;
  const rule = (y: number, weight: number) =>
    f.doc.save().lineWidth(weight).strokeColor('black').moveTo(f.g.left, y).lineTo(f.right, y).stroke().restore();
  copyLines.forEach((line, k) => {
    const baseline = f.baseline(top + k * lh, size, lh);
    if (k === 0) drawLine(f, label, left, baseline);
    const xs = positionLine(copy, line, inner - widthOf(label), true);
    drawUnits(f.doc, copy, line.start, line.end, xs, left + widthOf(label), baseline);
  });
  if (printLine) {
    const y = top + copyLines.length * lh;
    const baseline = f.baseline(y, size, lh);
    if (b.printer) drawLine(f, measure([{ text: b.printer, style: s }], null, inner), left, baseline);
    if (b.printedOn) {
      const units = measure([{ text: `${b.printedOn}印发`, style: s }], null, inner);
      drawLine(f, units, f.right - ch - widthOf(units), baseline);
    }
  }
  if (b.rules) {
    rule(top, mm(0.35));
    if (copyLines.length && printLine) rule(top + copyLines.length * lh, mm(0.25));
    rule(top + lines * lh, mm(0.35));
  }
  f.endUnit(unit);
}

/** "（此页无正文）" on the current line, 左空二字: a page holding only the 署名 or signatures says so. */
export function renderNotice(f: Flow): void {
  const lh = f.lineHeight(bodySize);
  const top = f.place(lh);
  drawLine(f, textUnits(f, noBodyNotice, style('fangsong', bodySize)), f.g.left + 2 * f.charWidth(bodySize), f.baseline(top, bodySize, lh));
}

/**
 * 信函格式 版头 on page 1 (GB/T 9704-2012 10.1): the 发文机关标志 in red 小标宋 centred over the 版心, its top 30 mm from
 * the page's top edge; 4 mm under it a red double line (thick over thin), and 20 mm above the page's lower edge a red
 * double line (thin over thick), both 170 mm long and centred; the 发文字号 flush with the 版心's right edge, 7/8 of a
 * 3号 character under the first line. The body starts two lines under the 发文字号 (标题与其上最后一个要素相距二行):
 * the grid's first line on page 1 is the 发文字号's line.
 */
export function renderLetterhead(f: Flow, head: Letterhead): void {
  const L = letterheadMm;
  const centre = f.g.left + f.g.width / 2;
  let size: number = L.markSizePt;
  const markStyle = style('xiaobiaosong', size);
  const natural = textWidth(head.mark, 'xiaobiaosong', size);
  if (natural > f.g.width) size = (size * f.g.width) / natural;
  const mark = measure([{ text: head.mark, style: { ...markStyle, size } }], null, Infinity);
  const markTop = mm(L.markTop);
  f.doc.save().fillColor(letterheadRed);
  drawLine(f, mark, centre - widthOf(mark) / 2, markTop + emAscent * size);
  f.doc.restore();
  const doubleLine = (top: number, thickFirst: boolean) => {
    const [a, b] = thickFirst ? [L.thick, L.thin] : [L.thin, L.thick];
    const x0 = centre - mm(L.lineLength) / 2;
    const x1 = centre + mm(L.lineLength) / 2;
    f.doc.save().fillColor(letterheadRed);
    f.doc.rect(x0, top, x1 - x0, mm(a)).fill();
    f.doc.rect(x0, top + mm(a + L.between), x1 - x0, mm(b)).fill();
    f.doc.restore();
  };
  const lineTop = markTop + size + mm(L.lineGap);
  const lineBottom = lineTop + mm(L.thick + L.between + L.thin);
  doubleLine(lineTop, true);
  doubleLine(f.g.pageHeight - mm(L.bottomLineFromPageBottom) - mm(L.thick + L.between + L.thin), false);
  const numberTop = lineBottom + (7 / 8) * bodySize;
  if (head.docNumber) {
    const units = textUnits(f, head.docNumber, style('fangsong', bodySize));
    drawLine(f, units, f.right - widthOf(units), numberTop + emAscent * bodySize);
  }
  const pitch = f.lineHeight(bodySize);
  f.origin = numberTop;
  f.y = head.docNumber ? numberTop + 2 * pitch : numberTop;
  f.markUsed();
}

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(png: Uint8Array, who: string): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b))
    throw new Error(`${who}的签名图片不是 PNG 文件：请重新签名或上传 PNG 图片。`);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Height of a handwritten signature image (~15 mm). */
const signatureHeight = mm(15);

/**
 * Signature lines, `columns` per row: "角色：姓名" with the handwritten PNG over the name (or a line to sign on), and
 * "日期：…" below (or a line to write the date on). A row never splits across pages.
 */
export function signatureMetrics(grid: { linePitch: number } | null): {
  size: number;
  lineHeight: number;
  nameDrop: number;
  rowHeight: number;
} {
  const size = grid ? bodySize : smallSize;
  const lineHeight = grid ? grid.linePitch : size * 1.8;
  const nameDrop = 0.8 * signatureHeight + 4;
  let rowHeight = nameDrop + lineHeight + 0.4 * size;
  if (grid) rowHeight = Math.ceil(rowHeight / grid.linePitch) * grid.linePitch;
  return { size, lineHeight, nameDrop, rowHeight };
}

function renderSignatures(f: Flow, entries: SignatureEntry[], columns: 1 | 2 | 3): void {
  const { size, lineHeight: lh, nameDrop, rowHeight } = signatureMetrics(f.g.grid);
  const entryWidth = f.g.width / columns;
  f.snap();
  // The whole block on one page when it fits on one.
  const rows = Math.ceil(entries.length / columns);
  if (!f.atPageTop && f.y + rows * rowHeight > f.bottom + 0.01 && rows * rowHeight <= f.g.height) f.newPage();
  for (let i = 0; i < entries.length; i += columns) {
    const unit = f.beginUnit();
    const top = f.place(rowHeight);
    f.endUnit(unit);
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
        f.doc
          .save()
          .lineWidth(0.6)
          .moveTo(nameX, nameBaseline + 3)
          .lineTo(nameX + nameWidth, nameBaseline + 3)
          .stroke()
          .restore();
      }
      const dateBaseline = nameBaseline + lh;
      const dateLabel = textUnits(f, '日期：', style('fangsong', size));
      drawLine(f, dateLabel, x, dateBaseline);
      if (e.date) drawLine(f, textUnits(f, e.date, style('fangsong', size)), x + widthOf(dateLabel) + 2, dateBaseline);
      else {
        const from = x + widthOf(dateLabel) + 2;
        f.doc
          .save()
          .lineWidth(0.6)
          .moveTo(from, dateBaseline + 3)
          .lineTo(from + Math.min(nameWidth, 7 * size), dateBaseline + 3)
          .stroke()
          .restore();
      }
    });
  }
}
