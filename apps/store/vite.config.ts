import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  base: '/store/',
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // Registered by hand with workbox-window (src/shell/register-service-worker.ts), so updates are offered, not forced.
      injectRegister: false,
      manifest: {
        name: '门店配送',
        short_name: '门店配送',
        description: '便利店门店接单、拣货、配送',
        lang: 'zh-Hans',
        start_url: '/store/',
        scope: '/store/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#ffffff',
        theme_color: '#0b6e4f',
        // PNGs for launchers that take no SVG; maskable ones keep the bag inside the 80% safe circle.
        // Rendered from icon.svg by scripts/icons.ts (`pnpm icons`).
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      injectManifest: { globPatterns: ['**/*.{js,css,html,svg,png,woff2,wasm}'] },
    }),
  ],
  // The decode worker is a module worker (FrameDecoder), so it can load the @zxing/library
  // fallback as a chunk of its own, only where the wasm reader cannot load.
  worker: { format: 'es' },
  server: { proxy: { '/trpc': 'http://127.0.0.1:3000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      input: { main: 'index.html', sheet: 'scanner-test-sheet.html' },
      // The large chunks named for what they hold (otherwise after whichever module came first,
      // such as the test sheet). What loads first is decided by the imports, not here: the shell
      // and the inbox import React, Dexie and the catalogs; zod, tRPC and the GS1 table come with
      // the sync engine and the screens loaded later (src/shell/lazy-screens.tsx). A group also
      // takes in everything its modules import, so only self-contained things get one (a group
      // of domain files took the zod-free lists the inbox uses, and zod with them, into the first
      // load). bench/first-load.bench.ts measures the first load and fails over its budget.
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor-react', test: /node_modules\/(react|react-dom|scheduler)\// },
            { name: 'dexie', test: /node_modules\/(dexie|dexie-react-hooks)\// },
            { name: 'zod', test: /node_modules\/zod\// },
            { name: 'trpc', test: /node_modules\/@trpc\// },
            { name: 'gs1-ai-table', test: /packages\/domain\/src\/barcode\/gs1-ai-table\.generated\.ts$/ },
            { name: 'catalogs', test: /(-strings|shared-catalogs)\.ts$/ },
          ],
        },
      },
    },
  },
});
