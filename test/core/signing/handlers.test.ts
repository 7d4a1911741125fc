// The signing calls through the dispatcher on a real store: identity, handwritten signature, sealing reviews as versions, export of signed files, verification by upload, roster warnings.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/app';
import { DB_FILE } from '../../../electron/core/store/db';
import { rosterWarning } from '../../../electron/core/signing/roster';
import { verifyFile } from '../../../electron/core/signing/verify';
import type { Envelope } from '../../../shared/api';
import type { SessionDetail } from '../../../shared/domain';
import type { Review, ReviewView } from '../../../shared/scoring';
import type { ExportResult, IdentityView, SealView, VerificationView } from '../../../shared/signing';
import { tempDir, writeMinimalPackage } from '../../helpers/core';
import { callCore } from '../../../electron/core/api/call';
import { confirmIdentity } from '../sampleSession';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

const passphrase = '评审口令-2027-secure';
let clock = Date.parse('2027-03-05T09:00:00Z');

/** A fresh data folder with the minimal package imported, the profile saved (王专家) and the commitment accepted; `roster` replaces the package's experts. */
async function start(
  roster?: { name: string; fingerprint?: string }[],
): Promise<{ core: Core; dataDir: string; sessionId: string; events: unknown[] }> {
  const dataDir = tempDir();
  const events: unknown[] = [];
  const core = await openCore(
    {
      dataDir,
      version: 't',
      transport: 'http',
      choosePath: null,
      openPath: async () => true,
      openFolder: async () => true,
      emit: (_e, payload) => events.push(payload),
    },
    () => new Date((clock += 1000)),
  );
  cores.push(core);
  const folder = await writeMinimalPackage(tempDir());
  if (roster) {
    const file = path.join(folder, 'manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    manifest.session.experts = roster;
    manifest.session.chair = roster[0]!.name;
    writeFileSync(file, JSON.stringify(manifest));
  }
  const { id: sessionId } = await ok<{ id: string }>(core, 'package.import', { jobId: 'j', source: { kind: 'path', path: folder } });
  await ok(core, 'expert.save', { name: '王专家', title: '高级工程师', employer: '某设计院', phone: '' });
  await ok(core, 'session.commitment.accept', { sessionId });
  return { core, dataDir, sessionId, events };
}

const ok = <T>(core: Core, name: string, input: unknown): Promise<T> => callCore<T>(core.dispatch, name, input);

async function refused(core: Core, name: string, input: unknown): Promise<string> {
  const res = (await core.dispatch(name, input)) as Envelope<unknown>;
  if (res.ok) throw new Error(`${name} was not refused`);
  return res.error.message;
}

/** Scores everything and completes the review of p1 with `opinion` as the overall opinion. */
async function completeReview(core: Core, sessionId: string, opinion: string): Promise<ReviewView> {
  const view = await ok<ReviewView>(core, 'review.get', { sessionId, projectId: 'p1' });
  const rubric = view.rubric.rubric;
  const review: Review = {
    ...view.review,
    conflict: { hasConflict: false, note: '' },
    familiarity: 'familiar',
    dimensions: Object.fromEntries(
      rubric.dimensions.map((d) => [
        d.id,
        {
          scores: Object.fromEntries(d.subCriteria.map((c) => [c.id, c.maxPoints - 0.5])),
          opinion: `${d.name}论证充分。`,
          lowScoreReason: '',
        },
      ]),
    ),
    chapterOpinions: Object.fromEntries(view.chapters.map((c) => [c.id, `${c.title}内容完整。`])),
    vetoRulings: {
      ...view.review.vetoRulings,
      ...Object.fromEntries(view.vetoes.filter((v) => v.state === 'pending').map((v) => [v.veto.id, false])),
    },
    investment: { b1: { approvedFen: 9_000_000, reason: '按市场价核减。' } },
    overallOpinion: opinion,
  };
  await ok(core, 'review.save', { sessionId, projectId: 'p1', review, baseVersion: view.version });
  return ok<ReviewView>(core, 'review.complete', { sessionId, projectId: 'p1' });
}

function signaturePng(): Uint8Array {
  const png = new PNG({ width: 200, height: 80 });
  png.data.fill(255);
  for (let x = 20; x < 180; x++) png.data.set([10, 10, 60, 255], (40 * 200 + x) * 4);
  return new Uint8Array(PNG.sync.write(png));
}

describe('signing calls', () => {
  it('creates one identity from the profile, refuses a second without replace, and cleans the handwritten signature', async () => {
    const { core, dataDir, sessionId } = await start();
    expect(await ok(core, 'signing.identity.get', {})).toBeNull();
    expect(await refused(core, 'signing.identity.create', { passphrase: 'short' })).toMatch(/口令至少 8 个字符/);
    expect(await refused(core, 'signing.image.save', { png: signaturePng() })).toMatch(/尚未创建签名身份/);

    const created = await ok<IdentityView>(core, 'signing.identity.create', { passphrase });
    expect(created).toMatchObject({
      name: '王专家',
      title: '高级工程师',
      employer: '某设计院',
      algorithm: 'ecdsa-p256',
      signatureImage: null,
    });
    expect(created.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await refused(core, 'signing.identity.create', { passphrase })).toMatch(/本机已有签名身份/);

    const withImage = await ok<IdentityView>(core, 'signing.image.save', { png: signaturePng() });
    const cleaned = PNG.sync.read(Buffer.from(withImage.signatureImage!));
    expect([cleaned.width, cleaned.height, cleaned.data[3]]).toEqual([168, 9, 0]);
    expect(await refused(core, 'signing.image.save', { png: new TextEncoder().encode('GIF89a not a png at all, really') })).toMatch(
      /不是 PNG 图片/,
    );

    // The roster of this package names 张三 only.
    const seen = await ok<IdentityView>(core, 'signing.identity.get', { sessionId });
    expect(seen.rosterWarning).toMatch(/专家名单中没有“王专家”/);

    const sm2 = await ok<IdentityView>(core, 'signing.identity.create', { passphrase, algorithm: 'sm2', replace: true });
    expect(sm2.algorithm).toBe('sm2');
    expect(sm2.fingerprint).not.toBe(created.fingerprint);
    expect(sm2.signatureImage).not.toBeNull(); // the hand is the same person's

    // A stored identity damaged on disk is reported in Chinese (the signing module's message), not as an internal error.
    const db = new Database(path.join(dataDir, DB_FILE));
    db.prepare(`UPDATE signing_identity SET stored_json = json_set(stored_json, '$.certificate', 'AAAA')`).run();
    db.close();
    expect(await refused(core, 'signing.identity.get', {})).toMatch(/证书无法解析/);
  });

  it('signs only a completed review, freezes it as version 1, and a reopened, changed review signs as version 2 while version 1 stays readable', async () => {
    const { core, sessionId } = await start();
    const key = { sessionId, projectId: 'p1' };
    expect(await refused(core, 'review.sign', { ...key, passphrase })).toMatch(/^请先确认评审专家身份：/);
    await confirmIdentity(core, sessionId, 0);
    expect(await refused(core, 'review.sign', { ...key, passphrase })).toMatch(/尚未创建签名身份/);
    await ok(core, 'signing.identity.create', { passphrase });
    expect(await refused(core, 'review.sign', { ...key, passphrase })).toMatch(/尚未完成/);

    const done = await completeReview(core, sessionId, '同意建设。');
    expect(await refused(core, 'review.sign', { ...key, passphrase: 'wrong-passphrase' })).toBe('口令不正确，请重新输入');
    const first = await ok<SealView>(core, 'review.sign', { ...key, passphrase });
    expect(first).toMatchObject({ sealVersion: 1, reviewVersion: done.version, current: true, algorithm: 'ecdsa-p256' });
    expect(first.chainHead).toMatch(/^[0-9a-f]{64}$/);
    expect((await ok<SealView>(core, 'review.sign', { ...key, passphrase })).sealVersion).toBe(1); // the same version is not sealed twice

    // A sealed review refuses edits until reopened; reopening, changing and completing again makes version 2.
    await ok(core, 'review.reopen', { ...key, reason: '补充意见' });
    await completeReview(core, sessionId, '同意建设，建议加强数据共享。');
    const second = await ok<SealView>(core, 'review.sign', { ...key, passphrase });
    expect(second.sealVersion).toBe(2);
    expect(second.chainHead).not.toBe(first.chainHead);
    const seals = await ok<SealView[]>(core, 'review.seals', key);
    expect(seals.map((s) => [s.sealVersion, s.current, (s.review as Review).overallOpinion])).toEqual([
      [1, false, '同意建设。'],
      [2, true, '同意建设，建议加强数据共享。'],
    ]);
  });

  it('exports the signed result file, PDF and DOCX with its signature; each verifies, pdfsig agrees, and a changed byte fails', async () => {
    const { core, dataDir, sessionId, events } = await start();
    await ok(core, 'signing.identity.create', { passphrase });
    // The identity was made as 王专家 before the expert confirmed the roster's only entry (张三): the export warns of it.
    await confirmIdentity(core, sessionId, 0);
    const exportInput = { sessionId, jobId: 'e1', passphrase, destination: 'default' };
    expect(await refused(core, 'signing.export', exportInput)).toMatch(/尚未保存手写签名/);
    await ok(core, 'signing.image.save', { png: signaturePng() });
    expect(await refused(core, 'signing.export', exportInput)).toMatch(/「测试项目」的评审尚未完成/);
    await completeReview(core, sessionId, '同意建设。');
    expect(await refused(core, 'signing.export', exportInput)).toMatch(/「测试项目」的评审尚未签名/);
    await ok(core, 'review.sign', { sessionId, projectId: 'p1', passphrase });

    const result = await ok<ExportResult>(core, 'signing.export', exportInput);
    expect(result.folder).toBe(path.join(dataDir, 'exports', '测试评审会', '签名文件'));
    expect(result.files).toEqual([
      '评审结果-测试评审会-王专家.rdr.json',
      expect.stringMatching(/-测试项目\.pdf$/),
      expect.stringMatching(/-测试项目\.docx$/),
      expect.stringMatching(/-测试项目\.docx\.sig\.json$/),
    ]);
    expect(readdirSync(result.folder).sort()).toEqual([...result.files].sort()); // no staging leftovers
    expect(result.rosterWarning).toMatch(/专家名单中没有/);
    expect(
      events
        .filter((e) => (e as { jobId: string }).jobId === 'e1')
        .map((e) => {
          const p = e as { done: number; total: number };
          return `${p.done}/${p.total}`;
        }),
    ).toEqual(['0/2', '1/2', '2/2']);

    for (const name of result.files) {
      const report = await verifyFile(path.join(result.folder, name));
      expect(report.valid, `${name}: ${JSON.stringify(report.checks.filter((c) => !c.ok))}`).toBe(true);
      expect(report.signer?.name).toBe('王专家');
    }
    const pdf = path.join(result.folder, result.files[1]!);
    expect(execFileSync('/usr/bin/pdfsig', [pdf], { encoding: 'utf8' })).toMatch(/Signature is Valid/);
    expect(execFileSync('/usr/bin/pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('同意建设');

    // Verification by upload (web mode): the result file as sent, then with one byte changed.
    const rdr = readFileSync(path.join(result.folder, result.files[0]!));
    const good = await ok<VerificationView>(core, 'signing.verify', {
      source: { kind: 'upload', name: result.files[0], bytes: new Uint8Array(rdr) },
    });
    expect(good).toMatchObject({ kind: 'result', valid: true, rosterWarning: null });
    const inSession = await ok<VerificationView>(core, 'signing.verify', {
      sessionId,
      source: { kind: 'upload', name: result.files[0], bytes: new Uint8Array(rdr) },
    });
    expect(inSession.rosterWarning).toMatch(/专家名单中没有“王专家”/);
    const changed = Buffer.from(rdr);
    changed[changed.indexOf('同意建设')]! ^= 0x01;
    const bad = await ok<VerificationView>(core, 'signing.verify', {
      source: { kind: 'upload', name: result.files[0], bytes: new Uint8Array(changed) },
    });
    expect(bad.valid).toBe(false);
    // A DOCX uploaded with its detached signature.
    const docx = new Uint8Array(readFileSync(path.join(result.folder, result.files[2]!)));
    const sig = new Uint8Array(readFileSync(path.join(result.folder, result.files[3]!)));
    const docxReport = await ok<VerificationView>(core, 'signing.verify', {
      source: { kind: 'upload', name: result.files[2], bytes: docx, signature: { name: result.files[3], bytes: sig } },
    });
    expect(docxReport).toMatchObject({ kind: 'docx', valid: true });
    expect(await refused(core, 'signing.verify', { source: { kind: 'upload', name: '../../etc/passwd', bytes: docx } })).toMatch(
      /只能验证/,
    );

    // Only the folder this run exported to may be opened.
    expect(await ok(core, 'signing.openFolder', { folder: result.folder })).toEqual({ opened: true });
    expect(await refused(core, 'signing.openFolder', { folder: dataDir })).toMatch(/只能打开本次导出的文件夹/);

    // A sealed version changed behind the app's back (here the frozen review's opinion) no longer verifies: the export refuses it.
    const db = new Database(path.join(dataDir, DB_FILE));
    db.prepare(`UPDATE review_seals SET review_json = replace(review_json, '同意建设。', '不同意。')`).run();
    db.close();
    expect(await refused(core, 'signing.export', exportInput)).toMatch(/「测试项目」的已签名版本校验失败/);

    // Reopened after signing: the export is refused until signed again.
    await ok(core, 'review.reopen', { sessionId, projectId: 'p1', reason: '补充' });
    expect(await refused(core, 'signing.export', exportInput)).toMatch(/尚未完成/);
  });

  it('warns when the roster registers another fingerprint for the signer, and not when it registers this one', async () => {
    const { core, sessionId } = await start([{ name: '王专家', fingerprint: 'AB12 '.repeat(16) }]);
    const identity = await ok<IdentityView>(core, 'signing.identity.create', { passphrase });
    const warned = await ok<IdentityView>(core, 'signing.identity.get', { sessionId });
    expect(warned.rosterWarning).toMatch(/登记的证书指纹是 AB12 AB12 AB12 AB12 …，与本机签名身份的指纹 .* 不一致/);

    // Registered with spaces, colons or capitals, the same fingerprint matches.
    const session = {
      experts: [
        {
          name: ' 王专家 ',
          title: '',
          employer: '',
          isChair: true,
          fingerprint: identity.fingerprint.toUpperCase().match(/.{4}/g)!.join(':'),
        },
      ],
    } as SessionDetail;
    expect(rosterWarning(session, '王专家', identity.fingerprint)).toBeNull();
    expect(
      rosterWarning({ ...session, experts: [{ ...session.experts[0]!, fingerprint: null }] }, '王专家', identity.fingerprint),
    ).toBeNull();
  });
});
