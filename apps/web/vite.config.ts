import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** `npm run dev -w @rapport/web` proxies /api to a Rapport server on :4100 (`npm start`). */
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://127.0.0.1:4100' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1000 },
});
