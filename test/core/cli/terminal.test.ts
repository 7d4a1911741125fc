// Issue 17 item 11: titles, project names and certificate names are untrusted; `check` and `verify` print them with
// every control character (ESC of ANSI/OSC sequences, C1's one-byte CSI, BEL) escaped as visible text.
import { promises as fs, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli';
import { terminalJson, terminalSafe } from '../../../electron/cli/terminal';
import { signDetached } from '../../../electron/core/signing/detached';
import { tempDir, writeMinimalPackage } from '../../helpers/core';
import { makeTestIdentity, testNow } from '../signing/testSigner';

/** Sets the terminal's title, rewrites the screen, and a one-byte CSI in C1. */
const hostile = '\u001b]0;pwned\u0007\u001b[2J\u001b[31m红\u009b31m\r\n伪造行';
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;

async function cli(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await run(args, (l) => lines.push(l));
  return { code, lines };
}

describe('terminalSafe', () => {
  it('escapes C0, ESC, DEL and C1 visibly and leaves Chinese text alone', () => {
    expect(terminalSafe(hostile)).toBe('\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31m红\\x9b31m\\x0d\\x0a伪造行');
    expect(terminalSafe('评审工作台 Review Desk\t')).toBe('评审工作台 Review Desk\\x09');
    expect(terminalSafe('a\u202eb\u2028c')).toBe('a\\u{202e}b\\u{2028}c');
    expect(JSON.parse(terminalJson({ t: hostile }))).toEqual({ t: hostile });
    expect(terminalJson({ t: hostile })).not.toMatch(controls);
  });
});

describe('check and verify print untrusted text terminal-safe', () => {
  it('check: the session title and project names', async () => {
    const folder = await writeMinimalPackage(tempDir(), { title: `评审会${hostile}` });
    const manifestPath = path.join(folder, 'manifest.json');
    const manifest = JSON.parse(await fs.readFile(manifestPath, 'utf8'));
    manifest.projects[0].name = `项目${hostile}`;
    await fs.writeFile(manifestPath, JSON.stringify(manifest));
    for (const args of [
      ['check', folder],
      ['check', folder, '--json'],
    ]) {
      const { code, lines } = await cli(args);
      expect(code).toBe(0);
      for (const line of lines) expect(line).not.toMatch(controls);
    }
    const { lines } = await cli(['check', folder]);
    expect(lines.join('\n')).toContain('评审会\\x1b]0;pwned\\x07');
    expect(lines.join('\n')).toContain('【项目\\x1b]0;pwned');
  });

  it('verify: the certificate name of the signer', async () => {
    const { signer } = await makeTestIdentity('ecdsa-p256', { name: `王${hostile}`, employer: `设计院\u001b[0m` });
    const dir = tempDir('rd-cli-terminal-');
    const docx = new TextEncoder().encode('PK fake docx bytes for a detached signature');
    writeFileSync(path.join(dir, 'a.docx'), docx);
    writeFileSync(path.join(dir, 'a.docx.sig.json'), signDetached(docx, 'a.docx', signer, testNow).bytes);
    for (const args of [
      ['verify', path.join(dir, 'a.docx')],
      ['verify', path.join(dir, 'a.docx'), '--json'],
    ]) {
      const { lines } = await cli(args);
      for (const line of lines) expect(line).not.toMatch(controls);
    }
    const { lines } = await cli(['verify', path.join(dir, 'a.docx')]);
    expect(lines.join('\n')).toContain('签名人：王\\x1b]0;pwned');
  });
});
