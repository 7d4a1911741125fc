// Owns the bureau's own profiles as a domain (规则配置): where a new one starts (blank or a built-in copy), checking an
// edited profile with the profile check before it is saved or test-run, the bytes a version is saved and exported as,
// the profile a draft's session names (and the profile.json its package carries), and taking a package's carried
// profile back in when the package is reopened as a draft.
//
// What is saved is the resolved, complete profile (no `extends`): a package carries it as profile.json and an expert's
// app reads exactly those rules, whatever its own built-in profiles say.
import { createHash } from 'node:crypto';
import type { DraftSession } from '../../../shared/bureau';
import type { ProfileStart } from '../../../shared/bureauProfiles';
import { isBuiltInJurisdiction } from '../../../shared/manifest';
import { referencePracticeCitation } from '../../../shared/precheck';
import { profileSchema, type Profile } from '../../../shared/profile';
import { AppError } from '../kernel/errors';
import { PackageError } from '../package/errors';
import { checkProfileBytes, checkProfileJson } from '../precheck/profileCheck';
import { loadProfile } from '../precheck/profiles';
import { carriedProfileProblems } from '../precheck/sessionProfile';
import { transaction, type ReadDb, type WriteDb } from '../store/access';
import { findProfile, insertProfile, profileVersion, profileVersions, saveProfileVersion } from '../store/bureauProfiles';

/**
 * A profile to start from. A built-in one is copied whole with its rules and citations (the bureau of that district
 * keeps its own regulation's name; another district renames `citeAs` and relinks every rule). Blank keeps only what
 * every profile must have — the six dimensions (one sub-criterion each), the bands, the letter and the cross-project
 * kinds of the national rules, cited 参考做法 — and leaves the regulation's names, bodies and every rule to fill in.
 */
export function startingProfile(from: ProfileStart, id: string, name: string): Profile {
  if (from !== 'blank') return { ...loadProfile(from), id, name, version: 1 };
  const national = loadProfile('national');
  const reference = referencePracticeCitation;
  return {
    id,
    name,
    regulation: '',
    citeAs: '',
    place: '',
    version: 1,
    bodies: { organiser: { name: '', citation: '' }, approver: { name: '', citation: '' } },
    rubric: {
      ...national.rubric,
      dimensions: national.rubric.dimensions.map((d) => ({
        ...d,
        subCriteria: [{ id: `${d.id}-1`, name: d.name, maxPoints: d.maxPoints, guidance: d.guidance, citation: reference }],
      })),
      vetoes: [],
    },
    requiredDocuments: [],
    requiredChapters: [],
    thresholds: [],
    redFlags: [],
    budgetRules: [],
    consolidation: { ...national.consolidation, citation: reference },
    aggregation: national.aggregation,
    letter: national.letter,
  };
}

/** profile.json's bytes as saved, exported and carried: 2-space JSON with a trailing newline. */
export function profileJsonText(profile: Profile): string {
  return `${JSON.stringify(profile, null, 2)}\n`;
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Checks an edited profile exactly as a carried profile.json is checked (precheck/profileCheck.ts) and answers the
 * resolved profile; refuses with every problem, each naming its field, otherwise.
 */
export function checkedProfile(raw: Record<string, unknown>, options: { label: string; expectedId?: string }): Profile {
  const result = checkProfileJson(raw, { fileName: options.label, expectedId: options.expectedId });
  if (result.ok && result.profile) return result.profile;
  const lines = result.errors.slice(0, 8).map((e, i) => `${i + 1}. ${e.message}`);
  const more = result.errors.length > 8 ? `\n……另有 ${result.errors.length - 8} 处` : '';
  throw new AppError('invalid-input', `${options.label}有 ${result.errors.length} 处需要修改：\n${lines.join('\n')}${more}`, result.errors);
}

/** A stored version as the profile it is (it was checked when saved; a later app version may read it differently). */
export function storedProfile(json: string, label: string): Profile {
  const parsed = profileSchema.safeParse(JSON.parse(json));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'invalid-input',
      `${label}不符合本版本程序的规则配置格式（字段 ${issue?.path.join('.') || '（整体）'}：${issue?.message ?? ''}）：请以该版本为起点重新编写后保存。`,
    );
  }
  return parsed.data;
}

/** The rules a draft's pre-check uses: its built-in profile, or the chosen version of the bureau's own. */
export function draftProfile(db: ReadDb, session: Pick<DraftSession, 'jurisdiction'> & { profileVersion?: number | null }): Profile {
  if (isBuiltInJurisdiction(session.jurisdiction)) return loadProfile(session.jurisdiction);
  const stored = session.profileVersion ? profileVersion(db, session.jurisdiction, session.profileVersion) : null;
  if (!stored) throw new AppError('invalid-input', draftProfileMissing(db, session.jurisdiction, session.profileVersion ?? null));
  return storedProfile(stored.json, `规则配置“${session.jurisdiction}”第 ${stored.version} 版`);
}

/**
 * profile.json as a draft's package carries it: the exact bytes of the chosen saved version of the bureau's own
 * profile. Null for a built-in profile (nothing is carried), and for a version that does not exist (draftProblems says so).
 */
export function draftProfileJson(
  db: ReadDb,
  session: Pick<DraftSession, 'jurisdiction'> & { profileVersion?: number | null },
): string | null {
  if (isBuiltInJurisdiction(session.jurisdiction) || !session.profileVersion) return null;
  return profileVersion(db, session.jurisdiction, session.profileVersion)?.json ?? null;
}

/**
 * Takes the profile.json a package carries into the bureau's own profiles, for a draft reopened from that package, and
 * answers the version the draft names. Checked exactly as an expert's import checks it (refused with the same
 * `profile-invalid` problems). A version with the same content is reused (the bureau reopening its own package gets
 * the version it exported, byte for byte); otherwise the content becomes the next version, of a new profile when the
 * id is new. A carried profile under a built-in id cannot be one of the bureau's own (those ids are refused there).
 */
export function adoptCarriedProfile(db: WriteDb, bytes: Uint8Array, jurisdiction: string, at: string): number {
  if (isBuiltInJurisdiction(jurisdiction)) {
    throw new AppError(
      'invalid-input',
      `该评审包附带的辖区规则配置（profile.json）使用了内置评审规则的编号“${jurisdiction}”，不能作为本单位的规则配置打开编辑：请在“规则配置”中另取编号后重新制作评审包。`,
    );
  }
  const checked = checkProfileBytes(bytes, { fileName: 'profile.json', expectedId: jurisdiction });
  if (!checked.ok || !checked.profile) throw new PackageError(carriedProfileProblems(checked.errors));
  const profile = checked.profile;
  return transaction(db, () => {
    const existing = findProfile(db, jurisdiction);
    if (!existing) insertProfile(db, { id: jurisdiction, name: profile.name, base: 'blank' }, at);
    // The same content under any version number: what that version's bytes would be with the rules carried.
    const versions = existing ? profileVersions(db, jurisdiction) : [];
    const same = versions.find((v) => sha256Hex(profileJsonText({ ...profile, version: v.version })) === v.sha256);
    if (same) return same.version;
    const latest = versions[0]?.version ?? 0;
    const json = profileJsonText({ ...profile, version: latest + 1 });
    return saveProfileVersion(db, jurisdiction, latest, { name: profile.name, json, sha256: sha256Hex(json), note: '从评审包导入' }, at);
  });
}

/** Refuses a draft session naming a profile of the bureau's own that does not exist (or that version of it). */
export function assertDraftProfile(db: ReadDb, session: DraftSession): void {
  if (isBuiltInJurisdiction(session.jurisdiction)) return;
  if (!session.profileVersion || !profileVersion(db, session.jurisdiction, session.profileVersion)) {
    const message = draftProfileMissing(db, session.jurisdiction, session.profileVersion);
    throw new AppError('invalid-input', message, [{ code: 'profile-missing', path: 'jurisdiction', message }]);
  }
}

function draftProfileMissing(db: ReadDb, id: string, version: number | null): string {
  if (!findProfile(db, id)) return `找不到规则配置“${id}”：请在“规则配置”中创建，或选择内置评审规则。`;
  return version ? `规则配置“${id}”没有第 ${version} 版：请重新选择版本。` : `请选择规则配置“${id}”的版本（须先保存过一版）。`;
}
