// Owns the shape of a sample report (建设方案, 密码应用方案, 初步设计 …) shared by the PDF and DOCX renderers, and its numbering.

export interface TableBlock {
  type: 'table';
  caption: string;
  columns: string[];
  /** Relative column widths. */
  widths: number[];
  rows: string[][];
}

/** A layered architecture diagram (总体架构图): layers top to bottom, each a name and its components; side bars span all layers. */
export interface ArchitectureBlock {
  type: 'architecture';
  caption: string;
  layers: { name: string; items: string[] }[];
  sides: string[];
}

export interface ImageBlock {
  type: 'image';
  caption: string;
  png: Buffer;
  width: number;
  height: number;
}

export type Block = { type: 'paragraph'; text: string } | TableBlock | ArchitectureBlock | ImageBlock;

export interface Section {
  title: string;
  blocks: Block[];
}

export interface Chapter {
  title: string;
  sections: Section[];
}

export interface Report {
  /** What the document is: 建设方案, 密码应用方案, 初步设计及概算 … */
  docType: string;
  projectName: string;
  projectCode: string;
  applicant: string;
  preparedBy: string;
  /** Shown on the cover, e.g. 二〇二七年二月. */
  dateText: string;
  /** Draft status under the title; 送审稿 unless set. */
  status?: string;
  chapters: Chapter[];
}

const digits = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (enough for chapter numbers). */
export function chineseNumber(n: number): string {
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : digits[tens]}十${n % 10 ? digits[n % 10] : ''}`;
}

/** Returns a copy with 第N章 / N.M headings and 表N-K / 图N-K captions, so both renderers print the same text. */
export function numberReport(report: Report): Report {
  return {
    ...report,
    chapters: report.chapters.map((chapter, i) => {
      let tables = 0;
      let figures = 0;
      return {
        title: `第${chineseNumber(i + 1)}章 ${chapter.title}`,
        sections: chapter.sections.map((section, j) => ({
          title: `${i + 1}.${j + 1} ${section.title}`,
          blocks: section.blocks.map((b): Block => {
            if (b.type === 'table') return { ...b, caption: `表${i + 1}-${++tables} ${b.caption}` };
            if (b.type === 'architecture' || b.type === 'image') return { ...b, caption: `图${i + 1}-${++figures} ${b.caption}` };
            return b;
          }),
        })),
      };
    }),
  };
}

export const paragraph = (text: string): Block => ({ type: 'paragraph', text });

export const table = (caption: string, columns: string[], widths: number[], rows: string[][]): TableBlock => ({
  type: 'table',
  caption,
  columns,
  widths,
  rows,
});
