// Owns the hand-made PDF corpus (`npx tsx scripts/make-pdf-corpus.ts [dir]`, default test/artifacts/pdf-corpus): small PDFs, written object by object, in the shapes real submissions take and our pdfkit/LibreOffice generators never write.
//
// Non-embedded Adobe-GB1 fonts (STSong-Light with UniGB-UCS2-H, GBK-EUC-H, GB-EUC-H: old iText and 政务 systems), a
// TrueType font whose WinAnsi encoding is changed by /Differences, Type3 fonts (glyph names only, and a ToUnicode map),
// a page turned by /Rotate and text turned by its matrix, text inside nested Form XObjects, two text columns, a table
// of cells, a PDF 1.5 file whose objects live in an object stream behind a cross-reference stream (LibreOffice's export
// writes a classic table; qpdf is not installed), and owner-password-only encrypted files (pdfkit, RC4 and AES-256).
// Each file lists the lines it draws, so a test can check that a reader returns each one whole, on its page.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import { samplePdf } from './sample-fonts';

/** A line as drawn: the page it is on and its text. */
export interface DrawnLine {
  page: number;
  text: string;
}

export interface PdfCorpusFile {
  file: string;
  description: string;
  /** Every line the file draws, in order; a reader should return each as one line of its page. */
  lines: DrawnLine[];
}

type FontKind = 'ucs2' | 'gbk' | 'gb2312' | 'winansi' | 'type3names' | 'type3cjk';

/** One object's body: a dictionary (or other value), or a stream with its dictionary's other entries. */
type PdfObject = string | { dict: string; data: Buffer };

const A4 = '[0 0 595 842]';

/** GBK (and its GB2312 part) has no encoder in Node; its decoder run over every two-byte code gives the table. */
let gbkTable: Map<string, number[]> | undefined;
function gbkBytes(text: string): number[] {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const c = decoder.decode(Uint8Array.of(lead, trail));
        if (c.length === 1 && c !== '\ufffd' && !gbkTable.has(c)) gbkTable.set(c, [lead, trail]);
      }
  }
  return [...text].flatMap((c) => {
    if (c.charCodeAt(0) < 0x80) return [c.charCodeAt(0)];
    const bytes = gbkTable!.get(c);
    if (!bytes) throw new Error(`GBK has no code for ${c}`);
    return bytes;
  });
}

/** WinAnsi codes this corpus's /Differences moves to other glyphs: a reader that ignores them reads € for §. */
const differences: Record<string, number> = { '§': 0x80, '°': 0x81, '€': 0xb0, '–': 0xa4 };
/** Glyph names (Adobe Glyph List) of the characters the Type3 font draws. */
const glyphNames: Record<string, string> = {
  ' ': 'space',
  ',': 'comma',
  '.': 'period',
  ':': 'colon',
  '-': 'hyphen',
  ...Object.fromEntries(['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'].map((n, i) => [String(i), n])),
};

/** The codes of a simple (one-byte) font's text, per font kind; Type3 fonts number their glyphs from 1 in order of use. */
function encode(kind: FontKind, text: string, type3: Map<string, number>): string {
  const hex = (bytes: number[]) => `<${Buffer.from(bytes).toString('hex').toUpperCase()}>`;
  switch (kind) {
    case 'ucs2':
      return hex([...Buffer.from(text, 'utf16le').swap16()]);
    case 'gbk':
    case 'gb2312':
      return hex(gbkBytes(text));
    case 'winansi':
      return hex([...text].map((c) => differences[c] ?? c.charCodeAt(0)));
    case 'type3names':
    case 'type3cjk':
      return hex(
        [...text].map((c) => {
          if (!type3.has(c)) type3.set(c, type3.size + 1);
          return type3.get(c)!;
        }),
      );
  }
}

interface Text {
  text: string;
  x: number;
  y: number;
  size?: number;
  font?: FontKind;
  /** The text matrix's rotation in degrees (90: reads bottom to top). */
  angle?: number;
}

/** A content stream showing each text at its place, one BT…ET per text, as most producers write them. */
function content(texts: Text[], used: Map<FontKind, Map<string, number>>): string {
  return texts
    .map(({ text, x, y, size = 12, font = 'ucs2', angle = 0 }) => {
      const r = (angle * Math.PI) / 180;
      const [c, s] = [Math.round(Math.cos(r) * 1000) / 1000, Math.round(Math.sin(r) * 1000) / 1000];
      if (!used.has(font)) used.set(font, new Map());
      return `BT /${font} ${size} Tf ${c} ${s} ${-s} ${c} ${x} ${y} Tm ${encode(font, text, used.get(font)!)} Tj ET`;
    })
    .join('\n');
}

/** The font objects (the first at number `first`) and the /Font resource dictionary naming each kind after itself. */
function fonts(first: number, used: Map<FontKind, Map<string, number>>): { objects: PdfObject[]; resources: string } {
  const objects: PdfObject[] = [];
  const names: string[] = [];
  const add = (o: PdfObject) => objects.push(o) + first - 1;
  for (const [kind, glyphs] of used) {
    let font: number;
    if (kind === 'ucs2' || kind === 'gbk' || kind === 'gb2312') {
      const cmap = { ucs2: 'UniGB-UCS2-H', gbk: 'GBK-EUC-H', gb2312: 'GB-EUC-H' }[kind];
      const d = add(
        '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
      );
      const cid = add(
        `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${d} 0 R /DW 1000 /W [1 95 500] >>`,
      );
      font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-${cmap} /Encoding /${cmap} /DescendantFonts [${cid} 0 R] >>`);
    } else if (kind === 'winansi') {
      const diffs = Object.entries(differences)
        .map(([c, code]) => `${code} /${{ '§': 'section', '°': 'degree', '€': 'Euro', '–': 'endash' }[c]}`)
        .join(' ');
      const d = add(
        '<< /Type /FontDescriptor /FontName /Arial /Flags 32 /FontBBox [-665 -325 2000 1006] /ItalicAngle 0 /Ascent 905 /Descent -212 /CapHeight 716 /StemV 80 >>',
      );
      font = add(
        `<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 /LastChar 255 /Widths [${Array(224).fill(556).join(' ')}] /FontDescriptor ${d} 0 R /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [${diffs}] >> >>`,
      );
    } else {
      // Type3: every glyph a filled box (what it looks like does not matter to a text reader); names say what it is.
      const order = [...glyphs];
      const name = (c: string, code: number) =>
        kind === 'type3cjk'
          ? `g${code}`
          : (glyphNames[c] ?? (/^[A-Za-z]$/.test(c) ? c : `uni${c.codePointAt(0)!.toString(16).toUpperCase()}`));
      const procs = order.map(([c, code]) => {
        const box = c === ' ' ? '' : '50 0 400 600 re f';
        return `/${name(c, code)} ${add({ dict: '', data: Buffer.from(`500 0 0 0 500 700 d1 ${box}`) })} 0 R`;
      });
      const diffs = order.map(([c, code]) => `/${name(c, code)}`).join(' ');
      const toUnicode =
        kind === 'type3cjk'
          ? ` /ToUnicode ${add({
              dict: '',
              data: Buffer.from(
                `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <00> <FF> endcodespacerange ${order.length} beginbfchar ${order.map(([c, code]) => `<${code.toString(16).padStart(2, '0')}> <${Buffer.from(c, 'utf16le').swap16().toString('hex')}>`).join(' ')} endbfchar endcmap CMapName currentdict /CMap defineresource pop end end`,
              ),
            })} 0 R`
          : '';
      font = add(
        `<< /Type /Font /Subtype /Type3 /FontMatrix [0.001 0 0 0.001 0 0] /FontBBox [0 0 500 700] /Resources << >> /CharProcs << ${procs.join(' ')} >> /Encoding << /Type /Encoding /Differences [1 ${diffs}] >> /FirstChar 1 /LastChar ${order.length} /Widths [${order.map(() => 500).join(' ')}]${toUnicode} >>`,
      );
    }
    names.push(`/${kind} ${font} 0 R`);
  }
  return { objects, resources: `<< ${names.join(' ')} >>` };
}

/** The bytes of one object, numbered `n`. */
function objectBytes(n: number, o: PdfObject): Buffer {
  if (typeof o === 'string') return Buffer.from(`${n} 0 obj\n${o}\nendobj\n`, 'latin1');
  const dict = `<< ${o.dict} /Length ${o.data.length} >>`;
  return Buffer.concat([Buffer.from(`${n} 0 obj\n${dict}\nstream\n`, 'latin1'), o.data, Buffer.from('\nendstream\nendobj\n')]);
}

/** A classic file: header, objects 1…n (1 is the catalog), a cross-reference table and trailer. */
function classicFile(objects: PdfObject[], version = '1.4'): Buffer {
  const parts: Buffer[] = [Buffer.from(`%PDF-${version}\n%\xe2\xe3\xcf\xd3\n`, 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((o, i) => {
    const b = objectBytes(i + 1, o);
    offsets.push(at);
    at += b.length;
    parts.push(b);
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)];
  parts.push(
    Buffer.from(`${xref.join('\n')}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'),
  );
  return Buffer.concat(parts);
}

/**
 * A PDF 1.5 file: every non-stream object packed into one compressed object stream, found through a compressed
 * cross-reference stream (no `xref` table, no trailer dictionary).
 */
function compressedFile(objects: PdfObject[]): Buffer {
  const packed = objects.flatMap((o, i) => (typeof o === 'string' ? [i + 1] : []));
  const bodies = packed.map((n) => `${objects[n - 1] as string}\n`);
  let offset = 0;
  const header = packed.map((n, i) => `${n} ${(offset += i ? bodies[i - 1]!.length : 0)}`).join(' ') + '\n';
  const stm = objects.length + 1;
  const xrefNo = stm + 1;
  const objStm = Buffer.from(header + bodies.join(''), 'latin1');
  const all: PdfObject[] = [
    ...objects,
    {
      dict: `/Type /ObjStm /N ${packed.length} /First ${Buffer.byteLength(header, 'latin1')} /Filter /FlateDecode`,
      data: deflateSync(objStm),
    },
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets = new Map<number, number>();
  let at = parts[0]!.length;
  all.forEach((o, i) => {
    if (typeof o === 'string') return;
    offsets.set(i + 1, at);
    const b = objectBytes(i + 1, o);
    at += b.length;
    parts.push(b);
  });
  offsets.set(xrefNo, at);
  // Rows of [type, field 2 (4 bytes), field 3 (2 bytes)]: 0 free, 1 at an offset, 2 inside object stream `stm`.
  const rows = [[0, 0, 0xffff]];
  for (let n = 1; n <= xrefNo; n++) {
    const inStream = packed.indexOf(n);
    rows.push(inStream >= 0 ? [2, stm, inStream] : [1, offsets.get(n)!, 0]);
  }
  const table = Buffer.alloc(rows.length * 7);
  rows.forEach(([type, f2, f3], i) => {
    table.writeUInt8(type!, i * 7);
    table.writeUInt32BE(f2!, i * 7 + 1);
    table.writeUInt16BE(f3!, i * 7 + 5);
  });
  parts.push(
    objectBytes(xrefNo, { dict: `/Type /XRef /Size ${xrefNo + 1} /W [1 4 2] /Root 1 0 R /Filter /FlateDecode`, data: deflateSync(table) }),
    Buffer.from(`startxref\n${at}\n%%EOF\n`, 'latin1'),
  );
  return Buffer.concat(parts);
}

interface Page {
  texts: Text[];
  /** Drawn before the texts (table rules), in content-stream syntax. */
  graphics?: string;
  /** Shown turned a quarter clockwise (/Rotate 90), its content drawn turned back so it reads upright: a landscape page. */
  landscape?: boolean;
  /** Texts drawn inside a Form XObject (itself drawing a nested one with the rest) instead of on the page. */
  inForm?: Text[];
}

/** A whole document of `pages`: catalog, page tree, fonts, then each page with its contents (and forms); classic or compressed. */
function pdf(pages: Page[], compressed = false): Buffer {
  const used = new Map<FontKind, Map<string, number>>();
  const streams = pages.map((p) => ({
    page: `${p.landscape ? 'q 0 1 -1 0 595 0 cm\n' : ''}${p.graphics ?? ''}\n${content(p.texts, used)}${p.inForm ? '\nq 1 0 0 1 0 -40 cm /Fm1 Do Q' : ''}${p.landscape ? '\nQ' : ''}`,
    form: p.inForm && content(p.inForm, used),
  }));
  const { objects: fontObjects, resources } = fonts(3, used);
  const objects: PdfObject[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', ...fontObjects];
  const stream = (text: string, dict = ''): PdfObject => {
    const data = Buffer.from(text, 'latin1');
    return compressed ? { dict: `${dict} /Filter /FlateDecode`, data: deflateSync(data) } : { dict, data };
  };
  const kids = pages.map((p, i) => {
    const at = objects.length + 1;
    const { page, form } = streams[i]!;
    objects.push('', stream(page));
    let xobjects = '';
    if (form !== undefined) {
      // The outer form shows the first half of the lines and draws the nested one (moved down by its /Matrix) with the rest.
      const lines = form.split('\n');
      const half = Math.ceil(lines.length / 2);
      const form2 = at + 3;
      const formDict = '/Type /XObject /Subtype /Form /BBox [0 0 595 842]';
      objects.push(
        stream(
          `${lines.slice(0, half).join('\n')}\n/Fm2 Do`,
          `${formDict} /Resources << /Font ${resources} /XObject << /Fm2 ${form2} 0 R >> >>`,
        ),
        stream(lines.slice(half).join('\n'), `${formDict} /Matrix [1 0 0 1 0 -20] /Resources << /Font ${resources} >>`),
      );
      xobjects = ` /XObject << /Fm1 ${at + 2} 0 R >>`;
    }
    objects[at - 1] =
      `<< /Type /Page /Parent 2 0 R /MediaBox ${A4}${p.landscape ? ' /Rotate 90' : ''} /Resources << /Font ${resources}${xobjects} >> /Contents ${at + 1} 0 R >>`;
    return at;
  });
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  return compressed ? compressedFile(objects) : classicFile(objects);
}

/** A chapter page: its heading at 16 pt, then body lines at 12 pt, top-down from y `top`. */
function chapterPage(heading: string, body: string[], font: FontKind = 'ucs2', top = 760): Text[] {
  return [{ text: heading, x: 72, y: top, size: 16, font }, ...body.map((text, i) => ({ text, x: 72, y: top - 40 - i * 20, font }))];
}

const chapter5 = [
  '第五章　数据资源共享分析',
  [
    '本项目共享数据目录二十三类，向区大数据中心提供人口、法人数据接口。',
    '共享方式为接口调用和库表交换，更新频率为每日一次。',
    '开放数据清单经区政务数据管理部门审核后发布。',
  ],
] as const;
const chapter6 = [
  '第六章　网络安全保障措施',
  ['按照网络安全等级保护第二级要求建设，部署于区政务云。', '配备防火墙、入侵检测和日志审计，定期开展漏洞扫描。'],
] as const;
/** GBK beyond GB2312 (喆, 堃): names in real documents use them; GB-EUC-H cannot encode them. */
const gbkOnly = '项目负责人：王喆　技术负责人：李堃';

const leftColumn = [
  '左栏：建设内容包括统一身份认证、',
  '电子证照共享和办件数据归集三个',
  '子系统，复用区政务云计算资源。',
  '预计工期十二个月，分两期实施。',
];
const rightColumn = [
  '右栏：运维费用按照建设投资的百分',
  '之八测算，纳入年度财政预算。',
  '运维服务由中标单位负责三年，',
  '期满后另行采购。',
];
const table = [
  ['层面', '保护对象', '密码技术措施'],
  ['物理和环境', '政务云机房', '电子门禁记录采用SM3保护'],
  ['网络和通信', '远程运维通道', 'SSL VPN采用SM2/SM4算法'],
  ['应用和数据', '重要业务数据', 'SM4加密存储'],
];
const columnsX = [72, 170, 300];

/** The lines each text of a page is, in drawn order. */
const drawn = (pages: Page[]): DrawnLine[] =>
  pages.flatMap((p, i) => [...p.texts, ...(p.inForm ?? [])].map((t) => ({ page: i + 1, text: t.text })));

function handMade(): { file: string; description: string; pages: Page[]; lines?: DrawnLine[]; compressed?: boolean }[] {
  const chapters = (font: FontKind): Page[] => [
    { texts: chapterPage(chapter5[0], [...chapter5[1]], font) },
    { texts: chapterPage(chapter6[0], [...chapter6[1], ...(font === 'gbk' ? [gbkOnly] : [])], font) },
  ];
  const tableTexts = table.flatMap((row, r) => row.map((text, c) => ({ text, x: columnsX[c]! + 4, y: 700 - r * 24, size: 10.5 })));
  const rules = [
    ...table.map((_, r) => `72 ${716 - r * 24} m 540 ${716 - r * 24} l`),
    `72 ${716 - table.length * 24} m 540 ${716 - table.length * 24} l`,
    ...[...columnsX, 540].map((x) => `${x} 716 m ${x} ${716 - table.length * 24} l`),
  ];
  return [
    { file: 'adobe-gb1-ucs2.pdf', description: 'STSong-Light 未嵌入，UniGB-UCS2-H 编码（旧版 iText）', pages: chapters('ucs2') },
    { file: 'adobe-gb1-gbk.pdf', description: 'STSong-Light 未嵌入，GBK-EUC-H 编码（政务系统导出）', pages: chapters('gbk') },
    { file: 'adobe-gb1-gb2312.pdf', description: 'STSong-Light 未嵌入，GB-EUC-H 编码', pages: chapters('gb2312') },
    {
      file: 'truetype-differences.pdf',
      description: 'TrueType 字体未嵌入，WinAnsi 编码经 /Differences 改写',
      pages: [
        {
          texts: [
            { text: 'Budget summary – 2027', x: 72, y: 760, size: 16, font: 'winansi' },
            { text: 'Section § 4.2: server room kept at 22° C', x: 72, y: 720, font: 'winansi' },
            { text: 'Annual licence: € 12,000 per year', x: 72, y: 700, font: 'winansi' },
          ],
        },
      ],
    },
    {
      file: 'type3.pdf',
      description: 'Type3 字体：一种只有字形名，一种带 ToUnicode 的中文字形',
      pages: [
        {
          texts: [
            { text: 'Chapter 5. Data sharing', x: 72, y: 760, size: 16, font: 'type3names' },
            { text: 'Figure 3-1: 2027 traffic', x: 72, y: 720, font: 'type3names' },
            { text: '图3-1 数据共享流程示意图', x: 72, y: 700, font: 'type3cjk' },
            { text: '注：箭头表示数据流向', x: 72, y: 680, font: 'type3cjk' },
          ],
        },
      ],
    },
    {
      file: 'rotated.pdf',
      description: '第 1 页横向（/Rotate 90，内容反向旋转后正读）；第 2 页有文字矩阵旋转 90° 的两行（竖放的表格说明）',
      pages: [
        { texts: chapterPage(chapter5[0], [...chapter5[1]], 'ucs2', 540), landscape: true },
        {
          texts: [
            { text: chapter6[0], x: 72, y: 760, size: 16 },
            { text: chapter6[1][0], x: 72, y: 720 },
            { text: '表6-1　安全设备清单（横排）', x: 300, y: 100, angle: 90 },
            { text: '防火墙两台、入侵检测一台', x: 320, y: 100, angle: 90 },
          ],
        },
      ],
    },
    {
      file: 'form-xobject.pdf',
      description: '正文在嵌套的 Form XObject 里（页眉直接在页面上）',
      pages: [
        { texts: [{ text: '武隆区政务信息化项目建设方案', x: 72, y: 800, size: 9 }], inForm: chapterPage(chapter5[0], [...chapter5[1]]) },
      ],
    },
    {
      file: 'two-columns.pdf',
      description: '双栏排版：左栏写完再写右栏，同一基线',
      pages: [
        {
          texts: [
            { text: chapter6[0], x: 72, y: 780, size: 16 },
            ...leftColumn.map((text, i) => ({ text, x: 72, y: 740 - i * 18, size: 10.5 })),
            ...rightColumn.map((text, i) => ({ text, x: 320, y: 740 - i * 18, size: 10.5 })),
          ],
        },
      ],
    },
    {
      file: 'table.pdf',
      description: '表格：有框线，每个单元格一段文字',
      pages: [
        { texts: [{ text: '表5-1　密码应用技术措施', x: 72, y: 740, size: 12 }, ...tableTexts], graphics: `0.5 w ${rules.join(' ')} S` },
      ],
      // A row's cells are one line to a reader (as pdftotext also reads them); each cell is whole within it.
      lines: [{ page: 1, text: '表5-1　密码应用技术措施' }, ...table.map((row) => ({ page: 1, text: row.join(' ') }))],
    },
    { file: 'xref-stream.pdf', description: 'PDF 1.5：对象流与压缩的交叉引用流', pages: chapters('ucs2'), compressed: true },
  ];
}

/** pdfkit's encryption with only an owner password: the file opens without one, printing allowed, copying not. */
async function ownerOnly(pdfVersion: '1.4' | '1.7ext3', lines: string[]): Promise<Buffer> {
  const { doc, bytes } = samplePdf({
    size: 'A4',
    margin: 72,
    pdfVersion,
    ownerPassword: 'bureau-owner',
    permissions: { printing: 'highResolution' },
  });
  doc.font('bold').fontSize(16).text(lines[0]!);
  for (const l of lines.slice(1)) doc.font('body').fontSize(12).text(l);
  doc.end();
  return bytes;
}

/** Writes every corpus file into `outDir` (replacing it) and returns what each one draws. */
export async function makePdfCorpus(outDir: string): Promise<PdfCorpusFile[]> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const files: PdfCorpusFile[] = [];
  for (const f of handMade()) {
    await writeFile(path.join(outDir, f.file), pdf(f.pages, f.compressed));
    files.push({ file: f.file, description: f.description, lines: f.lines ?? drawn(f.pages) });
  }
  const encrypted = [chapter5[0], ...chapter5[1]];
  for (const [file, version, description] of [
    ['owner-password-rc4.pdf', '1.4', '仅设所有者密码（RC4 128 位），无需密码即可打开'],
    ['owner-password-aes256.pdf', '1.7ext3', '仅设所有者密码（AES-256），无需密码即可打开'],
  ] as const) {
    await writeFile(path.join(outDir, file), await ownerOnly(version, encrypted));
    files.push({ file, description, lines: encrypted.map((text) => ({ page: 1, text })) });
  }
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = path.resolve(process.argv[2] ?? 'test/artifacts/pdf-corpus');
  makePdfCorpus(out).then(
    (files) => console.log(`${files.length} 个 PDF → ${path.relative(process.cwd(), out)}`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
