// Owns judging whether a profile's text pattern can run away (ReDoS) before it is ever compiled against a document.
//
// Patterns run with JavaScript's backtracking engine (flags `giu`) over whole pages. A pattern is accepted only in a
// shape whose worst case is bounded, proved on its syntax tree (parsed by @eslint-community/regexpp, the parser ESLint
// uses, so the tree is the one the engine sees):
// - every quantifier has a finite upper bound of at most `maxRepeat` (`?`, `{n}`, `{n,m}`; no `*`, `+`, `{n,}`),
// - no quantifier inside a quantified element (no `(a{1,3}){1,3}`),
// - no backreference (`\1`, `\k<name>`),
// - a lookaround (`(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`) holds no quantifier and no other lookaround,
// - the number of ways the pattern can match from one position — alternatives add (those beginning with different
//   letters count as the largest group, since only one letter is at that position), sequences multiply, a quantifier
//   sums its element's ways over its repetitions — is at most `maxPatternPaths`.
// Then backtracking from one position explores at most `maxPatternPaths` paths, each no longer than the pattern
// expanded, so a page is searched in time linear in its length. Every built-in pattern fits (the largest uses a few
// hundred paths).
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { profileLimits } from '../../../shared/profile';

/** Worst-case match paths from one text position. */
export const maxPatternPaths = 2000;
/** Highest repetition count a quantifier may name: a path is never longer than the pattern with each bound spelt out. */
export const maxRepeat = 100;

/** Why a pattern is refused, in Chinese; null when it is safe. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length > profileLimits.patternChars) return `正则表达式过长（${pattern.length} 个字符，上限 ${profileLimits.patternChars}）`;
  let ast: AST.Pattern;
  try {
    ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(pattern, 0, pattern.length, { unicode: true });
    new RegExp(pattern, 'giu');
  } catch {
    return '不是有效的正则表达式';
  }
  try {
    const paths = alternativesPaths(ast.alternatives, { inQuantifier: false, inLookaround: false });
    if (paths > maxPatternPaths) return tooMany();
    return null;
  } catch (err) {
    if (err instanceof Unsafe) return err.message;
    throw err;
  }
}

/** The worst-case paths of a pattern the check accepts (for tests and the format page); null when it is refused. */
export function patternPaths(pattern: string): number | null {
  if (patternProblem(pattern)) return null;
  const ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(pattern, 0, pattern.length, { unicode: true });
  return alternativesPaths(ast.alternatives, { inQuantifier: false, inLookaround: false });
}

class Unsafe extends Error {}

interface Where {
  /** Inside a quantified element: a second quantifier would nest. */
  inQuantifier: boolean;
  inLookaround: boolean;
}

const tooMany = () => `组合过多：最坏情况下从一个位置起要尝试 ${maxPatternPaths} 种以上的匹配方式，可能导致回溯失控`;

/** Saturating: anything past the limit is reported as past it, never as Infinity × 0 = NaN. */
const cap = (n: number) => (n > maxPatternPaths ? maxPatternPaths + 1 : n);

function alternativesPaths(alternatives: AST.Alternative[], where: Where): number {
  const paths = alternatives.map((alt) => sequencePaths(alt.elements, where));
  if (where.inLookaround) return paths.reduce((sum, n) => cap(sum + n), 0);
  // At one text position only the alternatives whose first character matches that position's character get past it
  // (开工|动工|建成: at most one): alternatives that begin with the same letter add up, different letters count as the
  // largest such group. Alternatives that begin otherwise (a class, a group) are added to every group.
  const groups: { letter: string; paths: number }[] = [];
  let other = 0;
  alternatives.forEach((alt, i) => {
    const altPaths = paths[i]!; // paths maps alternatives one to one
    const first = alt.elements[0];
    if (!first || first.type !== 'Character') {
      other = cap(other + altPaths);
      return;
    }
    const letter = String.fromCodePoint(first.value);
    const group = groups.find((g) => sameLetter(g.letter, letter));
    if (group) group.paths = cap(group.paths + altPaths);
    else groups.push({ letter, paths: altPaths });
  });
  return cap(Math.max(0, ...groups.map((g) => g.paths)) + other);
}

/**
 * Whether two characters match each other under the flags the checks use (`iu`: case-insensitive with Unicode case
 * folding, so ſ and s are the same letter). The engine itself decides, so its own folding applies; matching is
 * equality of the canonical forms, so "same letter" is an equivalence.
 */
function sameLetter(a: string, b: string): boolean {
  return new RegExp(`^[${escapeInClass(a)}]$`, 'iu').test(b);
}

const escapeInClass = (ch: string) => (/[\\\][^-]/.test(ch) ? `\\${ch}` : ch);

function sequencePaths(elements: AST.Element[], where: Where): number {
  let product = 1;
  for (const element of elements) product = cap(product * elementPaths(element, where));
  return product;
}

function elementPaths(node: AST.Element, where: Where): number {
  switch (node.type) {
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass':
    case 'ExpressionCharacterClass':
      return 1;
    case 'Backreference':
      throw new Unsafe(`不允许反向引用（${node.raw}）：它使匹配时间无法预估`);
    case 'Group':
    case 'CapturingGroup':
      return alternativesPaths(node.alternatives, where);
    case 'Assertion':
      if (node.kind === 'lookahead' || node.kind === 'lookbehind') {
        if (where.inLookaround) throw new Unsafe(`断言中不允许再嵌套断言（${node.raw}）`);
        if (containsQuantifier(node.alternatives))
          throw new Unsafe(`前后断言中不允许重复（${node.raw}），只可写固定的字或字符类，如 (?<![a-z])`);
        return alternativesPaths(node.alternatives, { ...where, inLookaround: true });
      }
      return 1;
    case 'Quantifier': {
      if (!Number.isFinite(node.max))
        throw new Unsafe(`重复次数没有上限（${node.raw}）：*、+ 和 {n,} 可能导致回溯失控，请写成有上限的形式，如 [^，。；]{0,12}`);
      if (node.max > maxRepeat) throw new Unsafe(`重复次数上限过大（${node.raw}，上限 ${maxRepeat}）`);
      if (where.inQuantifier) throw new Unsafe(`重复中嵌套重复（${node.raw}），可能导致回溯失控`);
      const inner = elementPaths(node.element, { ...where, inQuantifier: true });
      // Repeating k times (min ≤ k ≤ max) has inner^k ways: the quantifier's ways are their sum.
      let sum = 0;
      let power = inner ** node.min;
      for (let k = node.min; k <= node.max && sum <= maxPatternPaths; k++) {
        sum = cap(sum + power);
        power = cap(power * inner);
      }
      return sum;
    }
    default:
      throw new Unsafe(`不支持的正则表达式写法（${(node as AST.Node).raw}）`);
  }
}

function containsQuantifier(alternatives: AST.Alternative[]): boolean {
  return alternatives.some((alt) =>
    alt.elements.some((e) => {
      if (e.type === 'Quantifier' || e.type === 'Backreference') return true;
      if (e.type === 'Group' || e.type === 'CapturingGroup') return containsQuantifier(e.alternatives);
      return false; // a lookaround inside is refused on its own (nested assertion)
    }),
  );
}
