import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The client lives in client/; its build lands in dist/client, which `yanpan serve` serves.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  // Views, the signed-in layout and the rarer chart types are loaded when needed (AppShell.tsx, echarts.ts):
  // no chunk should come near the old single 2.4 MB bundle again.
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 700 },
  server: { proxy: { '/trpc': 'http://localhost:3000', '/files': 'http://localhost:3000', '/api': 'http://localhost:3000' } },
  test: {
    root: '.',
    include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'seed/**/*.test.ts', 'tests/*.test.ts', 'tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['tests/pg-setup.ts'],
  },
});
