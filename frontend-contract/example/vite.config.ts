// Vite for the example console: `npm run example:dev` (dev server on 127.0.0.1:5174), `npm run example:build`
// (static files in example/dist, served by `npm run example:serve`).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    // The SPA would depend on the package; here it is the folder above.
    alias: { '@duban/frontend-contract': fileURLToPath(new URL('../src/index.ts', import.meta.url)) },
  },
  server: { host: '127.0.0.1', port: 5174, strictPort: true },
  preview: { host: '127.0.0.1', port: 5174, strictPort: true },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
