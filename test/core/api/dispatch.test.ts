// The dispatcher turns any domain's error into an envelope by AppError alone: its code and Chinese message reach the user; anything else is logged and answered as an internal error.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../electron/core/api/dispatch';
import type { Handlers } from '../../../electron/core/kernel/handlers';
import { PackageError, problem } from '../../../electron/core/package/errors';
import { loadProfile } from '../../../electron/core/precheck/profiles';
import { SigningError, signingMessages } from '../../../electron/core/signing/errors';
import { StaleReviewError } from '../../../electron/core/store/reviews';

/** A dispatcher whose `session.list` runs `fail`; `log` records what the dispatcher logged. */
function failing(fail: () => unknown) {
  const log = vi.fn();
  const dispatch = createDispatcher({ 'session.list': fail } as unknown as Handlers, log);
  return { call: () => dispatch('session.list', {}), log };
}

describe('the dispatcher', () => {
  it('answers a ProfileError with its own Chinese message, as profile-invalid, and logs nothing', async () => {
    const emptyDir = mkdtempSync(path.join(os.tmpdir(), 'rd-profiles-'));
    const { call, log } = failing(() => loadProfile('nowhere', emptyDir));
    expect(await call()).toEqual({ ok: false, error: { code: 'profile-invalid', message: '辖区规则配置 nowhere.json 文件不存在' } });
    expect(log).not.toHaveBeenCalled();
  });

  it('answers every domain error with the code it carries, without knowing the domain', async () => {
    const refused = new PackageError([problem('extra-file', 'documents/多余.pdf'), problem('missing-file', 'documents/p1/a.pdf')]);
    expect(await failing(() => Promise.reject(refused)).call()).toEqual({
      ok: false,
      error: { code: 'package-invalid', message: refused.problems[0]!.message, problems: refused.problems },
    });
    expect(await failing(() => Promise.reject(new PackageError([problem('cancelled')]))).call()).toMatchObject({
      ok: false,
      error: { code: 'cancelled', message: '已取消导入' },
    });
    expect(await failing(() => Promise.reject(new SigningError('wrong-passphrase', signingMessages.wrongPassphrase))).call()).toMatchObject(
      {
        ok: false,
        error: { code: 'invalid-input', message: signingMessages.wrongPassphrase },
      },
    );
    expect(await failing(() => Promise.reject(new StaleReviewError(3))).call()).toMatchObject({
      ok: false,
      error: { code: 'stale-version', message: expect.stringContaining('当前版本 3') },
    });
  });

  it('logs any other error and answers internal, never its text', async () => {
    const bug = new TypeError('x is undefined');
    const { call, log } = failing(() => {
      throw bug;
    });
    const res = await call();
    expect(res).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(res)).not.toContain('x is undefined');
    expect(log).toHaveBeenCalledWith(bug);
  });

  it('answers a full or read-only disk from any writer (an export, a save) as storage, in Chinese, never the raw text', async () => {
    for (const [code, message] of [
      ['ENOSPC', /磁盘空间不足/],
      ['EDQUOT', /磁盘空间不足/],
      ['SQLITE_FULL', /磁盘空间不足/],
      ['EROFS', /只读或没有写入权限/],
      ['EACCES', /只读或没有写入权限/],
    ] as const) {
      const raw = Object.assign(new Error(`${code}: raw text, open '/x/y'`), { code });
      const res = await failing(() => Promise.reject(raw)).call();
      expect(res, code).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(message) } });
      expect(JSON.stringify(res), code).not.toContain('raw text');
    }
  });
});
