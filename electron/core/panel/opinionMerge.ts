// Owns the merged draft of the panel's opinion (专家组意见合并稿): the members' texts of one section cut into sentences,
// near-duplicates said once, and what only one member said listed under “待组长确定：” with that member's own wording,
// for the chair to settle before the panel speaks with one voice.
//
// Pure functions, no database. Sentences end at 。；！？ (and ! ? ; and line breaks); a sentence is compared by its
// characters only (whitespace and punctuation dropped, full-width letters and digits folded, case folded). Two sentences
// are near-duplicates when the Dice coefficient of their character bigrams reaches `nearDuplicateDice`: 2·|A∩B| / (|A|+|B|)
// over the multisets of adjacent character pairs. 0.6 was tuned on the demo's three experts (resources/demo/answers*.json):
// “需补充物联网终端接入认证措施。” and “需补充物联网终端接入认证和异常流量监测措施。” (0.74) are one point, “有一定紧迫性，
// 建议分期建设、先覆盖重点水厂。” and “建设较为紧迫，可先期实施水质监测部分。” (0.11) are two.

/** One member's text of a section (null or empty: the member wrote nothing there). */
export interface MemberText {
  name: string;
  text: string | null;
}

/** A point only some members made (or made in words too different to merge): who, and their sentences. */
export interface UnsettledPoint {
  expert: string;
  text: string;
}

export interface MergedDraft {
  /** Points at least two members made, each once (the fullest wording), in the order they were first made. */
  shared: string[];
  /** Points for the chair to settle, per member in roster order: everything that member said that no other member did. */
  unsettled: UnsettledPoint[];
  /** The draft as the chair edits it: the shared points as one paragraph, then “待组长确定：” and one line per member. */
  text: string;
}

/** Dice coefficient at or above which two sentences are the same point. */
export const nearDuplicateDice = 0.6;

/** The heading of the points the chair has to settle. */
export const unsettledHeading = '待组长确定：';

const sentenceEnd = /[^。；！？!?;\n]*(?:[。；！？!?;]+|\n|$)/gu;

/** The sentences of a text, each with its closing mark, trimmed; empty ones dropped. “；” closes a sentence too. */
export function splitSentences(text: string): string[] {
  return (text.match(sentenceEnd) ?? []).map((s) => s.trim()).filter((s) => s.replace(/[。；！？!?;\s]/gu, '').length > 0);
}

/** The characters a sentence is compared by: letters, digits and Han characters only, full-width folded, lower case. */
export function normalise(sentence: string): string {
  return sentence
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function bigrams(s: string): Map<string, number> {
  const chars = [...s];
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i]! + chars[i + 1]!;

    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient of the character bigrams of two sentences (after `normalise`): 1 identical, 0 nothing in common. */
export function bigramDice(a: string, b: string): number {
  const x = normalise(a);
  const y = normalise(b);
  if (x === y) return x.length > 0 ? 1 : 0;
  const bx = bigrams(x);
  const by = bigrams(y);
  const size = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + n, 0);
  const total = size(bx) + size(by);
  if (total === 0) return 0;
  let common = 0;
  for (const [pair, n] of bx) common += Math.min(n, by.get(pair) ?? 0);
  return (2 * common) / total;
}

interface Said {
  member: number;
  sentence: string;
}

/**
 * The merged draft of one section. Members who wrote nothing are left out; a member alone on the panel (or the only one
 * who wrote anything) has every point shared. Points are single-linkage clusters: a sentence joins every earlier point
 * one of whose sentences it near-duplicates (joining them into one). A point at least two members made is shared and
 * printed once in its most representative wording (the sentence most like the others; the fuller one on a tie).
 */
export function mergeOpinions(members: readonly MemberText[], threshold = nearDuplicateDice): MergedDraft {
  const writers = members.map((m) => ({ name: m.name, sentences: splitSentences(m.text ?? '') })).filter((m) => m.sentences.length > 0);
  let points: Said[][] = [];
  writers.forEach((w, member) => {
    for (const sentence of w.sentences) {
      const said = { member, sentence };
      const matching = points.filter((p) => p.some((s) => bigramDice(s.sentence, sentence) >= threshold));
      if (!matching.length) {
        points.push([said]);
        continue;
      }
      // The first matching point keeps its place in the order; the others join it.
      const joined = [...matching.flat(), said];
      points = points.flatMap((p) => (p === matching[0] ? [joined] : matching.includes(p) ? [] : [p]));
    }
  });
  const isShared = (p: Said[]) => writers.length === 1 || new Set(p.map((s) => s.member)).size >= 2;
  const representative = (p: Said[]): string => {
    const score = (s: Said) => p.reduce((sum, o) => (o === s ? sum : sum + bigramDice(o.sentence, s.sentence)), 0);
    return p.reduce((best, s) => {
      const d = score(s) - score(best);
      return d > 1e-9 || (Math.abs(d) <= 1e-9 && normalise(s.sentence).length > normalise(best.sentence).length) ? s : best;
    }).sentence;
  };
  const shared = points.filter(isShared).map(representative);
  const unsettled = writers.flatMap((w, member): UnsettledPoint[] => {
    const own = points.filter((p) => !isShared(p)).flatMap((p) => p.filter((s) => s.member === member).map((s) => s.sentence));
    return own.length ? [{ expert: w.name, text: closeSentence(own.join('')) }] : [];
  });
  const lines = [
    shared.length ? closeSentence(shared.join('')) : '',
    ...(unsettled.length ? [unsettledHeading, ...unsettled.map((u) => `${u.expert}：${u.text}`)] : []),
  ];
  return { shared, unsettled, text: lines.filter(Boolean).join('\n') };
}

/** A run of sentences ends with “。”: a last sentence cut at “；” gets its full stop. */
function closeSentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  return /[。！？!?]$/u.test(t) ? t : `${t.replace(/[；;，,、]+$/u, '')}。`;
}

/**
 * Sentences of a document that near-duplicate an earlier sentence of the same document (the measure of a panel that
 * does not speak with one voice): each later sentence counted once.
 */
export function nearDuplicateSentences(
  paragraphs: readonly string[],
  threshold = nearDuplicateDice,
): { sentence: string; earlier: string }[] {
  const seen: string[] = [];
  const found: { sentence: string; earlier: string }[] = [];
  for (const sentence of paragraphs.flatMap(splitSentences)) {
    if (normalise(sentence).length < 6) {
      seen.push(sentence);
      continue;
    }
    const earlier = seen.find((s) => normalise(s).length >= 6 && bigramDice(s, sentence) >= threshold);
    if (earlier) found.push({ sentence, earlier });
    seen.push(sentence);
  }
  return found;
}
