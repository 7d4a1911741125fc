// Vitest runs core and shell units under Node; e2e tests start the web bridge and drive Debian Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Documents render with the bundled faces in tests, whatever 公文 fonts the machine has (snapshots stay stable).
    env: { REVIEW_DESK_FONT_DIRS: '' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
