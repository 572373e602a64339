import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      // Only `dependencies` are left out of the bundle by default; the journeyapps binding is an
      // optional one (Linux and macOS only) and must be required from node_modules as well.
      externalizeDeps: { include: ['@journeyapps/sqlcipher'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'dossier-worker': resolve(__dirname, 'electron/dossiers/render-worker.ts'),
          'sqlite-worker': resolve(__dirname, 'electron/database/signal-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require packages: bundle zod and the contract into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
