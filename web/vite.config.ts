import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

// In dev the two entries live under /admin/ and /public/; mirror the production server's routing
// (/m → public page, every other page navigation → admin SPA) so deep links work with `vite`.
function spaFallback(): Plugin {
  return {
    name: 'fivestar-spa-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const url = req.url ?? '/';
        const wantsHtml = (req.headers.accept ?? '').includes('text/html');
        if (!wantsHtml || url.startsWith('/api') || url.startsWith('/@') || url.includes('.')) return next();
        req.url = url === '/m' || url.startsWith('/m/') ? '/public/index.html' : '/admin/index.html';
        next();
      });
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  // web/public/ is the villagers' entry, not a static-assets folder to copy verbatim.
  publicDir: false,
  plugins: [react(), spaFallback()],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: {
        admin: fileURLToPath(new URL('./admin/index.html', import.meta.url)),
        public: fileURLToPath(new URL('./public/index.html', import.meta.url)),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
