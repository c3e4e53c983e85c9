import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './src/api/cspPlugin.ts';
import { mockFilesOnlyWithMock } from './src/api/mockFilesPlugin.ts';
import { pruneUnusedCss } from './src/api/pruneCssPlugin.ts';
import { ghcSpec } from './src/api/specPlugin.ts';

export default defineConfig(({ mode }) => {
  // The mock backend is on by default in `npm run dev` and in tests, off in a
  // production build unless VITE_MOCK_API=on asks for it.
  const mockApi = process.env.VITE_MOCK_API ?? (mode === 'production' ? 'off' : 'on');
  return {
    plugins: [
      react(),
      ghcSpec(),
      contentSecurityPolicy(process.env.VITE_API_BASE_URL),
      mockFilesOnlyWithMock(mockApi),
      pruneUnusedCss(),
    ],
    define: {
      'import.meta.env.VITE_MOCK_API': JSON.stringify(mockApi),
    },
    server: { port: 3000 },
    preview: { port: 4173 },
    test: {
      restoreMocks: true,
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'jsdom',
            environmentOptions: { jsdom: { url: 'http://localhost:3000/' } },
            setupFiles: ['src/test/setup.ts'],
            include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'scripts/**/*.test.ts'],
            // These machines are shared: under load a page can take seconds.
            testTimeout: 20_000,
          },
        },
        {
          extends: true,
          test: {
            // `npm run bench`: figures printed, not asserted (see src/test/perf).
            name: 'bench',
            environment: 'jsdom',
            environmentOptions: { jsdom: { url: 'http://localhost:3000/' } },
            setupFiles: ['src/test/perf/installRenderCounter.ts', 'src/test/setup.ts'],
            include: ['src/test/perf/**/*.bench.tsx'],
            testTimeout: 120_000,
          },
        },
        {
          extends: true,
          test: {
            // Production builds in Chromium (src/test/perf/browser.bench.ts, sendToPrime.bench.ts).
            name: 'bench-browser',
            environment: 'node',
            include: ['src/test/perf/**/*.bench.ts'],
            // One file at a time: each times its own pages on two shared cores.
            fileParallelism: false,
            testTimeout: 180_000,
            hookTimeout: 180_000,
          },
        },
        {
          extends: true,
          test: {
            // Real Chromium against real Vite dev servers (see README, "Browser
            // tests"). Files run one after another: they share the servers and
            // two cores, and each test already drives several pages.
            name: 'e2e',
            environment: 'node',
            include: ['src/test/e2e/**/*.e2e.ts'],
            globalSetup: ['src/test/e2e/globalSetup.ts'],
            fileParallelism: false,
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  };
});
