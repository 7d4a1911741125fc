// A profile's text patterns are accepted only in a shape whose backtracking is bounded; every built-in pattern fits.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultProfileDir } from '../../../electron/core/precheck/profiles';
import { maxPatternPaths, patternPaths, patternProblem } from '../../../electron/core/precheck/patternSafety';

/** Every pattern of every built-in profile file. */
function builtInPatterns(): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, key: string) => {
    if (Array.isArray(value)) {
      if (/^(patterns|[a-z]+Patterns)$/.test(key)) value.forEach((p) => found.add(p as string));
      else value.forEach((v) => walk(v, key));
    } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  for (const file of readdirSync(defaultProfileDir).filter((f) => f.endsWith('.json')))
    walk(JSON.parse(readFileSync(path.join(defaultProfileDir, file), 'utf8')), '');
  return [...found];
}

describe('pattern safety', () => {
  it('accepts every built-in pattern, the largest well inside the bound', () => {
    const patterns = builtInPatterns();
    expect(patterns.length).toBeGreaterThan(50);
    for (const p of patterns) expect(patternProblem(p), p).toBeNull();
    expect(Math.max(...patterns.map((p) => patternPaths(p)!))).toBeLessThan(maxPatternPaths / 2);
  });

  it.each([
    ['(a+)+$', /没有上限/],
    ['(a|a)*', /没有上限/],
    ['.*机房', /没有上限/],
    ['机房.{2,}', /没有上限/],
    ['(a{1,3}){1,3}', /嵌套重复/],
    ['(a)\\1', /反向引用/],
    ['(?<x>a)\\k<x>', /反向引用/],
    ['(?=a{1,5})a', /断言中不允许重复/],
    ['(?<=(?=a)b)c', /嵌套断言/],
    ['a{1000}', /上限过大/],
    ['a{0,30}a{0,30}a{0,30}b', /组合过多/],
    ['(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)', /组合过多/],
    // ſ (long s) and s are one letter under case-insensitive Unicode matching: they add up, they are not “different letters”.
    [`${'(s|ſ)'.repeat(11)}x`, /组合过多/],
    ['[', /不是有效的正则表达式/],
    ['a'.repeat(201), /过长/],
  ])('refuses %s', (pattern, reason) => {
    expect(patternProblem(pattern)).toMatch(reason);
  });

  it('counts alternatives that begin with different letters as one path, and fixed-width lookarounds as safe', () => {
    expect(patternPaths('(开工|动工|建成|上线)')).toBe(1);
    expect(patternPaths('(已|已经)')).toBe(2);
    expect(patternPaths('(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)')).toBe(1);
    expect(patternProblem('(?<![a-z])app(?![a-z])')).toBeNull();
    expect(patternPaths('[^，。；]{0,12}')).toBe(13);
  });

  it('what it refuses really runs away, and what it accepts stays fast on the same input', () => {
    // The guard is the only thing between these patterns and the checks' matcher (`giu`, whole pages).
    const text = `${'a'.repeat(24)}!`;
    const started = performance.now();
    new RegExp('(a+)+$', 'giu').test(text);
    const runaway = performance.now() - started;
    expect(patternProblem('(a+)+$')).not.toBeNull();
    expect(runaway).toBeGreaterThan(50); // 2^24 paths: clearly slower than any accepted pattern below

    const page = 'a'.repeat(200_000);
    const t0 = performance.now();
    for (const p of ['a{0,12}a{0,12}b', '(a|b)(a|b)(a|b)(a|b)c', '[^，。；]{0,12}(要求|部署)']) {
      expect(patternProblem(p), p).toBeNull();
      new RegExp(p, 'giu').test(page);
    }
    expect(performance.now() - t0).toBeLessThan(runaway * 10 + 2000);
  });
});
