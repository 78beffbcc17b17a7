// Bundles the page into dist/ (app.js, app.css, index.html) with esbuild:
// uPlot comes from node_modules, so the served page needs no network.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync('dist', { recursive: true });
await build({
  entryPoints: { app: 'src/app.js' },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2019'],
  outdir: 'dist',
  legalComments: 'eof',
  logLevel: 'warning',
});
copyFileSync('src/index.html', 'dist/index.html');
console.log('web/dist: index.html, app.js, app.css');
