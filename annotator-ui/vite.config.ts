import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The build lands in target/vite-dist, which Maven packages as classpath:public.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'target/vite-dist', emptyOutDir: true },
  server: { proxy: { '/api': 'http://localhost:8080', '/health': 'http://localhost:8080' } },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
