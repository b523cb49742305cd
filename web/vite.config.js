// Vite build of the Fazhi browser application (staff back office under /app and the
// public portal under /). The C server serves dist/index.html for every page path and
// dist/assets/* as files, so the base is '/'.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Precompressed copies beside each text file of the build (name.br, name.gz), made once here at
// the highest levels; the server (src/http/static.c) sends one when the browser accepts it.
function precompress() {
  let outDir = 'dist'
  return {
    name: 'fazhi-precompress',
    apply: 'build',
    configResolved(config) { outDir = path.resolve(config.root, config.build.outDir) },
    closeBundle() {
      const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)])
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue
        const data = fs.readFileSync(file)
        if (data.length < 1024) continue
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }))
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
        }))
      }
    },
  }
}

// Vendor code is split by library so that no single chunk is enormous and the portal
// does not download ECharts (it is only used by the back-office views).
function manualChunks(id) {
  if (!id.includes('node_modules')) return undefined
  if (/node_modules\/(echarts|zrender)\//.test(id)) return 'vendor-echarts'
  if (/node_modules\/(@vue|vue|vue-router)\//.test(id)) return 'vendor-vue'
  if (/node_modules\/@element-plus\/icons-vue\//.test(id)) return 'vendor-icons'
  return 'vendor-element-plus'
}

// The portal's larger-text mode (长者模式, src/a11y.css): every font size our own styles give in px
// becomes calc(size * var(--fz-font-scale, 1)), so one variable enlarges all of them; the scale
// is 1 (the sizes as written) wherever the mode is off. Element Plus's CSS is left as it is.
const scaledFontSizes = {
  postcssPlugin: 'fazhi-font-scale',
  Declaration: {
    'font-size': (decl) => {
      const file = decl.source?.input?.file || ''
      if (file.includes('node_modules') || !/^\d+(\.\d+)?px$/.test(decl.value.trim())) return
      decl.value = `calc(${decl.value.trim()} * var(--fz-font-scale, 1))`
    },
  },
}

export default defineConfig({
  base: '/',
  plugins: [vue(), precompress()],
  css: { postcss: { plugins: [scaledFontSizes] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Element Plus imported whole is about 1 MB minified (~300 kB gzip); everything else is smaller.
    chunkSizeWarningLimit: 1100,
    rollupOptions: { output: { manualChunks } },
  },
  server: {
    port: 5173,
    // Development without building: forward the API to a locally running `fazhi serve`.
    proxy: {
      '/api': { target: process.env.FAZHI_API || 'http://127.0.0.1:8080', changeOrigin: false },
      '/healthz': { target: process.env.FAZHI_API || 'http://127.0.0.1:8080' },
    },
  },
})
