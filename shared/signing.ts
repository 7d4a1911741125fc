// Owns the signing types shared by the core and the renderer: the identity as shown (签名身份), sealed review versions (已签名版本), export and verification results, and fingerprint formatting.
import { z } from 'zod';

/** `ecdsa-p256` (default: PDF readers verify it) or `sm2` (国密 SM2 with SM3). Same names as electron/core/signing/types.ts. */
export const signatureAlgorithms = ['ecdsa-p256', 'sm2'] as const;
export type SignatureAlgorithmName = (typeof signatureAlgorithms)[number];

/** A passphrase (口令) as entered: long enough to resist guessing at scrypt's cost, short enough to type. */
export const passphraseSchema = z.string().min(8, { message: '口令至少 8 个字符' }).max(200, { message: '口令不能超过 200 个字符' });

/** A certificate fingerprint: 64 hex digits; the roster may write it with spaces, colons or capitals. */
export function normalizeFingerprint(text: string): string {
  return text.replace(/[^0-9a-fA-F]/g, '').toLowerCase();
}

/** "ab12cd34…" → ["AB12", "CD34", …]: groups of four for reading aloud over the phone. */
export function fingerprintGroups(fingerprint: string): string[] {
  const hex = normalizeFingerprint(fingerprint).toUpperCase();
  return hex.match(/.{1,4}/g) ?? [];
}

/** How strong a passphrase looks (口令强度): a hint only, the core enforces nothing but the length. */
export function passphraseStrength(p: string): 'weak' | 'fair' | 'strong' {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length;
  const distinct = new Set(p).size;
  if (p.length < 8 || distinct < 5) return 'weak';
  if (p.length >= 12 && classes >= 3) return 'strong';
  return p.length >= 16 ? 'strong' : 'fair';
}

/** This machine's signing identity as the screens show it; the private key never crosses the API. */
export interface IdentityView {
  name: string;
  title: string;
  employer: string;
  algorithm: SignatureAlgorithmName;
  /** SHA-256 of the certificate, lowercase hex. */
  fingerprint: string;
  createdAt: string;
  /** The cleaned transparent PNG of the handwritten signature (手写签名), null until saved. */
  signatureImage: Uint8Array | null;
  /**
   * Chinese warning when the package roster of the session asked about registers another fingerprint for this expert's
   * name (or the name is not on the roster); null when it matches or nothing was registered.
   */
  rosterWarning: string | null;
}

/** A cleaned signature image: transparent background, cropped to the ink. */
export interface SignatureImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** One sealed (signed, frozen) version of a review (已签名版本): version 1, 2 … per project; old ones stay readable. */
export interface SealView {
  sessionId: string;
  projectId: string;
  sealVersion: number;
  /** The review's stored version at signing. */
  reviewVersion: number;
  /** The review as signed, JSON. */
  review: unknown;
  rubricFingerprint: string;
  /** Head of the review's history hash chain at signing, hex. */
  chainHead: string;
  signerFingerprint: string;
  algorithm: SignatureAlgorithmName;
  signedAt: string;
  /** The sealed review is still the stored one (not reopened and changed since). */
  current: boolean;
}

/** What `signing.export` wrote. */
export interface ExportResult {
  folder: string;
  /** File names inside `folder`, in writing order. */
  files: string[];
  rosterWarning: string | null;
  /** The projects in the export, in package order; `documents` false for a recused one (in the result file only). */
  included: { projectId: string; name: string; documents: boolean }[];
}

/** Where a project stands on the way out: 未完成 → 已完成 → 已签名 → 已导出 (signed and exported as it stands now). */
export const signingStages = ['unfinished', 'complete', 'signed', 'exported'] as const;
export type SigningStage = (typeof signingStages)[number];

/** What 签名并导出 will do, known before the passphrase is asked. */
export interface ExportPlan {
  /** What stops the export, one Chinese sentence each (the session's, then each unfinished project's); empty when it can go. */
  blockers: string[];
  /** When the unlocked key locks itself (ISO 8601); null while locked: the passphrase will be asked. */
  locksAt: string | null;
  /** Every project in package order; `complete` ones are signed by 签名并导出. */
  projects: { projectId: string; name: string; stage: SigningStage; recused: boolean }[];
}

/** 名单核对 of a session: who the expert is on the package's roster, settled before scoring. */
export interface RosterCheck {
  /** The package's roster in its order (empty: the package has none); `registered`: the bureau registered a certificate fingerprint. */
  roster: { position: number; name: string; title: string; employer: string; registered: boolean }[];
  /** The name in 专家信息 on this machine. */
  profileName: string;
  /** This machine's signing identity (certificate name, fingerprint); null before one is made. */
  identity: { name: string; fingerprint: string } | null;
  /** The roster entry the name or identity on this machine is, when exactly one; null otherwise. */
  suggested: number | null;
  /** What the expert confirmed for this package; null until then. */
  confirmed: { position: number | null; name: string; confirmedAt: string } | null;
  /** Why it is not settled (Chinese, saying what to do); null with a confirmation that still holds. */
  problem: string | null;
}

/** What any verification reports (验证结果): the `verify` command prints it, the 验证 screen shows it. */
export interface VerificationReport {
  kind: 'pdf' | 'docx' | 'result';
  valid: boolean;
  signer: { name: string; title: string; employer: string; fingerprint: string; algorithm: SignatureAlgorithmName } | null;
  /** ISO 8601 signing time as the signature states it. */
  signedAt: string | null;
  /** Each check in order, with a Chinese explanation when it failed. */
  checks: { id: string; ok: boolean; message: string }[];
}

/** A verification as the 验证 screen gets it: for a session, with the roster check of the signer (see IdentityView.rosterWarning). */
export interface VerificationView extends VerificationReport {
  rosterWarning?: string | null;
}

/** What `signing.signFile` made: the detached signature (`<file>.sig.json`) over the file as given, signed by this machine's identity. */
export interface SignedFile {
  /** `<file name>.sig.json` */
  name: string;
  bytes: Uint8Array;
  /** Where it was written beside the file (a path source); null for an upload — save `bytes` yourself. */
  file: string | null;
  /** SHA-256 of the file signed, lowercase hex: compare it with the one the bureau announces. */
  fileSha256: string;
  signedAt: string;
  fingerprint: string;
}
