// Owns the pre-check's view of a project (PrecheckProject), its searchable text (TextSource) and pattern search with evidence quotes.
import type { ManifestProject } from '../../../../shared/manifest';
import type { DocumentKind, ProjectType } from '../../../../shared/manifest';
import type { DocumentText, Evidence } from '../../../../shared/precheck';
import { yuanToFen } from '../../../../shared/money';

/** What the checks need of a project; `ProjectInfo` from the store fits as it is, a manifest project via `fromManifestProject`. */
export interface PrecheckProject {
  id: string;
  name: string;
  applicant: string;
  type: ProjectType;
  /** 总投资, integer fen (分). */
  totalInvestmentFen: number;
  inAnnualPlan: boolean;
  fundingSource: string;
  summary: string;
  documents: { id: string; kind: DocumentKind; title: string }[];
  budgetLines: { id: string; name: string; category: string; note: string; amountFen: number }[];
}

/**
 * One searchable piece of a project's text: a page of an extracted document (with its id and page, so evidence can
 * point there), or a manifest field when no document text is available.
 */
export interface TextSource {
  documentId?: string;
  documentTitle: string;
  page?: number;
  text: string;
}

export function fromManifestProject(p: ManifestProject): PrecheckProject {
  return {
    id: p.id,
    name: p.name,
    applicant: p.applicant,
    type: p.type,
    totalInvestmentFen: yuanToFen(p.totalInvestment),
    inAnnualPlan: p.inAnnualPlan,
    fundingSource: p.fundingSource,
    summary: p.summary,
    documents: p.documents.map((d) => ({ id: d.id, kind: d.kind, title: d.title })),
    budgetLines: p.budgetLines.map((b) => ({ id: b.id, name: b.name, category: b.category, note: b.note, amountFen: yuanToFen(b.amount) })),
  };
}

/** The manifest's own words about a project (name, funding, summary, document titles, budget lines) as text sources. */
export function textFromProject(p: PrecheckProject): TextSource[] {
  return [
    { documentTitle: '项目申报信息', text: [p.name, p.applicant, p.fundingSource, p.summary].filter(Boolean).join('。') },
    ...p.documents.map((d) => ({ documentId: d.id, documentTitle: d.title, text: d.title })),
    ...p.budgetLines.map((b) => ({ documentTitle: '预算明细', text: [b.name, b.category, b.note].filter(Boolean).join('，') })),
  ];
}

/** Extracted document text, page by page, as text sources. */
export function textFromDocuments(texts: DocumentText[], titles: ReadonlyMap<string, string>): TextSource[] {
  return texts.flatMap((t) =>
    t.pages.map((pg) => ({
      documentId: t.documentId,
      documentTitle: titles.get(t.documentId) ?? t.documentId,
      page: pg.page,
      text: pg.text,
    })),
  );
}

/**
 * Full-width to half-width (NFKC), and whitespace dropped wherever a CJK character is next to it: PDF extraction
 * often spaces out Chinese text, while `iOS App` must keep its space. Budget keywords are compared lower-cased.
 */
export function normalizeText(s: string): string {
  return (
    s
      .normalize('NFKC')
      .replace(/\s+/g, ' ')
      // eslint-disable-next-line no-control-regex -- [^\x00-\x7f] means "not ASCII": spaces between CJK characters are dropped
      .replace(/ (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g, '')
      .trim()
  );
}

const compiled = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'giu');
    compiled.set(pattern, re);
  }
  return re;
}

const QUOTE_CONTEXT = 24;

const CLAUSE_BREAK = /[，,。；;：:！!？?]/u;
/** Words that negate what follows in the same clause: “不新建机房”, “不单独开发APP”, “减少重复采集”. */
const NEGATION = /不|未|无需|无须|没有|避免|杜绝|禁止|严禁|防止|减少|消除/u;
/** An option described only to be turned down (方案比选): “方案一：自建机房……，不推荐”. */
const REJECTION = /不推荐|不采用|不予采用|不可行|否决|淘汰/u;

/** Rejections are looked for this many clauses past the match's own, within its sentence. */
const REJECTION_REACH = 2;

/** Every position where `pattern` matches, overlapping ones included, with where each match ends. */
function occurrences(text: string, pattern: RegExp): { at: number[]; end: number[] } {
  const re = new RegExp(pattern.source, 'gu');
  const at: number[] = [];
  const end: number[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    at.push(m.index);
    end.push(m.index + m[0].length);
    re.lastIndex = m.index + 1;
  }
  return { at, end };
}

/** The index of the first entry of ascending `xs` at or after `x` (xs.length when none). */
function firstFrom(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether a match states the opposite of a finding: negated earlier in its clause, or rejected in its clause or the
 * next two of its sentence. Patterns whose violation is itself a negation (“不涉及密码”, “无法共享”) still count:
 * only the words before the match are read. Clause breaks and the negating and rejecting words are found once per
 * text, so a long text without punctuation (a budget sheet's rows) costs a binary search per match, not a scan.
 */
function negationOf(text: string): (index: number, length: number) => boolean {
  const breaks = occurrences(text, CLAUSE_BREAK).at;
  const negations = occurrences(text, NEGATION);
  const rejections = occurrences(text, REJECTION);
  const clauseStart = (index: number) => {
    const k = firstFrom(breaks, index) - 1;
    return k >= 0 ? breaks[k]! + 1 : 0;
  };
  const clauseEnd = (index: number) => breaks[firstFrom(breaks, index)] ?? text.length;
  /** Whether one of `words` lies wholly within [from, to). */
  const within = (words: { at: number[]; end: number[] }, from: number, to: number) => {
    for (let k = firstFrom(words.at, from); k < words.at.length && words.at[k]! < to; k++) if (words.end[k]! <= to) return true;
    return false;
  };
  return (index, length) => {
    const start = clauseStart(index);
    if (within(negations, start, index)) return true;
    let end = clauseEnd(index + length);
    for (let i = 0; i < REJECTION_REACH && end < text.length && text[end] !== '。'; i++) end = clauseEnd(end + 1);
    return within(rejections, start, end);
  };
}

/** Every match of `pattern` in `text` that is not negated. */
function* affirmed(text: string, pattern: string): Generator<RegExpExecArray> {
  const re = regex(pattern);
  re.lastIndex = 0;
  let negated: ReturnType<typeof negationOf> | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    else if (!(negated ??= negationOf(text))(m.index, m[0].length)) yield m;
  }
}

/** Where any of `patterns` is affirmed, as evidence (document, page, a quote around the match); at most `limit` entries, one per source. */
export function findEvidence(sources: TextSource[], patterns: string[], limit = 3): Evidence[] {
  const found: Evidence[] = [];
  for (const source of sources) {
    const text = normalizeText(source.text);
    for (const pattern of patterns) {
      const m = affirmed(text, pattern).next().value;
      if (!m) continue;
      const start = Math.max(0, m.index - QUOTE_CONTEXT);
      const end = Math.min(text.length, m.index + m[0].length + QUOTE_CONTEXT);
      const quote = `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
      found.push({ documentId: source.documentId, documentTitle: source.documentTitle, page: source.page, quote });
      if (found.length >= limit) return found;
      break;
    }
  }
  return found;
}

/** Every affirmed match itself (not a quote around it), for reading the numbers that follow a term. */
export function findMatches(sources: TextSource[], pattern: string): { source: TextSource; text: string; index: number; match: string }[] {
  return sources.flatMap((source) => {
    const text = normalizeText(source.text);
    return [...affirmed(text, pattern)].map((m) => ({ source, text, index: m.index, match: m[0] }));
  });
}
