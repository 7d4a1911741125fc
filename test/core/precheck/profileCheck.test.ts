// A profile file is checked as hostile input: each way it can be hostile is refused with its code and JSON path, the built-in profiles pass.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNationalDocument, nationalDocuments } from '../../../electron/core/precheck/nationalDocuments';
import { checkProfileBytes, checkProfileJson, formatPath } from '../../../electron/core/precheck/profileCheck';
import { defaultProfileDir } from '../../../electron/core/precheck/profiles';
import { jurisdictions } from '../../../shared/manifest';
import { hostileProfiles, profileBytes, xishan, xishanProfile } from '../../../scripts/hostile/carried-profile';

const builtInFiles = readdirSync(defaultProfileDir).filter((f) => f.endsWith('.json'));

describe('profile check: the built-in profiles and the 西山区 profile', () => {
  it('passes every built-in profile file (one per built-in jurisdiction)', () => {
    expect(builtInFiles.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...jurisdictions].sort());
    for (const file of builtInFiles) {
      const result = checkProfileBytes(readFileSync(path.join(defaultProfileDir, file)), { fileName: file });
      expect(result.errors, file).toEqual([]);
      expect(result.ok).toBe(true);
    }
  });

  it('passes the 西山区 profile copied from 武隆, which cites only 西山区 and national documents', () => {
    const bytes = profileBytes(xishanProfile());
    expect(bytes.toString('utf8')).not.toMatch(/武隆/);
    const result = checkProfileBytes(bytes, { expectedId: 'xishan' });
    expect(result.errors).toEqual([]);
    expect(result.profile).toMatchObject({ id: 'xishan', name: '西山区', citeAs: xishan.citeAs });
  });

  it('accepts a carried profile that extends national, and refuses one that extends anything else or names another id', () => {
    const own = xishanProfile();
    const small = {
      ...own,
      extends: 'national',
      requiredDocuments: [],
      requiredChapters: [],
      thresholds: [],
      redFlags: [],
      budgetRules: (own.budgetRules as unknown[]).slice(0, 2),
      rubric: { dimensions: [], vetoes: [] },
    };
    delete (small as Record<string, unknown>).consolidation;
    // An inherited veto would rest on 参考做法 (profiles.ts): a profile that extends national restates or removes each.
    const refused = checkProfileJson(small, { expectedId: 'xishan' });
    expect(refused.errors[0]).toMatchObject({ code: 'invalid-value', path: 'rubric.vetoes[0].citation' });
    const nationalVetoes = (
      JSON.parse(readFileSync(path.join(defaultProfileDir, 'national.json'), 'utf8')) as { rubric: { vetoes: { id: string }[] } }
    ).rubric.vetoes;
    const extending = checkProfileJson({ ...small, remove: nationalVetoes.map((v) => `veto.${v.id}`) }, { expectedId: 'xishan' });
    expect(extending.errors).toEqual([]);
    expect(extending.profile!.requiredDocuments.length).toBeGreaterThan(0); // inherited
    expect(checkProfileJson({ ...small, extends: 'wulong' }).errors[0]).toMatchObject({ code: 'invalid-value', path: 'extends' });
    expect(checkProfileJson(own, { expectedId: 'dongshan' }).errors[0]).toMatchObject({ code: 'id-mismatch', path: 'id' });
  });
});

describe('profile check: hostile profiles', () => {
  const cases = hostileProfiles();

  it.each(cases.map((c) => [c.name, c] as const))('%s is refused with its code and path', (_name, c) => {
    const result = checkProfileBytes(c.bytes, { expectedId: 'xishan' });
    expect(result.ok).toBe(false);
    expect(result.profile).toBeNull();
    expect(result.errors[0]).toMatchObject({ code: c.code, path: c.path });
    for (const e of result.errors) {
      expect(e.message).toMatch(/\p{Script=Han}/u);
      expect(e.message).toContain('profile.json');
      if (e.path) expect(e.message).toContain(e.path);
    }
  });

  it('covers what the issue names: 10 MB, a backtracking pattern, a missing citation, unknown and __proto__ keys, wrong types', () => {
    const codes = new Set(cases.map((c) => c.code));
    for (const code of [
      'too-large',
      'unsafe-pattern',
      'missing-citation',
      'unknown-key',
      'forbidden-key',
      'wrong-type',
      'foreign-citation',
      'duplicate-id',
      'rubric-sum',
      'out-of-range',
    ]) {
      expect(codes, code).toContain(code);
    }
    expect(cases.find((c) => c.code === 'too-large')!.bytes.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
  });

  it('refuses __proto__, constructor and prototype keys anywhere without polluting Object.prototype', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = profileBytes(xishanProfile()).toString('utf8').replace('"rubric": {', `"rubric": {\n "${key}": { "polluted": true },`);
      const result = checkProfileBytes(Buffer.from(text));
      expect(result.errors[0]).toMatchObject({ code: 'forbidden-key', path: `rubric.${key}` });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses what is not JSON, not UTF-8, too deep or not an object, each with a Chinese message', () => {
    expect(checkProfileBytes(Buffer.from('{"id": "xishan",')).errors[0]).toMatchObject({ code: 'json', path: '' });
    expect(checkProfileBytes(Buffer.from([0xce, 0xf7, 0xc9, 0xbd])).errors[0]).toMatchObject({ code: 'encoding' }); // 西山 in GBK
    expect(checkProfileBytes(Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).errors[0]).toMatchObject({ code: 'too-deep' });
    expect(checkProfileBytes(Buffer.from('[]')).errors[0]).toMatchObject({ code: 'wrong-type', path: '' });
  });

  it('names a citation to another district or to nothing national as foreign; accepts the national documents by name', () => {
    const own = xishanProfile();
    const flags = own.redFlags as { citation: string }[];
    flags[0]!.citation = '东河区政务信息化项目建设管理办法 第十三条';
    flags[1]!.citation = `${nationalDocuments[0]!.name} 第十条；${xishan.citeAs} 第九条`;
    const errors = checkProfileJson(own).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'foreign-citation', path: 'redFlags[0].citation' });
    expect(errors[0]!.message).toContain('东河区政务信息化项目建设管理办法');
    expect(isNationalDocument('国家政务信息化项目建设管理办法（国办发〔2019〕57号）')).toBe(true);
    expect(isNationalDocument('武隆区政务信息化项目管理办法')).toBe(false);
  });

  it('bounds numbers, lists and strings, naming the path', () => {
    const own = xishanProfile();
    (own.thresholds as { value: number }[])[0]!.value = 1e15;
    (own.letter as { title: string }).title = '函'.repeat(5000);
    const codes = checkProfileJson(own).errors.map((e) => [e.code, e.path]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['out-of-range', 'thresholds[0].value'],
        ['out-of-range', 'letter.title'],
      ]),
    );
  });

  it('writes paths as the format page does', () => {
    expect(formatPath(['redFlags', 3, 'patterns', 0])).toBe('redFlags[3].patterns[0]');
    expect(formatPath(['bodies', '__proto__'])).toBe('bodies.__proto__');
    expect(formatPath([])).toBe('');
  });
});
