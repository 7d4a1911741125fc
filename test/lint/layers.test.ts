// The layer order in eslint.config.mjs refuses upward and sideways imports, so `npm run lint` is what keeps the layers.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

describe('layer rule', () => {
  it('lets a core domain import the layers below it', async () => {
    expect(
      await boundaryErrors(
        'electron/core/output/probe.ts',
        "import { sessionPanel } from '../panel/panel';\nexport const x = sessionPanel;\n",
      ),
    ).toEqual([]);
  });

  it('refuses a core domain importing a layer above it, type-only imports included', async () => {
    expect(
      await boundaryErrors(
        'electron/core/store/probe.ts',
        "import type { HandlerMap } from '../bureau/handlers';\nexport type X = HandlerMap;\n",
      ),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(
        'electron/core/panel/probe.ts',
        "import { makeDocument } from '../output/generate';\nexport const x = makeDocument;\n",
      ),
    ).toHaveLength(1);
  });

  it('refuses a renderer feature importing another feature, and lib importing the kernel', async () => {
    expect(
      await boundaryErrors('renderer/features/scoring/probe.ts', "import { x } from '../precheck/store';\nexport const y = x;\n"),
    ).toHaveLength(1);
    expect(await boundaryErrors('renderer/lib/probe.ts', "import { x } from '../kernel/notices';\nexport const y = x;\n")).toHaveLength(1);
    expect(
      await boundaryErrors('renderer/features/scoring/probe.ts', "import { x } from '../../kernel/notices';\nexport const y = x;\n"),
    ).toEqual([]);
  });

  it('lets only the shell import electron', async () => {
    const [core] = await eslint.lintText("import { app } from 'electron';\nexport const a = app;\n", {
      filePath: path.join(root, 'electron/core/kernel/probe.ts'),
    });
    expect(core?.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
    const [shell] = await eslint.lintText("import { app } from 'electron';\nexport const a = app;\n", {
      filePath: path.join(root, 'electron/main/probe.ts'),
    });
    expect(shell?.messages.map((m) => m.ruleId)).not.toContain('no-restricted-imports');
  });
});
