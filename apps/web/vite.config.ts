import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
// In development the API listens on PORT (as in production) and this server on WEB_PORT.
const api = `http://localhost:${process.env.PORT || 3000}`;

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
    port: Number(process.env.WEB_PORT || 5173),
    strictPort: true,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      // Live updates (the API accepts sockets whose Origin is the host they were sent to: the dev server).
      '/socket.io': { target: api, ws: true },
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
