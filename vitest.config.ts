import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit` (npm test) is the fast default: no corpus, no whole-repo runs.
 * `corpus` (npm run test:corpus) holds the suites over ../shared's corpora and real data and the
 * end-to-end runs over the bundled repo. `npm run test:all` runs both; CI runs both.
 */
const CORPUS = ['test/corpus/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/export/roundtrip.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: CORPUS } },
      { extends: true, test: { name: 'corpus', include: CORPUS, testTimeout: 300_000, hookTimeout: 300_000 } },
    ],
  },
});
