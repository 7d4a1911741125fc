// Archive decisions are authenticated (issue 17 item 6): the bureau signs index.json with its archive key, so editing
// decisions.json and writing its new SHA-256 into index.json is refused, as is a re-signed archive by another key; an
// untouched archive imports on another machine given the bureau's fingerprint. An archive whose index names the session in
// upper case (written before package ids were lower-cased, issue 14 item 7) imports as the lower-case session.
import { createHash } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import type { Core } from '../../../electron/core/app';
import { openSource } from '../../../electron/core/package/source';
import { signDetached } from '../../../electron/core/signing/detached';
import { fingerprintGroups } from '../../../shared/signing';
import { tempDir } from '../../helpers/core';
import { makeTestIdentity } from '../signing/testSigner';
import { ok, openTestCore, refused, registeredSession } from './cycle';

const cores: Core[] = [];
afterAll(() => cores.forEach((c) => c.close()));

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function readZip(file: string): Promise<Map<string, Buffer>> {
  const source = await openSource(file);
  const out = new Map<string, Buffer>();
  try {
    for (const e of source.entries.filter((x) => !x.isDirectory)) {
      const chunks: Buffer[] = [];
      for await (const c of await source.open(e)) chunks.push(c as Buffer);
      out.set(e.name, Buffer.concat(chunks));
    }
  } finally {
    source.close();
  }
  return out;
}

async function writeZip(entries: Map<string, Buffer>, file: string): Promise<string> {
  const zip = new ZipFile();
  for (const [name, bytes] of entries) zip.addBuffer(bytes, name);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
  return file;
}

interface Decisions {
  lines: { projectId: string; lineId: string; approvedFen: number; reason: string; setAt: string }[];
  conclusions: { projectId: string; conclusion: string; reason: string; setAt: string }[];
  dissents: { projectId: string; expertPosition: number; reason: string; recordedAt: string }[];
}

/** What an editor of the archive does: change decisions.json and write its new hash and size into index.json (the signature is left as it was). */
function editDecisions(entries: Map<string, Buffer>, edit: (d: Decisions) => void): Map<string, Buffer> {
  const copy = new Map(entries);
  const decisions = JSON.parse(copy.get('decisions.json')!.toString('utf8')) as Decisions;
  edit(decisions);
  const bytes = Buffer.from(`${JSON.stringify(decisions, null, 2)}\n`);
  copy.set('decisions.json', bytes);
  const index = JSON.parse(copy.get('index.json')!.toString('utf8')) as { files: { path: string; sha256: string; bytes: number }[] };
  const listed = index.files.find((f) => f.path === 'decisions.json')!;
  listed.sha256 = sha256(bytes);
  listed.bytes = bytes.length;
  copy.set('index.json', Buffer.from(`${JSON.stringify(index, null, 2)}\n`));
  return copy;
}

describe('archive signature', () => {
  it('refuses edited decisions with a matching index, and a re-signed archive; imports an untouched one', async () => {
    const { core: bureau, sessionId } = await registeredSession();
    cores.push(bureau);
    const archived = await ok<{ file: string; fingerprint: string }>(bureau, 'bureau.archive.export', {
      sessionId,
      destination: 'default',
    });
    expect(archived.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const entries = await readZip(archived.file);
    expect([...entries.keys()].slice(0, 2)).toEqual(['index.json', 'index.json.sig.json']);
    const at = '2027-03-18T10:00:00.000Z';
    const dir = tempDir('rd-archive-edit-');
    const edits = {
      // 组长裁定 of line b1 to 0.01 yuan
      override: editDecisions(entries, (d) => d.lines.push({ projectId: 'p1', lineId: 'b1', approvedFen: 1, reason: '核定', setAt: at })),
      // the conclusion changed to 不予通过
      conclusion: editDecisions(entries, (d) =>
        d.conclusions.push({ projectId: 'p1', conclusion: 'reject', reason: '组长改定', setAt: at }),
      ),
      // a dissent attributed to 专家乙
      dissent: editDecisions(entries, (d) => d.dissents.push({ projectId: 'p1', expertPosition: 1, reason: '本人不同意', recordedAt: at })),
    };
    for (const [name, edited] of Object.entries(edits)) {
      const file = await writeZip(edited, path.join(dir, `${name}.zip`));
      const { core: other } = await openTestCore();
      cores.push(other);
      const error = await refused(other, 'bureau.archive.import', {
        jobId: name,
        source: { kind: 'path', path: file },
        bureauFingerprint: archived.fingerprint,
      });
      expect(error.message, name).toMatch(/不是完好的评审归档：评审组织方对清单（index\.json）的签名验证未通过：.*归档在导出后被改动过/);
      // Nothing was imported.
      expect(await ok<unknown[]>(other, 'session.list', {}), name).toEqual([]);
    }

    // The editor re-signs the edited index with a key of their own: the signature is valid, the signer is not the bureau.
    const forger = await makeTestIdentity('ecdsa-p256', { name: '评审组织方归档签名', now: new Date('2027-03-01T00:00:00Z') });
    const forged = new Map(edits.conclusion);
    forged.set(
      'index.json.sig.json',
      Buffer.from(signDetached(forged.get('index.json')!, 'index.json', forger.signer, new Date('2027-03-18T00:00:00Z')).bytes),
    );
    const forgedFile = await writeZip(forged, path.join(dir, 'forged.zip'));
    const { core: third } = await openTestCore();
    cores.push(third);
    const forgedError = await refused(third, 'bureau.archive.import', {
      jobId: 'f',
      source: { kind: 'path', path: forgedFile },
      bureauFingerprint: archived.fingerprint,
    });
    expect(forgedError.message).toContain(
      `归档由证书指纹 ${fingerprintGroups(forger.signer.fingerprint).join(' ')} 签名，与导入时填写的评审组织方指纹不符`,
    );
    // Without the signature at all.
    const unsigned = new Map(edits.override);
    unsigned.delete('index.json.sig.json');
    expect(
      (
        await refused(third, 'bureau.archive.import', {
          jobId: 'u',
          source: { kind: 'path', path: await writeZip(unsigned, path.join(dir, 'unsigned.zip')) },
          bureauFingerprint: archived.fingerprint,
        })
      ).message,
    ).toMatch(/缺少评审组织方对清单的签名/);
    // The untouched archive on another machine: refused until the bureau's fingerprint is given, then imported.
    expect((await refused(third, 'bureau.archive.import', { jobId: 'n', source: { kind: 'path', path: archived.file } })).message).toMatch(
      /不是本机的归档签名密钥.*核对此指纹/,
    );
    const restored = await ok<{ sessionId: string }>(third, 'bureau.archive.import', {
      jobId: 'a',
      source: { kind: 'path', path: archived.file },
      bureauFingerprint: fingerprintGroups(archived.fingerprint).join(' '),
    });
    expect(restored.sessionId).toBe(sessionId);
    // The same machine's own archives need no fingerprint; its key stays the same for every export.
    const again = await ok<{ file: string; fingerprint: string }>(bureau, 'bureau.archive.export', { sessionId, destination: 'default' });
    expect(again.fingerprint).toBe(archived.fingerprint);
    await fs.rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('imports an archive whose index names the session in upper case', async () => {
    const { core: bureau, sessionId } = await registeredSession();
    cores.push(bureau);
    const archived = await ok<{ file: string }>(bureau, 'bureau.archive.export', { sessionId, destination: 'default' });
    const entries = await readZip(archived.file);
    const index = JSON.parse(entries.get('index.json')!.toString('utf8')) as { sessionId: string };
    expect(index.sessionId).toBe(sessionId);
    index.sessionId = sessionId.toUpperCase();
    expect(index.sessionId).not.toBe(sessionId);
    // The older version's archive key signed the index as it spelled the id.
    const older = await makeTestIdentity('ecdsa-p256', { name: '评审组织方归档签名', now: new Date('2027-03-01T00:00:00Z') });
    const bytes = Buffer.from(`${JSON.stringify(index, null, 2)}\n`);
    entries.set('index.json', bytes);
    entries.set(
      'index.json.sig.json',
      Buffer.from(signDetached(bytes, 'index.json', older.signer, new Date('2027-03-18T00:00:00Z')).bytes),
    );
    const dir = tempDir('rd-archive-upper-');
    const file = await writeZip(entries, path.join(dir, 'upper.zip'));
    const { core: other } = await openTestCore();
    cores.push(other);
    // On another machine, and again on the bureau's own, which already holds the session under the lower-case id.
    for (const [name, core] of [
      ['other', other],
      ['bureau', bureau],
    ] as const) {
      const restored = await ok<{ sessionId: string }>(core, 'bureau.archive.import', {
        jobId: name,
        source: { kind: 'path', path: file },
        bureauFingerprint: older.signer.fingerprint,
      });
      expect(restored.sessionId, name).toBe(sessionId);
      expect(
        (await ok<{ id: string }[]>(core, 'session.list', {})).map((s) => s.id),
        name,
      ).toEqual([sessionId]);
    }
    await fs.rm(dir, { recursive: true, force: true });
  }, 120_000);
});
