// Owns the session archive (评审归档): one ZIP with the package, every result file received (history included), the generated documents on record and the panel's decisions (with its opinion text), listed with their SHA-256 in index.json; and importing it on another machine, every file verified.
//
// Layout: index.json · index.json.sig.json (the bureau's signature over the index, below) · package.rpkg · results/<n>.rdr.json · documents/<name> · panel/<project>/<opinion>.pdf and
// <n>-<member>.sig.json (the frozen panel opinions and the members' signatures over them) · decisions.json. The package is
// re-exported from the draft (deterministic, so its manifest hash must equal the session's); each result is verified
// again on import exactly as when it was first received, in the order it was signed, so the history is rebuilt.
//
// Authentication (归档签名): the hashes alone prove nothing — whoever edits decisions.json can write its new SHA-256 into
// index.json. So the bureau machine signs index.json with its archive key (a detached signature of the signing domain,
// signing/detached.ts: ECDSA P-256 over the exact index bytes, a self-signed certificate). The key is made at the first
// export and kept in this machine's database (migration 015); it needs no passphrase, since it guards nothing the
// database does not already hold. Import verifies the signature over the index bytes and who signed: this machine's own
// archive key, or the fingerprint the importer was given by the bureau (read in groups, as for experts). Anything else —
// an edited index, a missing signature, a re-signed archive by another key — refuses the whole archive.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { z } from 'zod';
import { panelSectionSchema, type PanelSignatureOutcome, type ResultImportOutcome } from '../../../shared/bureau';
import type { SessionDetail } from '../../../shared/domain';
import { packageIdSchema } from '../../../shared/manifest';
import { conclusions } from '../../../shared/profile';
import { AppError } from '../kernel/errors';
import { findSessionVersion, getSession } from '../store/sessions';
import { importPackage, stagingRoot, type ImportContext } from '../package/importer';
import { openSource, type PackageSource, type SourceEntry } from '../package/source';
import { verifyPackage } from '../package/verify';
import { reproducibleEntry } from '../package/write';
import { safeFileStem } from '../kernel/files';
import { insertDraft, loadDraft } from '../store/bureauDrafts';
import {
  listConclusionOverrides,
  listDissents,
  listLineOverrides,
  listPanelTexts,
  listResults,
  resultBytes,
  savePanelText,
  setConclusionOverride,
  setDissent,
  setLineOverride,
} from '../store/bureauResults';
import { transaction, type ReadDb, type WriteDb } from '../store/access';
import {
  frozenOpinionBytes,
  insertFrozenOpinion,
  listFrozenOpinions,
  listPanelSignatures,
  panelSignatureBytes,
} from '../store/panelOpinions';
import { generatedDocuments } from '../store/templates';
import { detachedSignatureSuffix, signDetached, verifyDetached } from '../signing/detached';
import { generateKeyPair, publicPointOf, signerFunction } from '../signing/algorithms';
import { certificateFingerprint, createCertificate } from '../signing/certificate';
import type { SignatureAlgorithm, Signer } from '../signing/types';
import { loadArchiveKey, saveArchiveKey } from '../store/archiveKey';
import { fingerprintGroups, normalizeFingerprint } from '../../../shared/signing';
import { importPanelSignatures } from './panelSigning';
import { bureauDir, draftFromPackage, publishedPackage } from './draft';
import { adoptCarriedProfile } from './profiles';
import { importResult, maxResultBytes } from './results';

const archiveKind = 'review-desk-session-archive';
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const indexSchema = z.strictObject({
  formatVersion: z.literal(1),
  kind: z.literal(archiveKind),
  // Lower-cased like the manifest's packageId: an archive written before ids were lower-cased carries the id as the
  // bureau's system spelled it, and must still find and match the session its package imports as.
  sessionId: packageIdSchema,
  title: z.string(),
  manifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
  files: z
    .array(
      z.strictObject({
        path: z.string().min(1).max(300),
        role: z.enum(['package', 'result', 'document', 'decisions', 'panel-opinion', 'panel-signature']),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        bytes: z.number().int().nonnegative(),
      }),
    )
    .max(20_000),
});

const decisionsSchema = z.strictObject({
  lines: z.array(
    z.strictObject({
      projectId: z.string(),
      lineId: z.string(),
      approvedFen: z.number().int().nonnegative(),
      reason: z.string().min(1),
      setAt: z.string(),
    }),
  ),
  conclusions: z.array(
    z.strictObject({ projectId: z.string(), conclusion: z.enum(conclusions), reason: z.string().min(1), setAt: z.string() }),
  ),
  dissents: z.array(
    z.strictObject({
      projectId: z.string(),
      expertPosition: z.number().int().nonnegative(),
      reason: z.string().min(1),
      recordedAt: z.string(),
    }),
  ),
  /** 定稿: which panel opinion file of the archive is each project's frozen opinion, and when it was made and frozen. */
  frozen: z
    .array(
      z.strictObject({ projectId: z.string(), path: z.string(), fileName: z.string().min(1), createdAt: z.string(), frozenAt: z.string() }),
    )
    .default([]),
  /** 专家组意见: the panel's own text per section (the version counter is local and restarts at 1). */
  texts: z
    .array(
      z.strictObject({
        projectId: z.string(),
        section: panelSectionSchema,
        text: z.string(),
        version: z.number().int().positive(),
        savedBy: z.string(),
        savedAt: z.string(),
      }),
    )
    .default([]),
});

type ArchiveRole = z.infer<typeof indexSchema>['files'][number]['role'];

/** The bureau's signature over index.json, beside it in the archive. */
export const indexSignatureName = `index.json${detachedSignatureSuffix}`;

function signerOf(key: { algorithm: string; privateKey: Uint8Array; certificate: Uint8Array; fingerprint: string }): Signer {
  const algorithm = key.algorithm as SignatureAlgorithm;
  return {
    algorithm,
    certificateDer: key.certificate,
    fingerprint: key.fingerprint,
    sign: signerFunction(algorithm, { privateKey: key.privateKey, publicPoint: publicPointOf(algorithm, key.privateKey) }),
  };
}

/** This machine's archive key, made at the first export (ECDSA P-256, a self-signed certificate valid 30 years). */
export function archiveSigner(db: WriteDb, now: Date): Signer {
  const held = loadArchiveKey(db);
  if (held) return signerOf(held);
  const algorithm: SignatureAlgorithm = 'ecdsa-p256';
  const keys = generateKeyPair(algorithm);
  const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000 - 86_400_000); // a day back: another machine's clock may be behind
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 30);
  const certificate = createCertificate({
    algorithm,
    keys,
    subject: { name: '评审组织方归档签名', title: '评审工作台', employer: '评审组织方' },
    notBefore,
    notAfter,
  });
  return signerOf(
    saveArchiveKey(db, {
      algorithm,
      privateKey: keys.privateKey,
      certificate,
      fingerprint: certificateFingerprint(certificate),
      createdAt: now.toISOString(),
    }),
  );
}

/** The fingerprint this machine signs archives with, null before its first archive export. */
export function archiveKeyFingerprint(db: ReadDb): string | null {
  return loadArchiveKey(db)?.fingerprint ?? null;
}

/** Writes `<folder>/<title>-归档.zip`, its index signed with this machine's archive key; returns its path and the key's fingerprint. */
export async function exportArchive(
  db: WriteDb,
  dataDir: string,
  session: SessionDetail,
  folder: string,
  now: Date,
): Promise<{ file: string; fingerprint: string }> {
  const pkg = await fs.readFile(publishedPackage(dataDir, session.id)).catch(() => null);
  if (!pkg) throw new AppError('invalid-input', '本机没有该评审会分发的评审包（可能是在其他电脑上制作的），不能归档。');
  const { manifestSha256 } = await verifyPackage(publishedPackage(dataDir, session.id));
  if (manifestSha256 !== session.manifestSha256)
    throw new AppError('invalid-input', '本机保存的评审包与专家评审的评审包不一致，不能归档。');
  const entries: { path: string; role: ArchiveRole; bytes: Uint8Array }[] = [{ path: 'package.rpkg', role: 'package', bytes: pkg }];
  listResults(db, session.id).forEach((r, i) =>
    entries.push({
      path: `results/${String(i + 1).padStart(3, '0')}-${safeFileStem(r.expertName)}.rdr.json`,
      role: 'result',
      bytes: resultBytes(db, r.id),
    }),
  );
  const names = new Set<string>();
  for (const doc of [...generatedDocuments(db, session.id)].reverse()) {
    const bytes = await fs.readFile(doc.path).catch(() => null);
    if (!bytes || sha256(bytes) !== doc.sha256) continue; // moved or changed since it was generated: not the document on record
    let name = path.basename(doc.path);
    for (let n = 2; names.has(name); n++) name = `${n}-${path.basename(doc.path)}`;
    names.add(name);
    entries.push({ path: `documents/${name}`, role: 'document', bytes });
  }
  const frozen = listFrozenOpinions(db, session.id).map((o) => {
    const at = `panel/${safeFileStem(o.projectId)}/${o.fileName}`;
    entries.push({ path: at, role: 'panel-opinion', bytes: frozenOpinionBytes(db, session.id, o.projectId) });
    return { projectId: o.projectId, path: at, fileName: o.fileName, createdAt: o.createdAt, frozenAt: o.frozenAt };
  });
  listPanelSignatures(db, session.id).forEach((s, i) =>
    entries.push({
      path: `panel/${safeFileStem(s.projectId)}/${String(i + 1).padStart(3, '0')}-${safeFileStem(s.expertName)}${detachedSignatureSuffix}`,
      role: 'panel-signature',
      bytes: panelSignatureBytes(db, session.id, s.projectId, s.expertPosition),
    }),
  );
  const decisions = {
    lines: listLineOverrides(db, session.id),
    conclusions: listConclusionOverrides(db, session.id),
    dissents: listDissents(db, session.id),
    frozen,
    texts: listPanelTexts(db, session.id),
  };
  entries.push({ path: 'decisions.json', role: 'decisions', bytes: Buffer.from(`${JSON.stringify(decisions, null, 2)}\n`) });
  const index = {
    formatVersion: 1,
    kind: archiveKind,
    sessionId: session.id,
    title: session.title,
    manifestSha256: session.manifestSha256,
    createdAt: now.toISOString(),
    files: entries.map((e) => ({ path: e.path, role: e.role, sha256: sha256(e.bytes), bytes: e.bytes.length })),
  };
  const indexBytes = Buffer.from(`${JSON.stringify(index, null, 2)}\n`);
  const signer = archiveSigner(db, now);
  const zip = new ZipFile();
  zip.addBuffer(indexBytes, 'index.json', reproducibleEntry);
  zip.addBuffer(Buffer.from(signDetached(indexBytes, 'index.json', signer, now).bytes), indexSignatureName, reproducibleEntry);
  for (const e of entries)
    zip.addBuffer(Buffer.from(e.bytes), e.path, { ...reproducibleEntry, compress: !/\.(rpkg|pdf|docx|xlsx)$/i.test(e.path) });
  zip.end();
  await fs.mkdir(folder, { recursive: true });
  const out = path.join(folder, `${safeFileStem(`${session.title}-归档`)}.zip`);
  const part = `${out}.${process.pid}.tmp`;
  try {
    await pipeline(zip.outputStream, createWriteStream(part));
    await fs.rename(part, out);
  } catch (err) {
    await fs.rm(part, { force: true });
    throw err;
  }
  return { file: out, fingerprint: signer.fingerprint };
}

async function readEntry(source: PackageSource, entry: SourceEntry, max: number): Promise<Buffer> {
  if (entry.declaredBytes > max) throw new AppError('invalid-input', `归档中的“${entry.name}”过大，归档可能已损坏。`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of await source.open(entry)) {
    size += (chunk as Buffer).length;
    if (size > max) throw new AppError('invalid-input', `归档中的“${entry.name}”过大，归档可能已损坏。`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export interface ArchiveImport {
  sessionId: string;
  results: ResultImportOutcome[];
  /** The members' signatures over the frozen panel opinions, each verified again. */
  panelSignatures: PanelSignatureOutcome[];
  /** Where the archived documents were put. */
  documentsFolder: string;
  documents: string[];
}

/**
 * Imports an archive: checks the bureau's signature over the index and who made it (this machine's archive key, or
 * `bureauFingerprint` as the bureau gave it), every listed file's hash, the package, each result's signature; then
 * restores the decisions.
 */
export async function importArchive(
  ctx: ImportContext,
  jobId: string,
  file: string,
  bureauFingerprint: string | null = null,
): Promise<ArchiveImport> {
  const bad = (why: string) => new AppError('invalid-input', `“${path.basename(file)}”不是完好的评审归档：${why}`);
  let source: PackageSource;
  try {
    source = await openSource(file);
  } catch {
    throw bad('无法作为 ZIP 读取');
  }
  const contents = new Map<string, Buffer>();
  let index: z.infer<typeof indexSchema>;
  try {
    const entries = new Map(source.entries.filter((e) => !e.isDirectory).map((e) => [e.name, e]));
    const indexEntry = entries.get('index.json');
    if (!indexEntry) throw bad('缺少 index.json');
    const indexBytes = await readEntry(source, indexEntry, 16 * 2 ** 20);
    const signatureEntry = entries.get(indexSignatureName);
    if (!signatureEntry) throw bad(`缺少评审组织方对清单的签名（${indexSignatureName}），无法确认归档未被改动`);
    const report = verifyDetached(indexBytes, await readEntry(source, signatureEntry, 2 ** 20), 'index.json');
    if (!report.valid) {
      const failed = report.checks.find((c) => !c.ok);
      throw bad(
        `评审组织方对清单（index.json）的签名验证未通过：${failed?.message ?? '签名无效'}。归档在导出后被改动过（例如 decisions.json 中的裁定、结论或保留意见），不能导入`,
      );
    }
    const signedBy = report.signer!.fingerprint;
    const trusted = [archiveKeyFingerprint(ctx.db), bureauFingerprint ? normalizeFingerprint(bureauFingerprint) : null];
    if (!trusted.includes(signedBy)) {
      throw bad(
        `归档由证书指纹 ${fingerprintGroups(signedBy).join(' ')} 签名，${bureauFingerprint ? '与导入时填写的评审组织方指纹不符' : '不是本机的归档签名密钥'}。请向导出该归档的评审组织方逐组核对此指纹，一致后在导入时填写该指纹`,
      );
    }
    let indexJson: unknown;
    try {
      indexJson = JSON.parse(indexBytes.toString('utf8'));
    } catch {
      throw bad('index.json 不是有效的 JSON');
    }
    const parsed = indexSchema.safeParse(indexJson);
    if (!parsed.success) throw bad('index.json 格式不对');
    index = parsed.data;
    const listed = new Set(index.files.map((f) => f.path));
    for (const name of entries.keys())
      if (name !== 'index.json' && name !== indexSignatureName && !listed.has(name)) throw bad(`含有清单之外的文件“${name}”`);
    for (const f of index.files) {
      const entry = entries.get(f.path);
      if (!entry) throw bad(`缺少文件“${f.path}”`);
      const bytes = await readEntry(source, entry, f.role === 'result' ? maxResultBytes : 4 * 2 ** 30);
      if (bytes.length !== f.bytes || sha256(bytes) !== f.sha256) throw bad(`文件“${f.path}”与清单记录的哈希不符，已被改动`);
      contents.set(f.path, bytes);
    }
  } finally {
    source.close();
  }
  const pkg = index.files.find((f) => f.role === 'package');
  if (!pkg) throw bad('缺少评审包');
  const held = findSessionVersion(ctx.db, index.sessionId);
  if (held !== null && held !== index.manifestSha256) throw bad('本机已有同一编号但内容不同的评审包');

  const decisionsFile = index.files.find((f) => f.role === 'decisions');
  let decisions: z.infer<typeof decisionsSchema> | null = null;
  if (decisionsFile) {
    let json: unknown;
    try {
      json = JSON.parse(contents.get(decisionsFile.path)!.toString('utf8'));
    } catch {
      throw bad('decisions.json 不是有效的 JSON');
    }
    const parsed = decisionsSchema.safeParse(json);
    if (!parsed.success) throw bad('decisions.json 格式不对');
    decisions = parsed.data;
  }

  const work = path.join(stagingRoot(ctx.dataDir), randomUUID());
  await fs.mkdir(work, { recursive: true });
  try {
    const rpkg = path.join(work, 'package.rpkg');
    await fs.writeFile(rpkg, contents.get(pkg.path)!);
    const summary = await importPackage(ctx, jobId, rpkg);
    const session = getSession(ctx.db, summary.id)!;
    if (summary.id !== index.sessionId || session.manifestSha256 !== index.manifestSha256)
      throw bad('评审包与归档清单记录的编号或清单哈希不符');
    await fs.mkdir(path.dirname(publishedPackage(ctx.dataDir, session.id)), { recursive: true });
    await fs.copyFile(rpkg, publishedPackage(ctx.dataDir, session.id));
    if (!loadDraft(ctx.db, session.id)) {
      const adoptProfile = (bytes: Uint8Array, jurisdiction: string) =>
        adoptCarriedProfile(ctx.db, bytes, jurisdiction, ctx.now().toISOString());
      insertDraft(ctx.db, await draftFromPackage(ctx.dataDir, rpkg, { adoptProfile }), ctx.now().toISOString());
    }
    const results = index.files
      .filter((f) => f.role === 'result')
      .map((f) => importResult(ctx.db, session, { name: f.path, bytes: contents.get(f.path)! }, ctx.now(), { trustArchive: true }));
    if (decisions) {
      const known = new Set(session.projects.map((p) => p.id));
      const all = [...decisions.lines, ...decisions.conclusions, ...decisions.dissents, ...decisions.texts];
      if (all.some((d) => !known.has(d.projectId)) || decisions.dissents.some((d) => !session.experts[d.expertPosition]))
        throw bad('decisions.json 引用了评审包中没有的项目或专家');
      transaction(ctx.db, () => {
        decisions.lines.forEach((l) => setLineOverride(ctx.db, session.id, l));
        decisions.conclusions.forEach((c) => setConclusionOverride(ctx.db, session.id, c));
        decisions.dissents.forEach((d) => setDissent(ctx.db, session.id, d));
        decisions.texts.forEach((t) => savePanelText(ctx.db, session.id, t, 0));
        for (const f of decisions.frozen) {
          const bytes = contents.get(f.path);
          if (!bytes || index.files.find((x) => x.path === f.path)?.role !== 'panel-opinion') throw bad(`缺少专家组意见定稿“${f.path}”`);
          insertFrozenOpinion(
            ctx.db,
            {
              sessionId: session.id,
              projectId: f.projectId,
              fileName: f.fileName,
              sha256: sha256(bytes),
              createdAt: f.createdAt,
              frozenAt: f.frozenAt,
            },
            bytes,
          );
        }
      });
    }
    // Members' signatures are verified again against the restored opinions, as when they were first received.
    const panelSignatures = importPanelSignatures(
      ctx.db,
      session.id,
      index.files.filter((f) => f.role === 'panel-signature').map((f) => ({ name: path.basename(f.path), bytes: contents.get(f.path)! })),
      ctx.now(),
    );
    const documentsFolder = path.join(bureauDir(ctx.dataDir), 'archives', session.id, 'documents');
    const documents = index.files.filter((f) => f.role === 'document');
    await fs.mkdir(documentsFolder, { recursive: true });
    for (const d of documents) await fs.writeFile(path.join(documentsFolder, path.basename(d.path)), contents.get(d.path)!);
    return { sessionId: session.id, results, panelSignatures, documentsFolder, documents: documents.map((d) => path.basename(d.path)) };
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
