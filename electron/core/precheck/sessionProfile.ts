// Owns which jurisdiction profile a session (or a package not yet imported) is checked and scored against: the profile
// the package carried (profile.json, judged by profileCheck.ts at import and stored with the session), else the
// built-in profile named by its jurisdiction.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest } from '../../../shared/manifest';
import { profileSchema, type Profile } from '../../../shared/profile';
import { fieldPlace } from '../kernel/fieldPlace';
import { PackageError, type PackageProblem } from '../package/errors';
import type { CarriedProfileCheck } from '../package/importer';
import type { ReadDb } from '../store/access';
import { sessionProfileOf } from '../store/sessionProfiles';
import { checkProfileBytes, issueReason, parsePath, type ProfileIssue } from './profileCheck';
import { profileFieldNames } from './profileFields';
import { loadProfile, ProfileError } from './profiles';

/**
 * A profile check's problems as the package's refusals: code `profile-invalid`, the path inside profile.json in `path`;
 * the message says what is wrong where in words (the expert never sees a JSON path or a code).
 */
export function carriedProfileProblems(errors: ProfileIssue[], file = 'profile.json'): PackageProblem[] {
  return errors.map((e) => {
    const { note, segments } = parsePath(e.path);
    const place = fieldPlace(segments, profileFieldNames);
    const inherited = note && place ? `${note.slice(1, -1)}的` : '';
    return {
      code: 'profile-invalid' as const,
      path: e.path ? `${file} → ${e.path}` : file,
      message: `评审包附带的辖区规则配置（${file}）无效：${place ? `${inherited}${place}：` : ''}${issueReason(e, file)}`,
    };
  });
}

/** The importer's judge of a carried profile.json (passed down to package/ by the app). */
export const checkCarriedProfile: CarriedProfileCheck = (bytes, jurisdiction) => {
  const result = checkProfileBytes(bytes, { fileName: 'profile.json', expectedId: jurisdiction });
  return result.ok
    ? { problems: [], resolvedJson: JSON.stringify(result.profile) }
    : { problems: carriedProfileProblems(result.errors), resolvedJson: null };
};

/** For a package not imported (`review-desk check`): its carried profile from where it was staged, else the built-in. */
export async function profileForPackage(manifest: Manifest, filesDir: string): Promise<Profile> {
  if (!manifest.profile) return loadProfile(manifest.jurisdiction);
  const bytes = await readFile(path.join(filesDir, manifest.profile.path));
  const result = checkProfileBytes(bytes, { fileName: 'profile.json', expectedId: manifest.jurisdiction });
  if (!result.ok) throw new PackageError(carriedProfileProblems(result.errors));
  return result.profile!;
}

const cache = new Map<string, Profile>();

/**
 * The profile in force for a session: the one its package carried (stored at import, resolved then), else the
 * built-in profile of its jurisdiction. Throws a `ProfileError` when neither exists (an unknown jurisdiction).
 */
export function profileForSession(db: ReadDb, session: { id: string; jurisdiction: string }): Profile {
  const stored = sessionProfileOf(db, session.id);
  if (!stored) return loadProfile(session.jurisdiction);
  const key = `${db.name}\0${session.id}\0${stored.sha256}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let parsed: ReturnType<typeof profileSchema.safeParse>;
  try {
    parsed = profileSchema.safeParse(JSON.parse(stored.resolvedJson));
  } catch {
    throw new ProfileError(`评审会 ${session.id} 保存的辖区规则配置已损坏，请重新导入评审包`);
  }
  if (!parsed.success)
    throw new ProfileError(
      `评审会 ${session.id} 保存的辖区规则配置不符合本版本的格式：${parsed.error.issues[0]?.message ?? ''}，请重新导入评审包`,
    );
  cache.set(key, parsed.data);
  return parsed.data;
}
