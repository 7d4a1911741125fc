// Hostile result files (not JSON, huge, wrong schema, __proto__ keys, another roster, a stranger's signature) are refused with a reason, and nothing is written;
// a file naming its package in another case (as the bureau's system wrote the id) is this package's, one naming another id is not.
import { afterAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { buildResult, signResult } from '../../../electron/core/signing/result';
import { readLiveDb } from '../../helpers/core';
import { jcs } from '../../../electron/core/kernel/jcs';
import type { ResultImportOutcome, StatusBoard } from '../../../shared/bureau';
import { makeTestIdentity } from '../signing/testSigner';
import { ok, refused, registeredSession, tick } from './cycle';

const cores: Core[] = [];
afterAll(() => cores.forEach((c) => c.close()));

const upload = (name: string, text: string | Uint8Array) => ({
  kind: 'upload',
  name,
  bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
});

describe('hostile result files', () => {
  it('refuses each with its reason and writes nothing', async () => {
    const { core, sessionId } = await registeredSession();
    cores.push(core);
    const huge = new Uint8Array(17 * 2 ** 20).fill(0x20);
    const outcomes = await ok<ResultImportOutcome[]>(core, 'bureau.results.import', {
      sessionId,
      sources: [
        upload('a.rdr.json', '这不是 JSON'),
        upload('b.rdr.json', huge),
        upload('c.rdr.json', '{"formatVersion":1,"packageId":"x"}'),
        upload('d.rdr.json', '{"__proto__":{"polluted":true},"formatVersion":1,"packageId":"x"}'),
        upload('e.rdr.json', '{"formatVersion":2}'),
        upload('f.rdr.json', '[1,2,3]'),
      ],
    });
    expect(outcomes.map((o) => [o.file, o.status, o.refusal])).toEqual([
      ['a.rdr.json', 'refused', 'unreadable'],
      ['b.rdr.json', 'refused', 'too-large'],
      ['c.rdr.json', 'refused', 'unreadable'],
      ['d.rdr.json', 'refused', 'unreadable'],
      ['e.rdr.json', 'refused', 'unreadable'],
      ['f.rdr.json', 'refused', 'unreadable'],
    ]);
    expect(outcomes[0]!.message).toMatch(/“a\.rdr\.json”未通过验证：评审结果文件不是有效的.*JSON/);
    expect(outcomes[1]!.message).toMatch(/远大于评审结果文件应有的大小/);
    expect(outcomes[2]!.message).toMatch(/“c\.rdr\.json”未通过验证：.*不符合格式/);
    expect(outcomes[4]!.message).toMatch(/“e\.rdr\.json”未通过验证：.*版本/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const board = await ok<StatusBoard>(core, 'bureau.results.status', { sessionId });
    expect(board.experts.every((e) => e.submissions === 0)).toBe(true);
    // A folder with no result files is refused as a whole; a missing path is reported per file.
    expect((await refused(core, 'bureau.results.import', { sessionId, sources: [{ kind: 'path', path: __dirname }] })).message).toMatch(
      /没有评审结果文件/,
    );
    const missing = await ok<ResultImportOutcome[]>(core, 'bureau.results.import', {
      sessionId,
      sources: [{ kind: 'path', path: '/no/such/file.rdr.json' }],
    });
    expect(missing[0]).toMatchObject({ status: 'refused', refusal: 'unreadable' });
  });

  it('refuses a signed result by someone not on the roster, and one signed with a key other than the registered one', async () => {
    const registered = await makeTestIdentity('ecdsa-p256', { name: '专家乙', now: new Date('2027-03-01T00:00:00Z') });
    const { core, dataDir, sessionId } = await registeredSession({ 专家乙: registered.stored.fingerprint });
    cores.push(core);
    const stranger = await makeTestIdentity('sm2', { name: '路人', now: new Date('2027-03-01T00:00:00Z') });
    const impostor = await makeTestIdentity('ecdsa-p256', { name: '专家乙', now: new Date('2027-03-01T00:00:00Z') });
    const store = readLiveDb(dataDir);
    const files = [stranger, impostor, registered].map(
      (id) => signResult(buildResult(store.db, sessionId, id.signer, tick()), id.signer, tick()).bytes,
    );
    store.close();
    const outcomes = await ok<ResultImportOutcome[]>(core, 'bureau.results.import', {
      sessionId,
      sources: files.map((b, i) => upload(`${i}.rdr.json`, b)),
    });
    expect(outcomes.map((o) => [o.status, o.refusal, o.expert])).toEqual([
      ['refused', 'not-on-roster', '路人'],
      ['refused', 'roster-mismatch', '专家乙'],
      ['accepted', null, '专家乙'],
    ]);
    expect(outcomes[1]!.message).toMatch(/与评审包名单为其登记的指纹 .* 不一致/);
    // The accepted file holds no completed project: the expert has submitted, the project is not done.
    const board = await ok<StatusBoard>(core, 'bureau.results.status', { sessionId });
    expect(board.experts[1]!.projects).toEqual([{ projectId: 'p1', state: 'incomplete' }]);
    expect(board.missing).toEqual(['专家甲', '专家丙']);
    // Canonical JSON re-spelled with whitespace is no longer the signed bytes.
    const spaced = new TextEncoder().encode(JSON.stringify(JSON.parse(new TextDecoder().decode(files[2])), null, 1));
    expect(Buffer.from(jcs(JSON.parse(new TextDecoder().decode(spaced)))).equals(Buffer.from(files[2]!))).toBe(true);
    const [re] = await ok<ResultImportOutcome[]>(core, 'bureau.results.import', {
      sessionId,
      sources: [upload('spaced.rdr.json', spaced)],
    });
    expect(re).toMatchObject({ status: 'refused', refusal: 'tampered' });
  });
});

describe('package id spelling (issue 14 item 7)', () => {
  it('accepts a signed result naming the package in upper case, and still refuses another package id', async () => {
    const expert = await makeTestIdentity('ecdsa-p256', { name: '专家乙', now: new Date('2027-03-01T00:00:00Z') });
    const { core, dataDir, sessionId } = await registeredSession({ 专家乙: expert.stored.fingerprint });
    cores.push(core);
    const upper = sessionId.toUpperCase();
    expect(upper).not.toBe(sessionId);
    const store = readLiveDb(dataDir);
    const unsigned = buildResult(store.db, sessionId, expert.signer, tick());
    store.close();
    // packageId is signed as written: each file is signed with the spelling under test, nothing is re-cased.
    const signed = (change: Partial<typeof unsigned>) => signResult({ ...unsigned, ...change }, expert.signer, tick()).bytes;
    const outcomes = await ok<ResultImportOutcome[]>(core, 'bureau.results.import', {
      sessionId,
      sources: [
        upload('other.rdr.json', signed({ packageId: '00000000-0000-0000-0000-000000002027' })),
        upload('stale.rdr.json', signed({ packageId: upper, manifestSha256: '0'.repeat(64) })),
        upload('upper.rdr.json', signed({ packageId: upper })),
      ],
    });
    expect(outcomes.map((o) => [o.file, o.status, o.refusal])).toEqual([
      ['other.rdr.json', 'refused', 'foreign'],
      ['stale.rdr.json', 'refused', 'foreign'],
      ['upper.rdr.json', 'accepted', null],
    ]);
    expect(outcomes[0]!.message).toContain('是另一个评审包（编号 00000000-0000-0000-0000-000000002027）的评审结果');
    // Same package in another spelling, another version of its manifest: told as such, not as another package.
    expect(outcomes[1]!.message).toMatch(/“stale\.rdr\.json”未通过验证：该结果文件对应的评审包（清单哈希 0{16}…）不是当前评审包/);
    const board = await ok<StatusBoard>(core, 'bureau.results.status', { sessionId });
    expect(board.experts.map((e) => e.submissions)).toEqual([0, 1, 0]);
  });
});
