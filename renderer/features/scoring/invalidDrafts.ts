// Owns the typed values the rubric refuses (无效输入): what the field holds and where it is, kept in localStorage per review
// so the draft survives a reload or a new window, and the status line that says they are not saved.
//
// They are kept beside the review, never in it: the core stores only valid values, and the status must not say 已保存
// while the field shows something else.

/** One refused field: the text as typed and where it is in the form (dimension and sub-criterion, or budget line). */
export interface InvalidDraft {
  text: string;
  where: string;
}

export type InvalidDrafts = Record<string, InvalidDraft>;

/** The part of the Web Storage API used here, so tests can pass a Map-backed one. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const MAX_TEXT = 200;
const storageKey = (sessionId: string, projectId: string) => `rd.invalid-drafts.${sessionId}.${projectId}`;

/** The kept drafts of one review; anything unreadable (edited by hand, another version's shape) reads as none. */
export function readInvalidDrafts(storage: DraftStorage | null, sessionId: string, projectId: string): InvalidDrafts {
  let raw: string | null;
  try {
    raw = storage?.getItem(storageKey(sessionId, projectId)) ?? null;
  } catch {
    return {};
  }
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const drafts: InvalidDrafts = {};
  for (const [field, entry] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { text, where } = entry as Record<string, unknown>;
    if (typeof text === 'string' && typeof where === 'string' && text.length <= MAX_TEXT) drafts[field] = { text, where };
  }
  return drafts;
}

/** Keeps the drafts of one review (none: the entry is removed); a full or refused storage only loses the reload copy. */
export function writeInvalidDrafts(storage: DraftStorage | null, sessionId: string, projectId: string, drafts: InvalidDrafts): void {
  try {
    if (Object.keys(drafts).length === 0) storage?.removeItem(storageKey(sessionId, projectId));
    else storage?.setItem(storageKey(sessionId, projectId), JSON.stringify(drafts));
  } catch {
    // Private mode or a full quota: the status line still tells the expert, only the copy for a reload is lost.
  }
}

/** The drafts with one field set (a refused text) or cleared (null); the same object when nothing changes. */
export function withInvalidDraft(drafts: InvalidDrafts, field: string, draft: InvalidDraft | null): InvalidDrafts {
  const held = drafts[field];
  if (draft === null) {
    if (!held) return drafts;
    const { [field]: _, ...rest } = drafts;
    return rest;
  }
  if (held && held.text === draft.text && held.where === draft.where) return drafts;
  return { ...drafts, [field]: { text: draft.text.slice(0, MAX_TEXT), where: draft.where } };
}

/** The browser's localStorage when there is one (the renderer), none under Node. */
export const browserStorage = (): DraftStorage | null => (typeof localStorage === 'undefined' ? null : localStorage);
