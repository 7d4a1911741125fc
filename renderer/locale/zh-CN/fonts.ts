// Owns the strings of the 文书字体 dialog: which face prints each font role of the documents (Simplified Chinese).
import type { DocumentFont, DocumentFontRole } from '../../../shared/output';

export const fonts = {
  open: '文书字体',
  openTitle: '查看生成 PDF 文书时各类文字所用的字体',
  title: '文书字体',
  intro:
    '生成 PDF 时，本机装有的公文字体（如方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312）优先使用；没有的，用软件自带的开源字体代替。Word 文档始终写明标准字体名，由打开它的电脑使用其已安装的字体。',
  columns: { role: '用途', face: 'PDF 所用字体', source: '来源', docx: 'Word 文档中的字体名' },
  roles: {
    xiaobiaosong: '标题（小标宋）',
    fangsong: '正文、表格（仿宋）',
    hei: '一级标题（黑体）',
    kai: '二级标题（楷体）',
  } satisfies Record<DocumentFontRole, string>,
  sources: { system: '系统字体', bundled: '内置字体' } satisfies Record<DocumentFont['source'], string>,
  bold: {
    face: '',
    synthetic: '（本字体无粗体，加粗处以描边加粗）',
    bundled: '',
  } satisfies Record<DocumentFont['bold'], string>,
  hint: '安装公文字体后，请重新启动本软件再生成文书。',
};
