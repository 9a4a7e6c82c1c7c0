import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The client is built into dist/client, which the server serves; in dev, Vite proxies the API and sockets to it.
const apiPort = process.env.API_PORT ?? '3001';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  // zod without `new Function`, which the Content-Security-Policy refuses: see client/src/app/zodWithoutEval.ts.
  resolve: {
    alias: [
      { find: /^zod$/, replacement: fileURLToPath(new URL('./client/src/app/zodWithoutEval.ts', import.meta.url)) },
    ],
  },
  build: { outDir: '../dist/client', emptyOutDir: true },
  server: {
    port: Number(process.env.PORT ?? 3000),
    proxy: {
      '/api': `http://127.0.0.1:${apiPort}`,
      '/feeds': `http://127.0.0.1:${apiPort}`,
      '/socket.io': { target: `http://127.0.0.1:${apiPort}`, ws: true },
    },
  },
});
