import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { ghcSpec } from './src/api/specPlugin.ts';

export default defineConfig(({ mode }) => {
  // The mock backend is on by default in `npm run dev` and in tests, off in a
  // production build unless VITE_MOCK_API=on asks for it.
  const mockApi = process.env.VITE_MOCK_API ?? (mode === 'production' ? 'off' : 'on');
  return {
    plugins: [react(), ghcSpec()],
    define: {
      'import.meta.env.VITE_MOCK_API': JSON.stringify(mockApi),
    },
    server: { port: 3000 },
    preview: { port: 4173 },
    test: {
      environment: 'jsdom',
      environmentOptions: { jsdom: { url: 'http://localhost:3000/' } },
      setupFiles: ['src/test/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts'],
      restoreMocks: true,
    },
  };
});
