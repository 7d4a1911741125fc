// Owns 名单核对 of a session as the gate before scoring asks it: the roster, the name and identity on this machine, what the expert confirmed, and confirming it.
import type { SessionDetail } from '../../../shared/domain';
import type { RosterCheck } from '../../../shared/signing';
import { AppError } from '../kernel/errors';
import { transaction, type ReadDb, type WriteDb } from '../store/access';
import { loadExpertProfile, saveExpertProfile } from '../store/expert';
import { loadIdentity, loadRosterChoice, saveRosterChoice, type IdentityRow } from '../store/identity';
import { SigningError } from './errors';
import { readStoredIdentity } from './identity';
import { identityProblem, nameProblem, suggestedPosition } from './roster';

/** The certificate name of this machine's identity (the name it signs with). */
export function identityName(row: IdentityRow): string {
  return readStoredIdentity(JSON.parse(row.storedJson)).certificate.subject.name;
}

/** Why the state is not settled yet, or no longer (Chinese, saying what to do); null when the confirmation holds. */
function problemOf(session: SessionDetail, check: Omit<RosterCheck, 'problem'>): string | null {
  const { confirmed, profileName, identity } = check;
  const name = profileName.trim();
  const roster = session.experts;
  if (roster.length === 0) {
    if (!confirmed) return `本评审包没有附专家名单：评审结果将以专家信息中的姓名“${name}”签名。请确认姓名无误；如有误，请先修改专家信息。`;
    return confirmed.name === name ? null : `专家信息中的姓名已改为“${name}”，与确认时的“${confirmed.name}”不同：请再次确认。`;
  }
  const position = confirmed?.position ?? null;
  const entry = position === null ? null : roster[position];
  if (!entry) {
    const guess = check.suggested === null ? null : roster[check.suggested]!;
    return (
      nameProblem(roster, name) ??
      (guess && identity ? identityProblem(guess, identity) : null) ??
      `请确认您就是名单中的“${guess?.name.trim() ?? name}”。`
    );
  }
  if (entry.name.trim() !== name) return `专家信息中的姓名“${name}”与您在名单中确认的“${entry.name.trim()}”不一致：请重新确认。`;
  return identity ? identityProblem(entry, identity) : null;
}

/** This machine's identity as the roster check compares it; null when none, or when it cannot be read (the 签名身份 screen says so, and re-creating it is the way on). */
function readableIdentity(db: ReadDb): RosterCheck['identity'] {
  const row = loadIdentity(db);
  if (!row) return null;
  try {
    return { name: identityName(row), fingerprint: row.fingerprint };
  } catch (err) {
    if (err instanceof SigningError) return null;
    throw err;
  }
}

export function rosterCheck(db: ReadDb, session: SessionDetail): RosterCheck {
  const identity = readableIdentity(db);
  const profileName = loadExpertProfile(db)?.name ?? '';
  const confirmed = loadRosterChoice(db, session.id);
  const check = {
    roster: session.experts.map((e, position) => ({
      position,
      name: e.name,
      title: e.title,
      employer: e.employer,
      registered: !!e.fingerprint?.trim(),
    })),
    profileName,
    identity,
    suggested: suggestedPosition(session.experts, profileName, identity?.fingerprint ?? null),
    confirmed: confirmed && { position: confirmed.position, name: confirmed.name, confirmedAt: confirmed.confirmedAt },
  };
  return { ...check, problem: problemOf(session, check) };
}

/**
 * Records that the expert is roster entry `position` (null: the package has no roster). The name in 专家信息 takes the
 * roster's spelling in the same transaction, so the signing identity made afterwards carries it. An identity made
 * before under another name stays as it is: the answer's `problem` then says to re-create it.
 */
export function confirmRoster(db: WriteDb, session: SessionDetail, position: number | null, at: string): RosterCheck {
  const profile = loadExpertProfile(db);
  if (!profile) throw new AppError('invalid-input', '请先填写专家信息（姓名、职称、工作单位），再确认身份。');
  const roster = session.experts;
  if (roster.length === 0 && position !== null) throw new AppError('invalid-input', '本评审包没有附专家名单，无法按名单确认身份。');
  if (roster.length > 0 && position === null) throw new AppError('invalid-input', '本评审包附有专家名单：请从名单中选择您的姓名。');
  const entry = position === null ? null : roster[position];
  if (position !== null && !entry) throw new AppError('invalid-input', `专家名单中没有第 ${position + 1} 位专家，请从名单中选择。`);
  const name = entry ? entry.name.trim() : profile.name;
  transaction(db, () => {
    if (name !== profile.name) saveExpertProfile(db, { ...profile, name }, at);
    saveRosterChoice(db, session.id, { position, name, confirmedAt: at });
  });
  return rosterCheck(db, session);
}
