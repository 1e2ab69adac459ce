import { defineConfig } from 'vite';

// The web UI (issue 2, item 6). Vite 8 compiles TSX itself with oxc, so no React plugin is needed.
// `npm run build` writes dist/web, which the server serves at `/` with an SPA fallback; in `vite dev`
// API calls are proxied to a server started separately on port 3000.
export default defineConfig({
  root: 'src/web',
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      // react-router marks its modules "use client" for React Server Components; meaningless in an SPA bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  preview: { proxy: { '/api': 'http://localhost:3000' } },
});
