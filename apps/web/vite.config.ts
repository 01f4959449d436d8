import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The web app, served by the API at `/` in production; `/api` is proxied to it in development. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: {
      '@maillage/contracts': fromRoot('libs/contracts/src/index.ts'),
      // Browser-safe identifier checks only: the package root loads Node-only reference data.
      '@maillage/referentials/identifiers': fromRoot('libs/referentials/src/identifiers.ts'),
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
      // Live updates (the API accepts sockets whose Origin is the host they were sent to: the dev server).
      '/socket.io': { target: 'http://localhost:3000', ws: true },
    },
  },
  build: {
    outDir: fromRoot('apps/web/dist'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React, the router and the query cache change rarely: their own long-cached chunk.
          groups: [{ name: 'framework', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/ }],
        },
      },
    },
  },
});
