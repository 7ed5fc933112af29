import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the one server process at /hq/, next to /trpc on the same origin; `vite dev` proxies to it.
export default defineConfig({
  base: '/hq/',
  plugins: [react()],
  server: { proxy: { '/trpc': 'http://127.0.0.1:3000', '/blobs': 'http://127.0.0.1:3000' } },
  build: { outDir: 'dist', emptyOutDir: true },
});
