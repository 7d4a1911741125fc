// Owns the signing calls: the identity (签名身份) and handwritten signature, the roster check (名单核对), unlocking for a sitting, signing a review (签名封存) or all of them, export of signed files, and verification.
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SessionDetail } from '../../../shared/domain';
import type { ParsedInput } from '../../../shared/api';
import type { ExportResult, IdentityView, SignedFile, VerificationView } from '../../../shared/signing';
import { AppError } from '../kernel/errors';
import { requireRosterConfirmed } from '../expert/handlers';
import { chooseFolder, plainFileName, withStagedFiles } from '../kernel/files';
import type { HandlerMap, Host } from '../kernel/handlers';
import { stagingRoot } from '../package/importer';
import type { ReadDb, WriteDb } from '../store/access';
import { loadExpertProfile } from '../store/expert';
import { loadIdentity, recordExport, saveIdentity, saveSignatureImage, type IdentityRow } from '../store/identity';
import { detachedSignatureSuffix, signDetached } from './detached';
import { SigningError, signingMessages } from './errors';
import { exportSigned, exportFolder } from './export';
import { createIdentity, readStoredIdentity, unlockIdentity } from './identity';
import { createKeyHolder } from './keyHolder';
import { exportPlan, signCompleted } from './plan';
import { rosterWarning } from './roster';
import { confirmRoster, identityName, rosterCheck } from './rosterCheck';
import { projectSeals, sealReview, sealView } from './seal';
import { cleanSignatureImage } from './signatureImage';
import type { Signer, VerificationReport } from './types';
import { verifyFile } from './verify';
import { sessionOrThrow } from '../context/session';

type SigningMethod =
  | 'signing.identity.get'
  | 'signing.identity.create'
  | 'signing.image.save'
  | 'review.sign'
  | 'review.seals'
  | 'signing.export'
  | 'signing.verify'
  | 'signing.openFolder'
  | 'signing.signFile'
  | 'signing.unlock'
  | 'signing.lock'
  | 'signing.plan'
  | 'signing.signAndExport'
  | 'session.roster.get'
  | 'session.roster.confirm';

/** The shared view type must stay the signing module's report type. */
const asView = (report: VerificationReport): VerificationView => report;

/**
 * An uploaded file keeps its base name (a detached signature names the file it signs) but only as one plain name:
 * never a path, `.`/`..`, or control characters.
 */
function uploadName(name: string): string {
  const lower = (name.split(/[\\/]/).pop() ?? '').toLowerCase();
  if (!['.json', '.pdf', '.docx'].some((ext) => lower.endsWith(ext))) {
    throw new AppError('invalid-input', `无法验证“${name}”：只能验证 PDF、DOCX（连同其 .sig.json 签名文件）或评审结果文件（.rdr.json）。`);
  }
  const base = plainFileName(name);
  if (!base) throw new AppError('invalid-input', `文件名“${name}”含有不允许的字符，请改名后再验证。`);
  return base;
}

type VerifySource = ParsedInput<'signing.verify'>['source'];

/** A path is verified where it is; uploaded bytes staged under their plain names, the detached signature beside its DOCX. */
async function verifySource(source: VerifySource, stagingDir: string): Promise<VerificationReport> {
  if (source.kind === 'path') return verifyFile(source.path);
  const main = uploadName(source.name);
  const files = [
    { name: main, bytes: source.bytes },
    ...(source.signature ? [{ name: `${main}${detachedSignatureSuffix}`, bytes: source.signature.bytes }] : []),
  ];
  return withStagedFiles(stagingDir, files, ([file]) => verifyFile(file!));
}

/** A file given to `signing.signFile` is a document of a few megabytes; anything past this is refused. */
const maxSignFileBytes = 200 * 2 ** 20;

/** The file to sign as a plain base name and its bytes; a path is read where it is and its signature goes beside it. */
async function fileToSign(
  source: ParsedInput<'signing.signFile'>['source'],
): Promise<{ name: string; bytes: Uint8Array; file: string | null }> {
  if (source.kind === 'upload') {
    const name = plainFileName(source.name);
    if (!name) throw new AppError('invalid-input', `文件名“${source.name}”含有不允许的字符，请改名后再签署。`);
    if (source.bytes.length > maxSignFileBytes)
      throw new AppError('invalid-input', `“${name}”超过 200 MB，不像是要签署的文书，请确认选择的文件。`);
    return { name, bytes: source.bytes, file: null };
  }
  const file = path.resolve(source.path);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new AppError('not-found', `找不到文件“${file}”，请确认路径。`);
  if (info.size > maxSignFileBytes)
    throw new AppError('invalid-input', `“${path.basename(file)}”超过 200 MB，不像是要签署的文书，请确认选择的文件。`);
  return { name: path.basename(file), bytes: new Uint8Array(await readFile(file)), file };
}

function requireIdentity(db: ReadDb): IdentityRow {
  const row = loadIdentity(db);
  if (!row) throw new AppError('invalid-input', '尚未创建签名身份。请先在“签名身份”中创建，再签名或导出。');
  return row;
}

export function identityView(row: IdentityRow, session: SessionDetail | null): IdentityView {
  const { subject } = readStoredIdentity(JSON.parse(row.storedJson)).certificate;
  return {
    ...subject,
    algorithm: row.algorithm,
    fingerprint: row.fingerprint,
    createdAt: row.createdAt,
    signatureImage: row.signaturePng,
    rosterWarning: session ? rosterWarning(session, subject.name, row.fingerprint) : null,
  };
}

export function signingHandlers(db: WriteDb, host: Host, now: () => Date): HandlerMap<SigningMethod> {
  /** Folders this run exported to: the only folders `signing.openFolder` opens. */
  const exported = new Set<string>();
  /** The key unlocked this sitting (解锁), in this process only. */
  const keys = createKeyHolder({ now });
  /** With a passphrase: unlocks and keeps the key for the sitting; without: the key kept, or the refusal to ask for it. */
  const signerFor = async (row: IdentityRow, passphrase: string | undefined): Promise<Signer> => {
    if (passphrase === undefined) {
      const held = keys.take(row.fingerprint);
      if (!held) throw new SigningError('key-locked', signingMessages.keyLocked);
      return held;
    }
    const signer = await unlockIdentity(JSON.parse(row.storedJson), passphrase, now());
    keys.hold(signer);
    return signer;
  };
  /** The export folder: the default beside the session's documents, or the one the user picks (null: the dialog was closed). */
  const exportDestination = (session: SessionDetail, destination: 'default' | 'choose') =>
    chooseFolder(host, destination, exportFolder(host.dataDir, session), '选择签名文件导出位置（可选U盘）');
  const notChosen = { folder: null, files: [], rosterWarning: null, included: [] };
  /** Writes the export of a session with `signer` into the folder chosen, and records what went out (已导出). */
  const writeExport = async (
    session: SessionDetail,
    row: IdentityRow,
    folder: string,
    signer: Signer,
    jobId: string,
  ): Promise<ExportResult> => {
    const at = now();
    const { seals, ...result } = await exportSigned(db, {
      session,
      signer,
      signatureImage: row.signaturePng,
      folder,
      now: at,
      progress: (done, total, current) => host.emit('job.progress', { jobId, phase: 'render', done, total, current }),
    });
    recordExport(db, session.id, seals, at.toISOString());
    exported.add(path.resolve(folder));
    return { ...result, rosterWarning: identityView(row, session).rosterWarning };
  };

  return {
    'signing.identity.get'({ sessionId }) {
      const row = loadIdentity(db);
      // A damaged stored identity answers with SigningError's Chinese message (re-create it), not an internal error.
      return row ? identityView(row, sessionId ? sessionOrThrow(db, sessionId) : null) : null;
    },
    async 'signing.identity.create'({ algorithm, passphrase, replace }) {
      const profile = loadExpertProfile(db);
      if (!profile) throw new AppError('invalid-input', '请先填写专家信息（姓名、职称、工作单位），证书上将写明这些信息。');
      if (loadIdentity(db) && !replace)
        throw new AppError('invalid-input', '本机已有签名身份。重新创建会换用新的密钥和指纹，如确需重新创建，请确认后再试。');
      const at = now();
      const stored = await createIdentity({
        algorithm,
        name: profile.name,
        title: profile.title,
        employer: profile.employer,
        passphrase,
        now: at,
      });
      saveIdentity(db, JSON.stringify(stored), stored.fingerprint, stored.algorithm, stored.createdAt);
      keys.lock();
      return identityView(loadIdentity(db)!, null);
    },
    'signing.image.save'({ png }) {
      requireIdentity(db);
      const cleaned = cleanSignatureImage(png);
      saveSignatureImage(db, cleaned.png, now().toISOString());
      return identityView(loadIdentity(db)!, null);
    },
    async 'review.sign'({ sessionId, projectId, passphrase }) {
      requireRosterConfirmed(db, sessionOrThrow(db, sessionId));
      const signer = await signerFor(requireIdentity(db), passphrase);
      const at = now();
      const seal = sealReview(db, sessionId, projectId, signer, at.toISOString());
      return sealView(seal, seal.reviewVersion);
    },
    'review.seals'({ sessionId, projectId }) {
      sessionOrThrow(db, sessionId);
      return projectSeals(db, sessionId, projectId);
    },
    async 'signing.export'({ sessionId, passphrase, jobId, destination }) {
      const session = sessionOrThrow(db, sessionId);
      const row = requireIdentity(db);
      const folder = await exportDestination(session, destination);
      if (!folder) return notChosen;
      return writeExport(session, row, folder, await signerFor(row, passphrase), jobId);
    },
    async 'signing.signAndExport'({ sessionId, passphrase, jobId, destination }) {
      const session = sessionOrThrow(db, sessionId);
      const row = loadIdentity(db);
      const plan = exportPlan(db, { session, identity: row, identityName: row && identityName(row), locksAt: null });
      if (!row || plan.blockers.length > 0)
        throw new AppError(
          'invalid-input',
          `还不能签名并导出：\n${plan.blockers.map((b, i) => `${i + 1}. ${b}`).join('\n')}`,
          plan.blockers.map((message) => ({ code: 'blocked', message, path: '' })),
        );
      // The key first: a wrong passphrase is said before the folder dialog opens.
      const signer = await signerFor(row, passphrase);
      const folder = await exportDestination(session, destination);
      if (!folder) return notChosen;
      signCompleted(db, session, signer, now().toISOString());
      return writeExport(session, row, folder, signer, jobId);
    },
    async 'signing.unlock'({ passphrase }) {
      const row = requireIdentity(db);
      await signerFor(row, passphrase);
      return { locksAt: keys.locksAt(row.fingerprint)! };
    },
    'signing.lock'() {
      keys.lock();
      return null;
    },
    'signing.plan'({ sessionId }) {
      const session = sessionOrThrow(db, sessionId);
      const row = loadIdentity(db);
      return exportPlan(db, {
        session,
        identity: row,
        identityName: row && identityName(row),
        locksAt: row && keys.locksAt(row.fingerprint),
      });
    },
    'session.roster.get'({ sessionId }) {
      return rosterCheck(db, sessionOrThrow(db, sessionId));
    },
    'session.roster.confirm'({ sessionId, position }) {
      return confirmRoster(db, sessionOrThrow(db, sessionId), position, now().toISOString());
    },
    async 'signing.verify'({ source, sessionId }) {
      const report = await verifySource(source, stagingRoot(host.dataDir));
      const session = sessionId ? sessionOrThrow(db, sessionId) : null;
      return {
        ...asView(report),
        rosterWarning: session && report.signer ? rosterWarning(session, report.signer.name, report.signer.fingerprint) : null,
      };
    },
    async 'signing.signFile'({ source, passphrase }): Promise<SignedFile> {
      const row = requireIdentity(db);
      const target = await fileToSign(source);
      const signer = await signerFor(row, passphrase);
      const at = now();
      const { bytes } = signDetached(target.bytes, target.name, signer, at);
      const file = target.file ? `${target.file}${detachedSignatureSuffix}` : null;
      if (file) await writeFile(file, bytes);
      return {
        name: `${target.name}${detachedSignatureSuffix}`,
        bytes,
        file,
        fileSha256: createHash('sha256').update(target.bytes).digest('hex'),
        signedAt: at.toISOString(),
        fingerprint: signer.fingerprint,
      };
    },
    async 'signing.openFolder'({ folder }) {
      if (!exported.has(path.resolve(folder))) throw new AppError('invalid-input', '只能打开本次导出的文件夹。');
      return { opened: await host.openFolder(folder) };
    },
  };
}
