// Owns the roster check (名单核对): does this machine's signing identity match what the package's expert roster registered for the signer's name?
import type { SessionDetail } from '../../../shared/domain';
import { fingerprintGroups, normalizeFingerprint } from '../../../shared/signing';

/** A Chinese warning for the screens and the export, or null when the roster names the signer with this fingerprint or registers none. */
export function rosterWarning(session: SessionDetail, signerName: string, fingerprint: string): string | null {
  const name = signerName.trim();
  const entry = session.experts.find((e) => e.name.trim() === name);
  if (!entry) {
    return `评审包的专家名单中没有“${name}”。组织方可能无法把本机签名的评审结果对应到专家，请核对专家信息中的姓名，或联系组织方。`;
  }
  if (!entry.fingerprint || normalizeFingerprint(entry.fingerprint) === '') return null;
  const expected = normalizeFingerprint(entry.fingerprint);
  if (expected === fingerprint) return null;
  return (
    `评审包为“${name}”登记的证书指纹是 ${fingerprintGroups(expected).slice(0, 4).join(' ')} …，` +
    `与本机签名身份的指纹 ${fingerprintGroups(fingerprint).slice(0, 4).join(' ')} … 不一致。组织方验证时会认为签名人不符；` +
    `请联系组织方核对登记的指纹，或使用登记时的签名身份。`
  );
}
