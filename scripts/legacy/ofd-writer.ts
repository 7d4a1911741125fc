// Owns writing a minimal valid OFD (GB/T 33190) with yazl: OFD.xml → Doc_0/Document.xml → Pages/Page_N/Content.xml with TextObject/TextCode and ImageObject, and a DocumentRes naming the images. No OFD writer exists on this machine.
import yazl from 'yazl';
import { reproducibleEntry } from '../../electron/core/package/write';

export interface OfdLine {
  text: string;
  /** Font size in millimetres (三号 ≈ 5.6 mm, body 4.2 mm). */
  size: number;
  /** Left edge and baseline, in millimetres from the page's top-left corner. */
  x: number;
  y: number;
}

export interface OfdSourcePage {
  lines: OfdLine[];
  /** A PNG or JPEG placed at x/y/width/height (mm). */
  image?: { bytes: Buffer; format: 'PNG' | 'JPEG'; x: number; y: number; width: number; height: number };
}

const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';

/** The pages as an OFD package; A4 pages, one font (宋体), every object in one layer. */
export function writeOfd(pages: OfdSourcePage[], title: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const add = (name: string, text: string) => zip.addBuffer(Buffer.from(head + text, 'utf8'), name, reproducibleEntry);
  let id = 2; // 1 is the font
  const media: string[] = [];
  const pageRefs: string[] = [];
  pages.forEach((page, n) => {
    const objects: string[] = [];
    for (const line of page.lines) {
      const width = [...line.text].length * line.size;
      objects.push(
        `<ofd:TextObject ID="${id++}" Boundary="${line.x} ${line.y - line.size} ${width} ${line.size * 1.2}" Font="1" Size="${line.size}">` +
          `<ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="${line.size}">${escapeXml(line.text)}</ofd:TextCode></ofd:TextObject>`,
      );
    }
    if (page.image) {
      const resId = id++;
      const ext = page.image.format === 'PNG' ? 'png' : 'jpg';
      media.push(
        `<ofd:MultiMedia ID="${resId}" Type="Image" Format="${page.image.format}"><ofd:MediaFile>image_${resId}.${ext}</ofd:MediaFile></ofd:MultiMedia>`,
      );
      zip.addBuffer(page.image.bytes, `Doc_0/Res/image_${resId}.${ext}`, reproducibleEntry);
      const { x, y, width, height } = page.image;
      objects.push(
        `<ofd:ImageObject ID="${id++}" ResourceID="${resId}" Boundary="${x} ${y} ${width} ${height}" CTM="${width} 0 0 ${height} 0 0"/>`,
      );
    }
    const pageId = id++;
    pageRefs.push(`<ofd:Page ID="${pageId}" BaseLoc="Pages/Page_${n}/Content.xml"/>`);
    add(
      `Doc_0/Pages/Page_${n}/Content.xml`,
      `<ofd:Page ${ns}><ofd:Content><ofd:Layer ID="${id++}">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>`,
    );
  });
  add(
    'OFD.xml',
    `<ofd:OFD ${ns} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID><ofd:Title>${escapeXml(title)}</ofd:Title>` +
      `<ofd:CreationDate>2027-02-01</ofd:CreationDate></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
  );
  add(
    'Doc_0/Document.xml',
    `<ofd:Document ${ns}><ofd:CommonData><ofd:MaxUnitID>${id}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>` +
      `<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData>` +
      `<ofd:Pages>${pageRefs.join('')}</ofd:Pages></ofd:Document>`,
  );
  add(
    'Doc_0/PublicRes.xml',
    `<ofd:Res ${ns} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="1" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`,
  );
  add('Doc_0/DocumentRes.xml', `<ofd:Res ${ns} BaseLoc="Res"><ofd:MultiMedias>${media.join('')}</ofd:MultiMedias></ofd:Res>`);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}
