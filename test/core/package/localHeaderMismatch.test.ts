// Issue 17 item 12: a ZIP whose local header names differ from the central directory's, so that one entry's data is
// another entry's whole local record, used to pass the overlap check (spans were computed from central names). Every
// entry's local header is read: its name must equal the central one, and spans end where the data really ends.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackageError } from '../../../electron/core/package/errors';
import { verifyPackage } from '../../../electron/core/package/verify';
import { localHeaderMismatchZip } from '../../../scripts/hostile/local-header-mismatch';
import { tempDir } from '../../helpers/core';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function manifest(docs: { path: string; data: Buffer }[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      formatVersion: 1,
      packageId: '8b1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
      createdAt: '2027-03-01T08:00:00+08:00',
      issuer: '测试区大数据发展局',
      jurisdiction: 'national',
      session: { title: '测试评审会', date: '2027-03-05', location: '会议室', experts: [{ name: '张三' }], chair: '张三' },
      projects: [
        {
          id: 'p1',
          name: '测试项目',
          applicant: '测试局',
          type: 'new',
          totalInvestment: 1,
          inAnnualPlan: true,
          documents: docs.map((d, i) => ({
            id: `D${i + 1}`,
            kind: i === 0 ? 'proposal' : 'other',
            title: d.path,
            path: d.path,
            sha256: sha256(d.data),
            bytes: d.data.length,
          })),
          budgetLines: [],
        },
      ],
    }),
  );
}

describe('local headers that disagree with the central directory', () => {
  it('refuse the package: the entries share data although their central names suggest they do not', async () => {
    const second = { path: 'documents/p1/附件.pdf', data: Buffer.from('%PDF-1.4\n% shared payload\n%%EOF\n'.repeat(20)) };
    const zip = localHeaderMismatchZip({ path: 'documents/p1/建设方案.pdf' }, second, (firstData) =>
      manifest([{ path: 'documents/p1/建设方案.pdf', data: firstData }, second]),
    );
    const file = path.join(tempDir('rd-lh-'), 'mismatch.rpkg');
    writeFileSync(file, zip);
    const err = await verifyPackage(file, { stagingDir: tempDir('rd-lh-staging-') }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PackageError);
    expect((err as PackageError).problems.map((p) => p.code)).toContain('overlapping-entries');
  });
});
