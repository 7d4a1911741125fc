// Child process for the crash test: saves whole sessions in a loop until it is killed.
import { randomUUID } from 'node:crypto';
import { openStore } from '../../electron/core/store/db';
import { insertSession } from '../../electron/core/store/sessions';
import { manifestSchema } from '../../shared/manifest';

const project = (i: number) => ({
  id: `p${i}`,
  name: `项目${i}`,
  applicant: '申报单位',
  type: 'new',
  totalInvestment: 100 + i,
  inAnnualPlan: true,
  documents: [1, 2].map((d) => ({
    id: `d${d}`,
    kind: 'proposal',
    title: '文件',
    path: `documents/p${i}/${d}.pdf`,
    sha256: 'a'.repeat(64),
    bytes: 1,
  })),
  budgetLines: [{ id: 'b1', name: '服务器', amount: 1 }],
});

void (async () => {
  const store = await openStore(process.argv[2]!);
  let first = true;
  for (;;) {
    const manifest = manifestSchema.parse({
      formatVersion: 1,
      packageId: randomUUID(),
      createdAt: '2027-01-01T00:00:00Z',
      issuer: '局',
      jurisdiction: 'national',
      session: { title: '评审会', date: '2027-01-01', experts: [{ name: '专家' }], chair: '专家' },
      projects: [1, 2, 3].map(project),
    });
    insertSession(store.db, manifest, 'b'.repeat(64), new Date().toISOString());
    if (first) {
      process.stdout.write('ready\n');
      first = false;
    }
    await new Promise((r) => setImmediate(r));
  }
})();
