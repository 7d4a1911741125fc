// Owns the roster check (名单核对): which entry of the package's expert roster a name or signing identity is, and what does not match, in Chinese.
//
// The bureau matches a result to the roster by the registered fingerprint, else by the certificate's name as written
// (trimmed, bureau/results.ts). So a name is looked up loosely — NFKC folds 全角 letters and digits, and every space
// (also U+3000) is dropped — to find the entry the expert means, but it is settled only when the profile and the
// certificate carry the roster's own spelling.
import type { SessionDetail } from '../../../shared/domain';
import { fingerprintGroups, normalizeFingerprint } from '../../../shared/signing';

type Roster = SessionDetail['experts'];

/** A name as the roster lookup compares it: "李 明华", "李　明华" and "李明华" are one name. */
export function rosterKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}

const registered = (entry: Roster[number]): string | null => {
  const print = entry.fingerprint ? normalizeFingerprint(entry.fingerprint) : '';
  return print === '' ? null : print;
};

/** The roster positions `name` may be, in roster order: those written the same after folding spaces and 全角. */
export function rosterCandidates(roster: Roster, name: string): number[] {
  const key = rosterKey(name);
  return roster.flatMap((e, i) => (key !== '' && rosterKey(e.name) === key ? [i] : []));
}

/** The one entry the name on this machine is, when there is exactly one; null when none or several. */
export function suggestedPosition(roster: Roster, name: string, fingerprint: string | null): number | null {
  const byPrint = fingerprint ? roster.findIndex((e) => registered(e) === fingerprint) : -1;
  if (byPrint >= 0) return byPrint;
  const candidates = rosterCandidates(roster, name);
  return candidates.length === 1 ? candidates[0]! : null;
}

const short = (print: string) => fingerprintGroups(print).slice(0, 4).join(' ');

/** Why a signing identity (its certificate name and fingerprint) cannot sign as this roster entry; null when it can. */
export function identityProblem(entry: Roster[number], identity: { name: string; fingerprint: string }): string | null {
  const expected = registered(entry);
  const name = entry.name.trim();
  if (expected !== null && expected !== identity.fingerprint) {
    return (
      `评审包为“${name}”登记的证书指纹是 ${short(expected)} …，与本机签名身份的指纹 ${short(identity.fingerprint)} … 不一致，` +
      `组织方会拒收用它签名的结果。请使用登记时的签名身份，或联系组织方核对登记的指纹。`
    );
  }
  if (expected === null && identity.name.trim() !== name) {
    return (
      `本机签名身份的证书姓名是“${identity.name}”，与名单中的“${name}”不一致，组织方按名单核对时会拒收。` +
      `证书上的姓名不能修改：请在“签名身份”中重新创建签名身份（指纹会改变），再确认身份。`
    );
  }
  return null;
}

/** Why the name on this machine is not yet one roster entry (not on it, on it several times, written otherwise); null when it is exactly one. */
export function nameProblem(roster: Roster, name: string): string | null {
  const candidates = rosterCandidates(roster, name);
  if (candidates.length === 0) return `专家名单中没有“${name.trim()}”。请从名单中选择您的姓名；如名单有误，请联系组织方。`;
  if (candidates.length > 1)
    return `专家名单中有 ${candidates.length} 位“${roster[candidates[0]!]!.name.trim()}”。请按职称和工作单位选择您本人。`;
  const written = roster[candidates[0]!]!.name.trim();
  if (written !== name.trim()) return `名单中写作“${written}”，专家信息中是“${name.trim()}”。确认后将按名单的写法填写姓名。`;
  return null;
}

/**
 * A Chinese warning for the screens and the export: the signer (a certificate's name and fingerprint) is not the roster
 * entry of that name, or is on no entry; null when the roster names the signer or the package has no roster.
 */
export function rosterWarning(session: SessionDetail, signerName: string, fingerprint: string): string | null {
  const roster = session.experts;
  if (roster.length === 0) return null;
  const position = suggestedPosition(roster, signerName, fingerprint);
  if (position === null) return nameProblem(roster, signerName);
  return identityProblem(roster[position]!, { name: signerName, fingerprint });
}
