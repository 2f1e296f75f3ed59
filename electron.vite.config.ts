import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import optimizeLocales from '@react-aria/optimize-locales-plugin';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The Electron entry and the headless CLI share the main-process code.
        input: { index: resolve('src-main/app/main.ts'), cli: resolve('src-main/cli-entry.ts') },
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src-main/preload.ts') },
        // A sandboxed preload must be a single CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    base: './',
    plugins: [
      react(),
      // React Aria ships its strings for ~35 locales; keep the two Passeur speaks. Its English
      // strings exist only as en-US: the English interface formats dates as en-GB, and React
      // Aria finds en-GB's strings by language, in en-US. Keeping en-GB alone dropped them all
      // (the first select on a screen then threw, leaving a blank page).
      { ...optimizeLocales.vite({ locales: ['fr-FR', 'en-US', 'en-GB'] }), enforce: 'pre' },
    ],
    build: {
      outDir: resolve('out/renderer'),
      // No data: fonts or scripts: everything stays a file under the strict CSP.
      assetsInlineLimit: 0,
      minify: true,
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
  },
});
