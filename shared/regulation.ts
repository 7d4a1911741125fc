// Owns the outline of a regulation's text (办法的章、条、项与附件) as the bureau's 规则配置 shows it, and how a rule cites a place in it.
//
// The outline is made by electron/core/precheck/regulationText.ts from the text the bureau imports; the renderer lists
// it and fills a rule's citation from the place picked. A citation is `<citeAs> 第X条`, `<citeAs> 第X条（一）` or
// `<citeAs> 附件《标题》`, the article written as the regulation writes it (第十四条 or 第6条), so citationSchema in
// shared/profile.ts accepts it and an expert finds the article under the same number.

/** A numbered item inside an article: （一）, （1）. `label` is written with full-width brackets whatever the text used. */
export interface RegulationItem {
  label: string;
  /** The item's own text, without its label. */
  text: string;
}

export interface RegulationArticle {
  /** Unique in the outline even when the text numbers two articles alike (武隆 has 第十四条 twice): `a1`, `a2` … */
  key: string;
  /** As written: 第十四条, 第6条. */
  label: string;
  /** The article's number (14, 6). */
  number: number;
  /** The chapter it stands in, `第二章 规划和审批管理`; null before any chapter heading. */
  chapter: string | null;
  /** The article's text without its label, lines kept. */
  text: string;
  items: RegulationItem[];
  /** 1-based line of the heading in the imported text. */
  line: number;
}

export interface RegulationChapter {
  /** As written: 第二章, 第5章. */
  label: string;
  number: number;
  /** 规划和审批管理 (spaces between characters removed: 总 则 → 总则). */
  title: string;
  line: number;
}

export interface RegulationAnnex {
  key: string;
  /** 附件, 附件1, 附件二. */
  label: string;
  /** The annex's title, '' when the text gives none. */
  title: string;
  text: string;
  line: number;
}

export interface RegulationOutline {
  /** The regulation's name as its first lines give it (东河区政务信息化项目建设管理办法), '' when none was recognised. */
  title: string;
  /** A status line under the title: （试行）, （征求意见稿）; '' when none. */
  status: string;
  chapters: RegulationChapter[];
  articles: RegulationArticle[];
  annexes: RegulationAnnex[];
  /** What a reader should check in the text: numbers skipped or repeated, nothing recognised (Chinese). */
  warnings: string[];
}

/** Where a rule can point: an article, one of its items, or an annex. */
export type RegulationPlace = { article: RegulationArticle; item?: RegulationItem } | { annex: RegulationAnnex };

/** `<citeAs> 第X条`, `<citeAs> 第X条（一）`, `<citeAs> 附件《标题》`. */
export function placeCitation(citeAs: string, place: RegulationPlace): string {
  const name = citeAs.trim();
  if ('annex' in place) return `${name} ${place.annex.label}${place.annex.title ? `《${place.annex.title}》` : ''}`;
  return `${name} ${place.article.label}${place.item?.label ?? ''}`;
}

/** Every place of the outline a rule may cite, in reading order, with its citation under `citeAs`. */
export function citablePlaces(outline: RegulationOutline, citeAs: string): { key: string; citation: string; place: RegulationPlace }[] {
  const out: { key: string; citation: string; place: RegulationPlace }[] = [];
  for (const article of outline.articles) {
    out.push({ key: article.key, citation: placeCitation(citeAs, { article }), place: { article } });
    article.items.forEach((item, i) =>
      out.push({ key: `${article.key}.${i + 1}`, citation: placeCitation(citeAs, { article, item }), place: { article, item } }),
    );
  }
  for (const annex of outline.annexes) out.push({ key: annex.key, citation: placeCitation(citeAs, { annex }), place: { annex } });
  return out;
}
