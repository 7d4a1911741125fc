// Owns the 规则配置 screen's state: whether it is open, the profiles listed, the profile being edited (the version opened and the working copy with its unsaved edits), the problems the last save or test run was refused with, and the test run's result; and the calls the screen sends.
import { create } from 'zustand';
import type { ProfileDetail, ProfileListItem, ProfileStart, TrialRun, TrialTarget } from '../../../../shared/bureauProfiles';
import type { Profile } from '../../../../shared/profile';
import { ApiError, client } from '../../../api';
import { reportError, reportInfo } from '../../../kernel/notices';
import { useShell } from '../../../kernel/shell';
import { readBytes } from '../../../lib/upload';
import { t } from '../../../locale/zh-CN';

/** The editor's sections: one per kind of rule, then the test run. */
export const profileSections = [
  'basics',
  'documents',
  'chapters',
  'thresholds',
  'redFlags',
  'budget',
  'rubric',
  'letter',
  'trial',
] as const;
export type ProfileSection = (typeof profileSections)[number];

export interface Problem {
  path: string;
  message: string;
}

interface ProfilesState {
  active: boolean;
  list: ProfileListItem[] | null;
  /** The profile opened: the version shown, its versions and its regulation. */
  detail: ProfileDetail | null;
  /** The working copy; edits go here until saved. */
  working: Profile | null;
  dirty: boolean;
  busy: boolean;
  section: ProfileSection;
  /** What the last save or test run was refused for, each naming its field. */
  problems: Problem[];
  trial: { target: TrialTarget; run: TrialRun } | null;
  /** The article picked in the regulation pane, shown in full. */
  articleKey: string | null;

  show(): void;
  hide(): void;
  loadList(): Promise<void>;
  open(profileId: string, version?: number | null): Promise<void>;
  close(): void;
  create(profileId: string, name: string, from: ProfileStart): Promise<void>;
  setSection(section: ProfileSection): void;
  pickArticle(key: string | null): void;
  /** Applies an edit to the working copy. */
  edit(change: (p: Profile) => Profile): void;
  save(note: string): Promise<boolean>;
  importRegulation(file: File): Promise<void>;
  exportVersion(): Promise<void>;
  runTrial(target: TrialTarget): Promise<void>;
}

const problemsOf = (err: unknown): Problem[] =>
  err instanceof ApiError ? err.problems.map(({ path, message }) => ({ path, message })) : [];

export const useProfiles = create<ProfilesState>((set, get) => ({
  active: false,
  list: null,
  detail: null,
  working: null,
  dirty: false,
  busy: false,
  section: 'basics',
  problems: [],
  trial: null,
  articleKey: null,

  show() {
    set({ active: true });
    void get().loadList();
  },
  hide() {
    if (get().dirty && !window.confirm(t.profiles.leaveUnsaved)) return;
    set({ active: false, detail: null, working: null, dirty: false, problems: [], trial: null, articleKey: null });
  },
  async loadList() {
    try {
      set({ list: await client.call('bureau.profiles.list', {}) });
    } catch (err) {
      reportError(err);
    }
  },
  async open(profileId, version = null) {
    if (get().dirty && !window.confirm(t.profiles.leaveUnsaved)) return;
    try {
      const detail = await client.call('bureau.profiles.get', { profileId, version });
      set({
        detail,
        working: detail.profile,
        dirty: false,
        problems: [],
        trial: null,
        articleKey: null,
        section: get().detail?.id === profileId ? get().section : 'basics',
      });
    } catch (err) {
      reportError(err);
    }
  },
  close() {
    if (get().dirty && !window.confirm(t.profiles.leaveUnsaved)) return;
    set({ detail: null, working: null, dirty: false, problems: [], trial: null, articleKey: null });
    void get().loadList();
  },
  async create(profileId, name, from) {
    const detail = await client.call('bureau.profiles.create', { profileId, name, from });
    set({ detail, working: detail.profile, dirty: detail.version === 0, problems: [], trial: null, articleKey: null, section: 'basics' });
  },
  setSection(section) {
    set({ section });
  },
  pickArticle(key) {
    set({ articleKey: key });
  },
  edit(change) {
    const { working } = get();
    if (working) set({ working: change(working), dirty: true });
  },
  async save(note) {
    const { detail, working } = get();
    if (!detail || !working || detail.builtIn) return false;
    set({ busy: true });
    try {
      const saved = await client.call('bureau.profiles.save', {
        profileId: detail.id,
        baseVersion: detail.version,
        profile: working as unknown as Record<string, unknown>,
        note,
      });
      set({ detail: saved, working: saved.profile, dirty: false, problems: [] });
      reportInfo(t.profiles.saved(saved.version));
      return true;
    } catch (err) {
      // Problems are listed above the sections and under their rules; a toast repeating them all would cover the page.
      const problems = problemsOf(err);
      set({ problems });
      if (problems.length === 0) reportError(err);
      return false;
    } finally {
      set({ busy: false });
    }
  },
  async importRegulation(file) {
    const { detail } = get();
    if (!detail || detail.builtIn) return;
    set({ busy: true });
    try {
      const imported = await client.call('bureau.profiles.importRegulation', {
        profileId: detail.id,
        name: file.name,
        bytes: await readBytes(file),
      });
      // Only the regulation changes: the working copy keeps its unsaved edits.
      set({ detail: { ...detail, regulation: imported.regulation }, articleKey: null });
    } catch (err) {
      reportError(err);
    } finally {
      set({ busy: false });
    }
  },
  async exportVersion() {
    const { detail } = get();
    if (!detail) return;
    try {
      // The desktop asks where to write; the web mode writes into the data folder and says where.
      const destination = useShell.getState().info?.nativeDialogs ? 'choose' : 'default';
      const out = await client.call('bureau.profiles.export', {
        profileId: detail.id,
        version: detail.builtIn ? null : detail.version,
        destination,
      });
      if (out.file) reportInfo(t.profiles.exported(out.file));
    } catch (err) {
      reportError(err);
    }
  },
  async runTrial(target) {
    const { working } = get();
    if (!working) return;
    set({ busy: true, trial: null });
    try {
      const run = await client.call('bureau.profiles.testRun', { profile: working as unknown as Record<string, unknown>, target });
      set({ trial: { target, run }, problems: [] });
    } catch (err) {
      const problems = problemsOf(err);
      set({ problems });
      if (problems.length === 0) reportError(err);
    } finally {
      set({ busy: false });
    }
  },
}));
