// docs/profile-format.md stays true: its example passes `profile check`, and it names every code the check can report.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProfileBytes, profileIssueCodes } from '../../../electron/core/precheck/profileCheck';
import { nationalDocuments } from '../../../electron/core/precheck/nationalDocuments';

const page = readFileSync(path.resolve(__dirname, '../../../docs/profile-format.md'), 'utf8');

describe('docs/profile-format.md', () => {
  it('gives an example profile that the check accepts', () => {
    const example = /## Example[\s\S]*?```json\n([\s\S]*?)```/.exec(page)?.[1];
    expect(example).toBeDefined();
    const result = checkProfileBytes(Buffer.from(example!), { expectedId: 'xishan' });
    expect(result.errors).toEqual([]);
    expect(result.profile?.name).toBe('西山区');
  });

  it('names every problem code and every national document', () => {
    for (const code of profileIssueCodes) expect(page, code).toContain(`\`${code}\``);
    for (const doc of nationalDocuments) expect(page, doc.name).toContain(doc.name);
  });
});
