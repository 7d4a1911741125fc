// OFD (GB/T 33190): an OFD written by the corpus writer reads back page by page (text lines, headings set larger, the
// image as a data URL for the viewer only); a hand-made OFD with absolute paths, a template page and an image in a
// format the viewer cannot show; and every broken or hostile file refused in the worker with a Chinese message naming it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractTextsIsolated } from '../../../../electron/core/documents/isolatedText';
import { ofdToDisplay } from '../../../../electron/core/documents/readers/display';
import { extractText } from '../../../../electron/core/documents/text';
import { writeOfd } from '../../../../scripts/legacy/ofd-writer';
import { encodePng } from '../../../../scripts/samples/png';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ofd-reader-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const write = async (name: string, bytes: Buffer | string) => {
  await writeFile(path.join(dir, name), bytes);
  return path.join(dir, name);
};

/** A ZIP of exactly these parts, for OFDs the writer would never make. */
function zipOf(parts: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, body] of Object.entries(parts)) zip.addBuffer(Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), name);
  zip.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const ofdXml = (docRoot: string) => `<ofd:OFD ${ns}><ofd:DocBody><ofd:DocRoot>${docRoot}</ofd:DocRoot></ofd:DocBody></ofd:OFD>`;
const documentXml = (pages: string[], extra = '') =>
  `<ofd:Document ${ns}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>${extra}</ofd:CommonData>` +
  `<ofd:Pages>${pages.map((p, i) => `<ofd:Page ID="${i + 10}" BaseLoc="${p}"/>`).join('')}</ofd:Pages></ofd:Document>`;
const textObject = (x: number, y: number, size: number, text: string) =>
  `<ofd:TextObject ID="1" Boundary="${x} ${y} 150 ${size * 1.2}" Font="1" Size="${size}"><ofd:TextCode X="0" Y="${size}">${text}</ofd:TextCode></ofd:TextObject>`;
const pageXml = (body: string, template = '') =>
  `<ofd:Page ${ns}>${template}<ofd:Content><ofd:Layer ID="2">${body}</ofd:Layer></ofd:Content></ofd:Page>`;

describe('the OFD reader', () => {
  it('reads back what the writer wrote: lines per page, larger lines as headings, the image only for the viewer', async () => {
    const body = ['第一章 项目概述', '本项目建设内容包括政务云资源和数据共享交换平台。'];
    const file = await write(
      '通知.ofd',
      await writeOfd(
        [
          {
            lines: [
              { text: '关于下达项目计划的通知', size: 6, x: 40, y: 40 },
              ...body.map((text, i) => ({ text, size: 4.2, x: 28, y: 60 + i * 8 })),
              // One line written as two text objects, left part second: read left to right as one line.
              { text: '网络安全保障措施', size: 4.2, x: 36.4, y: 80 },
              { text: '第二章 ', size: 4.2, x: 28, y: 80 },
            ],
            image: { bytes: encodePng(2, 2, Buffer.alloc(16, 255)), format: 'PNG', x: 150, y: 240, width: 30, height: 30 },
          },
          { lines: [{ text: '二、密码应用方案', size: 4.2, x: 28, y: 40 }] },
        ],
        '通知',
      ),
    );
    const text = await extractText(file, 'ofd', 'n');
    expect(text.pages).toEqual([
      { page: 1, text: ['关于下达项目计划的通知', ...body, '第二章 网络安全保障措施'].join('\n') },
      { page: 2, text: '二、密码应用方案' },
    ]);
    expect(text.headings.map((h) => `${h.page} ${h.text}`)).toEqual([
      '1 第一章 项目概述',
      '1 第二章 网络安全保障措施',
      '2 二、密码应用方案',
    ]);

    const shown = await ofdToDisplay(file);
    if (shown.kind !== 'pages') throw new Error(shown.kind);
    expect(shown.pages).toHaveLength(2);
    expect(shown.pages[0]).toMatchObject({ width: 210, height: 297 });
    expect(shown.pages[0]!.texts[0]).toEqual({ x: 40, y: 40, size: 6, text: '关于下达项目计划的通知' });
    expect(shown.pages[0]!.images).toEqual([
      { x: 150, y: 240, width: 30, height: 30, src: expect.stringMatching(/^data:image\/png;base64,iVBOR/) },
    ]);
    expect(shown.warnings).toEqual([]);
  });

  it('follows absolute paths, draws a template page beneath, and leaves out an image the viewer cannot show', async () => {
    const file = await write(
      '红头.ofd',
      await zipOf({
        'OFD.xml': ofdXml('/Doc_0/Document.xml'),
        'Doc_0/Document.xml': documentXml(
          ['/Doc_0/Pages/Page_0/Content.xml'],
          '<ofd:TemplatePage ID="5" BaseLoc="Tpls/Tpl_0/Content.xml"/><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>',
        ),
        'Doc_0/DocumentRes.xml': `<ofd:Res ${ns} BaseLoc="Res"><ofd:MultiMedias><ofd:MultiMedia ID="7" Type="Image" Format="JB2"><ofd:MediaFile>seal.jb2</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>`,
        'Doc_0/Res/seal.jb2': Buffer.from([0x97, 0x4a, 0x42, 0x32, 0x0d, 0x0a, 0x1a, 0x0a]),
        'Doc_0/Tpls/Tpl_0/Content.xml': pageXml(textObject(30, 20, 8, '武隆区发展和改革委员会文件')),
        'Doc_0/Pages/Page_0/Content.xml': pageXml(
          `${textObject(28, 60, 4.2, '正文第一段')}<ofd:ImageObject ID="8" ResourceID="7" Boundary="150 250 30 30"/>`,
          '<ofd:Template TemplateID="5"/>',
        ),
      }),
    );
    expect((await extractText(file, 'ofd', 'r')).pages).toEqual([{ page: 1, text: '武隆区发展和改革委员会文件\n正文第一段' }]);
    const shown = await ofdToDisplay(file);
    if (shown.kind !== 'pages') throw new Error(shown.kind);
    expect(shown.pages[0]!.images).toEqual([]);
    expect(shown.warnings).toEqual(['有 1 张图片的格式无法在评审工作台内显示或超出大小上限，已略去。']);
  });

  it('refuses hostile and broken files in its worker, each with a Chinese message naming the file', async () => {
    const valid = await writeOfd([{ lines: [{ text: '正文', size: 4.2, x: 28, y: 40 }] }], '正文');
    const minimal = (content: string) =>
      zipOf({
        'OFD.xml': ofdXml('Doc_0/Document.xml'),
        'Doc_0/Document.xml': documentXml(['Pages/Page_0/Content.xml']),
        'Doc_0/Pages/Page_0/Content.xml': content,
      });
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
      `<ofd:Page ${ns}><ofd:Content><ofd:Layer><ofd:TextObject Boundary="0 0 1 1" Size="4"><ofd:TextCode X="0" Y="4">&lol2;</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`;
    const cases: [string, Buffer | string, RegExp][] = [
      ['空.ofd', Buffer.alloc(0), /文件是空的/],
      ['截断.ofd', valid.subarray(0, valid.length >> 1), /不是有效的 OFD 文件/],
      ['其实是PDF.ofd', '%PDF-1.7\n1 0 obj\n<<>>\nendobj\n', /不是有效的 OFD 文件/],
      ['无入口.ofd', await zipOf({ 'Doc_0/Document.xml': documentXml([]) }), /缺少 OFD\.xml/],
      ['越界.ofd', await zipOf({ 'OFD.xml': ofdXml('../../../etc/passwd') }), /缺少内部文件 etc\/passwd/],
      ['坏XML.ofd', await minimal(`<ofd:Page ${ns}><ofd:Content>`), /Content\.xml 不是合法的 XML（第 \d+ 行第 \d+ 列语法错误/],
      ['实体炸弹.ofd', await minimal(laughs), /含有 DTD 声明/],
      ['深嵌套.ofd', await minimal(`${'<a>'.repeat(500)}${'</a>'.repeat(500)}`), /元素嵌套超过 128 层/],
      ['压缩炸弹.ofd', await minimal(`<ofd:Page ${ns}>${' '.repeat(40 * 2 ** 20)}</ofd:Page>`), /解压后过大.*压缩炸弹/],
      [
        '页数过多.ofd',
        await zipOf({
          'OFD.xml': ofdXml('Doc_0/Document.xml'),
          'Doc_0/Document.xml': documentXml(Array.from({ length: 2001 }, () => 'Pages/Page_0/Content.xml')),
        }),
        /页数过多（2001 页，上限 2000 页）/,
      ],
    ];
    const items = [];
    for (const [name, bytes] of cases) items.push({ file: await write(name, bytes), kind: 'ofd' as const, documentId: name });
    const read = await extractTextsIsolated(items, { documentTimeoutMs: 30_000, heapMb: 256 });
    for (const [name, , why] of cases) {
      const got = read.get(name);
      const error = got && 'error' in got ? got.error : JSON.stringify(got);
      expect(error, name).toMatch(new RegExp(`^无法读取“${name.replace('.', '\\.')}”：`));
      expect(error, name).toMatch(why);
    }
  }, 120_000);
});
