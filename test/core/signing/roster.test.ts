// The roster check (名单核对): names written with spaces or 全角 are found, duplicates are not guessed, a registered fingerprint wins, and what does not match is said in Chinese.
import { describe, expect, it } from 'vitest';
import {
  identityProblem,
  nameProblem,
  rosterCandidates,
  rosterKey,
  rosterWarning,
  suggestedPosition,
} from '../../../electron/core/signing/roster';
import type { SessionDetail } from '../../../shared/domain';

type Entry = SessionDetail['experts'][number];
const entry = (name: string, fingerprint: string | null = null): Entry => ({
  name,
  title: '高级工程师',
  employer: '某研究院',
  specialty: '',
  fingerprint,
  isChair: false,
});
const printA = 'a1'.repeat(32);
const printB = 'b2'.repeat(32);

describe('roster lookup', () => {
  it('folds ASCII, 全角 and ideographic spaces, and 全角 letters, but not different characters', () => {
    expect(rosterKey(' 李 明华 ')).toBe('李明华');
    expect(rosterKey('李\u3000明华')).toBe('李明华');
    expect(rosterKey('Ｌｉ　Ｍｉｎｇ')).toBe('LiMing');
    expect(rosterKey('李明华')).not.toBe(rosterKey('李明化'));
  });

  it('finds the entry a name means, and no entry for a blank name', () => {
    const roster = [entry('周建国'), entry('李 明华'), entry('杨帆')];
    expect(rosterCandidates(roster, '李明华')).toEqual([1]);
    expect(rosterCandidates(roster, '李　明华')).toEqual([1]);
    expect(rosterCandidates(roster, '  ')).toEqual([]);
    expect(suggestedPosition(roster, '李明华', null)).toBe(1);
    expect(suggestedPosition(roster, '王评审', null)).toBeNull();
  });

  it('does not guess between two entries of one name, unless a registered fingerprint tells them apart', () => {
    const roster = [entry('王伟'), entry('王 伟', printB)];
    expect(rosterCandidates(roster, '王伟')).toEqual([0, 1]);
    expect(suggestedPosition(roster, '王伟', null)).toBeNull();
    expect(suggestedPosition(roster, '王伟', printA)).toBeNull();
    expect(suggestedPosition(roster, '王伟', printB)).toBe(1);
    expect(nameProblem(roster, '王伟')).toBe('专家名单中有 2 位“王伟”。请按职称和工作单位选择您本人。');
  });

  it('says what is wrong with a name: not on the roster, or written otherwise', () => {
    const roster = [entry('李 明华')];
    expect(nameProblem(roster, '李明华')).toBe('名单中写作“李 明华”，专家信息中是“李明华”。确认后将按名单的写法填写姓名。');
    expect(nameProblem(roster, '李明华 ')).toMatch(/^名单中写作/);
    expect(nameProblem(roster, '李 明华')).toBeNull();
    expect(nameProblem([entry('周建国')], '李明华')).toBe('专家名单中没有“李明华”。请从名单中选择您的姓名；如名单有误，请联系组织方。');
  });
});

describe('identity against an entry', () => {
  it('accepts the certificate of the roster spelling, or the registered key under any spelling', () => {
    expect(identityProblem(entry('周建国'), { name: '周建国', fingerprint: printA })).toBeNull();
    expect(identityProblem(entry('周建国', printA.toUpperCase()), { name: '周 建国', fingerprint: printA })).toBeNull();
  });

  it('refuses another name on an unregistered entry, and another key on a registered one', () => {
    expect(identityProblem(entry('李 明华'), { name: '李明华', fingerprint: printA })).toMatch(
      /^本机签名身份的证书姓名是“李明华”，与名单中的“李 明华”不一致.*重新创建签名身份/,
    );
    expect(identityProblem(entry('周建国', printB), { name: '周建国', fingerprint: printA })).toMatch(
      /^评审包为“周建国”登记的证书指纹是 B2B2 B2B2 B2B2 B2B2 …，与本机签名身份的指纹 A1A1 A1A1 A1A1 A1A1 … 不一致/,
    );
  });

  it('warns for a signer not on the roster, never for a package without one', () => {
    const session = { experts: [entry('周建国')] } as SessionDetail;
    expect(rosterWarning(session, '李明华', printA)).toMatch(/专家名单中没有“李明华”/);
    expect(rosterWarning(session, '周建国', printA)).toBeNull();
    expect(rosterWarning({ experts: [] as Entry[] } as SessionDetail, '李明华', printA)).toBeNull();
  });
});
