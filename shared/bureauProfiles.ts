// Owns the contract of the bureau's 规则配置 (its own jurisdiction profiles): ids, the list and detail views, starting points, test runs — shared by core and renderer.
//
// A profile the bureau writes is a complete profile (shared/profile.ts, no `extends`): what a package carries as
// profile.json and what `review-desk profile check` reads. Each save is a new version; the profile's own `version`
// field is that number.
import { z } from 'zod';
import type { Finding, Evidence } from './precheck';
import type { Profile } from './profile';
import type { RegulationOutline } from './regulation';
import { isBuiltInJurisdiction, jurisdictionIdSchema, jurisdictions } from './manifest';

/** The id of a profile the bureau writes: a jurisdiction id that is not a built-in one (the manifest names it). */
export const customProfileIdSchema = jurisdictionIdSchema.refine((id) => !isBuiltInJurisdiction(id), {
  message: '该编号是内置评审规则的编号，请另取一个（如 wulong-2027）',
});

/** Where a new profile starts: blank (six dimensions, no rules) or a copy of a built-in profile with all its rules. */
export const profileStartSchema = z.enum(['blank', ...jurisdictions]);
export type ProfileStart = z.infer<typeof profileStartSchema>;

export const profileNameSchema = z.string().trim().min(1, { message: '名称不能为空' }).max(200, { message: '名称不能超过 200 字' });
export const profileNoteSchema = z.string().trim().max(500, { message: '修改说明不能超过 500 字' });

/** One line of the 规则配置 list: the built-in profiles first, then the bureau's own. */
export interface ProfileListItem {
  id: string;
  name: string;
  builtIn: boolean;
  /** 'blank' or the built-in id the profile started from; the id itself for a built-in. */
  base: string;
  /** The newest saved version; 0 before the first save. A built-in gives its file's version. */
  latestVersion: number;
  updatedAt: string | null;
  /** The regulation file imported for the profile, if any. */
  regulationName: string | null;
}

export interface ProfileVersionInfo {
  version: number;
  savedAt: string;
  note: string;
  sha256: string;
}

/** A profile as the editor opens it. */
export interface ProfileDetail {
  id: string;
  name: string;
  builtIn: boolean;
  base: string;
  /** The version shown; 0 when nothing was saved yet (`profile` is then the starting point, not yet valid). */
  version: number;
  /** Newest first; empty for a built-in or before the first save. */
  versions: ProfileVersionInfo[];
  /** The profile (a complete profile.json's content). Before the first save of a blank profile it may not validate yet. */
  profile: Profile;
  regulation: { name: string; importedAt: string; outline: RegulationOutline } | null;
}

/** What a test run is run on: an open bureau draft (its attached documents) or an imported package's session. */
export const trialTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('draft'), draftId: z.guid() }).strict(),
  z.object({ kind: z.literal('session'), sessionId: z.string().min(1).max(100) }).strict(),
]);
export type TrialTarget = z.infer<typeof trialTargetSchema>;

/** A finding of a test run, as the expert's 形式审查 shows it (evidence opens a document only for a session). */
export type TrialFinding = Finding & { crossProject: boolean; evidence: (Evidence & { documentKey?: number })[] };

export interface TrialRun {
  /** The draft's or session's title. */
  title: string;
  projects: { projectId: string; name: string; findings: TrialFinding[] }[];
}
