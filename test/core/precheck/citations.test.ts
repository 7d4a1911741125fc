// Every citation cites only the session's own regulation (issue 12): every resolved profile, and every finding and
// budget verdict of every profile run on the generated sample packages re-issued under it. A district cites its own
// 办法 (an article) or says 参考做法（本区办法未作规定）; `national` cites national documents only and names no district.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jurisdictions, type Manifest } from '../../../shared/manifest';
import { isReferencePractice, referencePracticeCitation, type DocumentText } from '../../../shared/precheck';
import { nationalDocumentCitationPattern, type Profile } from '../../../shared/profile';
import { extractText, type TextKind } from '../../../electron/core/documents/text';
import { fromManifestProject } from '../../../electron/core/precheck/checks';
import { defaultProfileDir, loadProfile, profileFingerprint, ProfileError } from '../../../electron/core/precheck/profiles';
import { evaluateProject, readableDocuments } from '../../../electron/core/precheck/report';
import { viewerFor } from '../../../electron/core/store/sessions';
import { makeSamples } from '../../../scripts/make-samples';
import { foreignNames, regulations, type District } from '../../helpers/regulations';

/** What is wrong with one citation given in profile `own`: empty when it cites only what `own` may cite. */
function citationProblems(citation: string, own: string): string[] {
  const foreign = foreignNames(citation, own);
  if (foreign.length > 0) return [`names another district (${foreign.join('、')})`];
  if (isReferencePractice(citation)) return [];
  const parts = citation.split('；');
  if (own === 'national')
    return parts.every((p) => nationalDocumentCitationPattern.test(p))
      ? []
      : ['national cites something other than a national document by its 文号'];
  const { citeAs } = regulations[own as District];
  return parts.every((p) => p.startsWith(`${citeAs} 第`) || p.startsWith(`${citeAs} 附件`)) ? [] : [`not an article of ${citeAs}`];
}

/** Every string in a value with its path; `citation` fields flagged. */
function strings(value: unknown, at = ''): { at: string; text: string; citation: boolean }[] {
  if (typeof value === 'string') return [{ at, text: value, citation: at.endsWith('.citation') }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${(v as { id?: string })?.id ?? i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}.${k}`));
  return [];
}

/** Problems of a resolved profile: citations per `citationProblems`, and any other district named in any text. */
function profileProblems(profile: Profile): string[] {
  return strings(profile).flatMap(({ at, text, citation }) => [
    ...(citation ? citationProblems(text, profile.id).map((p) => `${profile.id}${at}: ${p}: ${text}`) : []),
    ...(!citation && foreignNames(text, profile.id).length > 0
      ? [`${profile.id}${at}: names ${foreignNames(text, profile.id).join('、')}: ${text.slice(0, 60)}`]
      : []),
  ]);
}

describe('every resolved profile cites only its own regulation', () => {
  it.each([...jurisdictions])('%s', (id) => {
    const profile = loadProfile(id);
    expect(strings(profile).filter((s) => s.citation).length).toBeGreaterThan(50);
    expect(profileProblems(profile)).toEqual([]);
  });

  it('national names no district at all, anywhere', () => {
    const text = JSON.stringify(loadProfile('national'));
    expect(foreignNames(text, 'national')).toEqual([]);
  });

  it('the check can fail: a borrowed article, inherited or written, is caught', () => {
    const wulong = structuredClone(loadProfile('wulong'));
    wulong.redFlags[0]!.citation = `${regulations['taizhou-gaogang'].citeAs} 第6条`;
    wulong.budgetRules[0]!.explanation = '参照东河区做法。';
    expect(profileProblems(wulong)).toEqual([
      expect.stringContaining('names another district (泰州、高港)'),
      expect.stringContaining('names 东河'),
    ]);
    const national = structuredClone(loadProfile('national'));
    national.rubric.dimensions[0]!.subCriteria[0]!.citation = `${regulations.wulong.citeAs} 第八条`;
    expect(profileProblems(national)).toHaveLength(1);
  });
});

describe('inheritance cannot carry a citation across', () => {
  const tempProfiles = (edit: (donghe: Record<string, unknown>) => void): string => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rd-citations-'));
    copyFileSync(path.join(defaultProfileDir, 'national.json'), path.join(dir, 'national.json'));
    const donghe = JSON.parse(readFileSync(path.join(defaultProfileDir, 'donghe.json'), 'utf8'));
    edit(donghe);
    writeFileSync(path.join(dir, 'donghe.json'), JSON.stringify(donghe));
    return dir;
  };

  it('a rule a district inherits without restating is 参考做法 in it, whatever national cites', () => {
    const national = loadProfile('national').redFlags.find((f) => f.id === 'outsourcing')!;
    expect(national.citation).toMatch(/^国家政务信息化项目建设管理办法（国办发〔2019〕57号）$/);
    expect(loadProfile('donghe').redFlags.find((f) => f.id === 'outsourcing')?.citation).toBe(referencePracticeCitation);
    expect(
      loadProfile('donghe')
        .rubric.dimensions.find((d) => d.id === 'urgency')!
        .subCriteria.every((c) => c.citation === referencePracticeCitation),
    ).toBe(true);
    // 武隆's 附件 is its own: restated in wulong.json, 参考做法 for the districts that have no such list.
    expect(loadProfile('wulong').budgetRules.find((r) => r.id === 'staff-salary')?.citation).toBe(
      `${regulations.wulong.citeAs} 附件《武隆区政务信息化项目申报范围及边界》`,
    );
    for (const id of ['donghe', 'dalate', 'shuocheng'] as const)
      expect(
        loadProfile(id).budgetRules.every((r) => isReferencePractice(r.citation)),
        id,
      ).toBe(true);
  });

  it('a veto (一票否决) cannot rest on 参考做法: an inherited veto the district neither restates nor removes is refused', () => {
    const dir = tempProfiles((p) => (p.remove = []));
    expect(() => loadProfile('donghe', dir)).toThrow(ProfileError);
    expect(() => loadProfile('donghe', dir)).toThrow(/rubric\.vetoes\.\d+\.citation：一票否决项须依据本办法的条款，不能是参考做法/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the fingerprint of the resolved profile changes with any rule and not with key order', () => {
    const dir = tempProfiles(() => undefined);
    const same = loadProfile('donghe', dir);
    expect(profileFingerprint(same)).toBe(profileFingerprint(loadProfile('donghe')));
    expect(profileFingerprint(same)).toMatch(/^[0-9a-f]{64}$/);
    const changed = tempProfiles((p) => ((p.redFlags as { explanation: string }[])[0]!.explanation += '。'));
    expect(profileFingerprint(loadProfile('donghe', changed))).not.toBe(profileFingerprint(same));
    for (const d of [dir, changed]) rmSync(d, { recursive: true, force: true });
  });
});

/** A message without the package's own words (project names, applicants, document titles, budget lines), which may name its place. */
function ownWordsRemoved(message: string, manifest: Manifest): string {
  const words = manifest.projects
    .flatMap((p) => [p.name, p.applicant, p.supervisor ?? '', ...p.documents.map((d) => d.title), ...p.budgetLines.map((b) => b.name)])
    .filter(Boolean);
  return words.sort((a, b) => b.length - a.length).reduce((m, w) => m.split(w).join(''), message);
}

describe('every profile × the generated samples: every finding and verdict cites only the session’s regulation', () => {
  let tmp: string | null = null;
  const samples: { name: string; manifest: Manifest; texts: Map<string, DocumentText[]> }[] = [];

  beforeAll(async () => {
    const root = path.resolve(__dirname, '../../../resources/samples');
    const dirs = ['wulong-2027', 'donghe-2027-defects'];
    let folders: { name: string; folder: string; manifest: Manifest }[];
    if (dirs.every((d) => existsSync(path.join(root, d, 'manifest.json')))) {
      folders = dirs.map((d) => ({
        name: d,
        folder: path.join(root, d),
        manifest: JSON.parse(readFileSync(path.join(root, d, 'manifest.json'), 'utf8')),
      }));
    } else {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'rd-citation-samples-'));
      folders = (await makeSamples(tmp)).map((s) => ({ name: s.dirName, folder: s.folder, manifest: s.manifest }));
    }
    for (const { name, folder, manifest } of folders) {
      const texts = new Map<string, DocumentText[]>();
      for (const p of manifest.projects) {
        const list: DocumentText[] = [];
        for (const doc of readableDocuments(p)) {
          const text = await extractText(path.join(folder, ...doc.path.split('/')), viewerFor(doc.path) as TextKind, doc.id).catch(
            () => null,
          );
          if (text) list.push(text);
        }
        texts.set(p.id, list);
      }
      samples.push({ name, manifest, texts });
    }
  }, 120_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it.each([...jurisdictions])('re-issued under %s', (id) => {
    const profile = loadProfile(id);
    let checked = 0;
    const problems: string[] = [];
    for (const sample of samples) {
      const projects = sample.manifest.projects.map(fromManifestProject);
      for (const project of projects) {
        const { findings, verdicts } = evaluateProject(project, projects, profile, sample.texts.get(project.id)!, true);
        for (const f of findings) {
          checked++;
          for (const p of citationProblems(f.citation, id)) problems.push(`${sample.name} ${f.ruleId} (${f.status}): ${p}: ${f.citation}`);
          for (const n of foreignNames(ownWordsRemoved(f.message, sample.manifest), id))
            problems.push(`${sample.name} ${f.ruleId}: message names ${n}: ${f.message.slice(0, 80)}`);
          if (isReferencePractice(f.citation) && f.status !== 'pass') {
            expect(f.status, f.ruleId).toBe('reference');
            expect(f.message, f.ruleId).toContain('本区办法未作规定');
          }
          if (f.status === 'fail') expect(isReferencePractice(f.citation), f.ruleId).toBe(false);
        }
        for (const v of verdicts) {
          checked++;
          if (v.citation)
            for (const p of citationProblems(v.citation, id)) problems.push(`${sample.name} budget line ${v.id}: ${p}: ${v.citation}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(80);
    expect(problems).toEqual([]);
  });
});
