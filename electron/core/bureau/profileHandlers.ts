// Owns the calls of the bureau's 规则配置: the list of profiles (built-in and its own), opening a version, starting a new profile, saving a checked version, importing the regulation's text, exporting profile.json, and test runs over a draft or a session.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ProfileDetail, ProfileListItem, TrialRun } from '../../../shared/bureauProfiles';
import { isBuiltInJurisdiction, jurisdictions } from '../../../shared/manifest';
import { AppError } from '../kernel/errors';
import { chooseFolder, plainFileName, safeFileStem } from '../kernel/files';
import type { HandlerMap, Host } from '../kernel/handlers';
import { sessionFilesDir, stagingRoot } from '../package/importer';
import { checkPackageProjects } from '../precheck/packageCheck';
import { loadProfile } from '../precheck/profiles';
import { regulationText } from '../precheck/regulationImport';
import { splitRegulation } from '../precheck/regulationText';
import { sessionTrialRun } from '../precheck/trialRun';
import type { WriteDb } from '../store/access';
import { loadDraft } from '../store/bureauDrafts';
import {
  findProfile,
  insertProfile,
  listProfiles,
  profileVersion,
  profileVersions,
  saveProfileVersion,
  setProfileRegulation,
  StaleProfileError,
} from '../store/bureauProfiles';
import { getSession } from '../store/sessions';
import { buildManifest, bureauDir, draftFilesDir } from './draft';
import { checkedProfile, profileJsonText, sha256Hex, startingProfile, storedProfile } from './profiles';

type ProfileMethod =
  | 'bureau.profiles.list'
  | 'bureau.profiles.get'
  | 'bureau.profiles.create'
  | 'bureau.profiles.save'
  | 'bureau.profiles.importRegulation'
  | 'bureau.profiles.export'
  | 'bureau.profiles.testRun';

/** Where profile exports go without a folder dialog: `<dataDir>/bureau/profiles/`. */
export const profileExportFolder = (dataDir: string) => path.join(bureauDir(dataDir), 'profiles');

export function bureauProfileHandlers(db: WriteDb, host: Host, now: () => Date): HandlerMap<ProfileMethod> {
  const own = (id: string) => {
    const row = findProfile(db, id);
    if (!row) throw new AppError('not-found', `找不到规则配置“${id}”，可能尚未创建。`);
    return row;
  };

  const detail = (id: string, version: number | null): ProfileDetail => {
    if (isBuiltInJurisdiction(id)) {
      const profile = loadProfile(id);
      return { id, name: profile.name, builtIn: true, base: id, version: profile.version, versions: [], profile, regulation: null };
    }
    const row = own(id);
    const stored = profileVersion(db, id, version);
    if (version !== null && !stored) throw new AppError('not-found', `规则配置“${row.name}”没有第 ${version} 版。`);
    return {
      id,
      name: row.name,
      builtIn: false,
      base: row.base,
      version: stored?.version ?? 0,
      versions: profileVersions(db, id),
      profile: stored
        ? storedProfile(stored.json, `规则配置“${row.name}”第 ${stored.version} 版`)
        : startingProfile(row.base as Parameters<typeof startingProfile>[0], id, row.name),
      regulation: row.regulation
        ? { name: row.regulation.name, importedAt: row.regulation.importedAt, outline: splitRegulation(row.regulation.text) }
        : null,
    };
  };

  return {
    'bureau.profiles.list'() {
      const builtIn: ProfileListItem[] = jurisdictions.map((id) => {
        const p = loadProfile(id);
        return { id, name: p.name, builtIn: true, base: id, latestVersion: p.version, updatedAt: null, regulationName: null };
      });
      const mine: ProfileListItem[] = listProfiles(db).map((r) => ({
        id: r.id,
        name: r.name,
        builtIn: false,
        base: r.base,
        latestVersion: r.latestVersion,
        updatedAt: r.updatedAt,
        regulationName: r.regulationName,
      }));
      return [...builtIn, ...mine];
    },
    'bureau.profiles.get'({ profileId, version }) {
      return detail(profileId, version);
    },
    'bureau.profiles.create'({ profileId, name, from }) {
      if (findProfile(db, profileId))
        throw new AppError('invalid-input', `编号“${profileId}”已被另一份规则配置使用，请另取一个。`, [
          { code: 'duplicate-id', path: 'profileId', message: `编号“${profileId}”已被使用` },
        ]);
      insertProfile(db, { id: profileId, name, base: from }, now().toISOString());
      return detail(profileId, null);
    },
    'bureau.profiles.save'({ profileId, baseVersion, profile, note }) {
      const row = own(profileId);
      // The id and the version are the store's to give: the editor never changes them.
      const profileChecked = checkedProfile(
        { ...profile, id: profileId, version: baseVersion + 1 },
        { label: `规则配置“${row.name}”`, expectedId: profileId },
      );
      const json = profileJsonText(profileChecked);
      try {
        saveProfileVersion(
          db,
          profileId,
          baseVersion,
          { name: profileChecked.name, json, sha256: sha256Hex(json), note },
          now().toISOString(),
        );
      } catch (err) {
        if (err instanceof StaleProfileError)
          throw new AppError('stale-version', `规则配置“${row.name}”已在其他窗口保存了第 ${err.latestVersion} 版：请重新打开后再改。`);
        throw err;
      }
      return detail(profileId, null);
    },
    async 'bureau.profiles.importRegulation'({ profileId, name, bytes }) {
      own(profileId);
      const text = await regulationText(stagingRoot(host.dataDir), plainFileName(name) ?? safeFileStem(name), bytes);
      setProfileRegulation(db, profileId, { name: plainFileName(name) ?? safeFileStem(name), text }, now().toISOString());
      return detail(profileId, null);
    },
    async 'bureau.profiles.export'({ profileId, version, destination }) {
      let json: string;
      let shown: number;
      if (isBuiltInJurisdiction(profileId)) {
        const profile = loadProfile(profileId);
        json = profileJsonText(profile);
        shown = profile.version;
      } else {
        const row = own(profileId);
        const stored = profileVersion(db, profileId, version);
        if (!stored)
          throw new AppError(
            'not-found',
            version === null ? `规则配置“${row.name}”还没有保存过，请先保存再导出。` : `规则配置“${row.name}”没有第 ${version} 版。`,
          );
        json = stored.json;
        shown = stored.version;
      }
      const folder = await chooseFolder(host, destination, profileExportFolder(host.dataDir), '选择导出位置');
      if (!folder) return { file: null };
      await fs.mkdir(folder, { recursive: true });
      const file = path.join(folder, `${safeFileStem(`${profileId}-v${shown}`)}.json`);
      const tmp = path.join(folder, `.${path.basename(file)}.${process.pid}.tmp`);
      await fs.writeFile(tmp, json, 'utf8');
      await fs.rename(tmp, file);
      return { file };
    },
    async 'bureau.profiles.testRun'({ profile, target }): Promise<TrialRun> {
      const checked = checkedProfile(profile, { label: '规则配置' });
      if (target.kind === 'draft') {
        const stored = loadDraft(db, target.draftId);
        if (!stored) throw new AppError('not-found', '找不到该评审会草稿，可能已被删除。');
        const checkedProjects = await checkPackageProjects(
          buildManifest(stored.draft),
          draftFilesDir(host.dataDir, target.draftId),
          checked,
        );
        return {
          title: stored.draft.session.title,
          projects: checkedProjects.map((p) => ({ projectId: p.id, name: p.name, findings: p.findings })),
        };
      }
      const session = getSession(db, target.sessionId);
      if (!session) throw new AppError('not-found', '找不到该评审会，可能评审包已被移除。');
      return sessionTrialRun(db, session, sessionFilesDir(host.dataDir, session.id), checked);
    },
  };
}
