// Owns reading the XML parts of an untrusted .docx: a strict parse (saxes) into a small tree, and each paragraph's text.
//
// A DTD is refused outright: OOXML parts never have one, and refusing it means no entity can be declared, so
// nothing expands (billion laughs). saxes itself never expands declared entities and reports undefined ones.
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** Nesting deeper than this is not a Word document but an attempt to exhaust the stack. */
const maxDepth = 256;

export class XmlPartError extends Error {}

export function parseXmlPart(text: string): XmlElement {
  const parser = new SaxesParser({ position: true });
  const root: XmlElement = { name: '#document', children: [] };
  const open: XmlElement[] = [root];
  let failure: string | null = null;
  parser.on('error', (err) => {
    failure ??= err.message;
  });
  parser.on('doctype', () => {
    failure ??= '含有 DTD 声明（Word 文档不会有，可能是恶意构造的文件）';
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, children: [] };
    open.at(-1)!.children.push(element);
    open.push(element);
    if (open.length > maxDepth) failure ??= `元素嵌套超过 ${maxDepth} 层`;
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.on('text', (t) => open.at(-1)!.children.push(t));
  parser.on('cdata', (t) => open.at(-1)!.children.push(t));
  try {
    parser.write(text).close();
  } catch (err) {
    failure ??= (err as Error).message;
  }
  if (failure) throw new XmlPartError(failure);
  return root;
}

/** Elements of a paragraph that hold its runs (as docx's patcher reads them); deleted text (w:del) is not text. */
const runContainers = new Set([
  'w:hyperlink',
  'w:sdt',
  'w:sdtContent',
  'w:ins',
  'w:moveTo',
  'w:smartTag',
  'w:customXml',
  'w:fldSimple',
  'w:dir',
  'w:bdo',
]);

function runText(run: XmlElement): string {
  let text = '';
  for (const child of run.children) {
    if (typeof child !== 'string' && child.name === 'w:t') text += child.children.filter((c) => typeof c === 'string').join('');
  }
  return text;
}

function paragraphText(paragraph: XmlElement): string {
  let text = '';
  const visit = (element: XmlElement) => {
    for (const child of element.children) {
      if (typeof child === 'string') continue;
      if (child.name === 'w:r') text += runText(child);
      else if (runContainers.has(child.name)) visit(child);
    }
  };
  visit(paragraph);
  return text;
}

/**
 * The text of every paragraph in a part, in document order, each the concatenation of its runs' w:t text — so a
 * placeholder Word split over several runs (with w:proofErr or bookmarks between them) reads whole. Paragraphs in a
 * text box inside a run are paragraphs of their own.
 */
export function paragraphTexts(root: XmlElement): string[] {
  const texts: string[] = [];
  const stack: XmlElement[] = [root];
  while (stack.length) {
    const element = stack.pop()!;
    if (element.name === 'w:p') texts.push(paragraphText(element));
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i]!;
      if (typeof child !== 'string') stack.push(child);
    }
  }
  return texts;
}
