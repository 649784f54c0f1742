import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import path from 'node:path'
import { FirstScreenPreload } from './firstScreen'

/** NutUI is drawn at 375 px, our pages at 750 (TOOLCHAIN.md). */
const designWidth = (input?: { file?: string }) =>
  input?.file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750

/** The contracts and pure rules the pages share with the server are compiled like `src/`. */
const shared = [path.resolve(__dirname, '..', 'types'), path.resolve(__dirname, '..', 'cloud/domain')]

export default defineConfig<'webpack5'>(async (merge) => {
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'lugong',
    date: '2026-11-28',
    designWidth: designWidth as unknown as number,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // NutUI's icons render an <i>; plugin-html gives such HTML tags a weapp template.
    plugins: ['@tarojs/plugin-html'],
    alias: {
      '@/types': path.resolve(__dirname, '..', 'types'),
      '@/domain': path.resolve(__dirname, '..', 'cloud/domain'),
    },
    defineConstants: {},
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      TARO_APP_TMPL_STATUS: JSON.stringify(process.env.TARO_APP_TMPL_STATUS ?? ''),
    },
    copy: {
      // Map markers need a file path inside the package, not an inlined image; browsers ask for /favicon.ico.
      patterns:
        process.env.TARO_ENV === 'weapp'
          ? [{ from: 'src/assets/', to: 'dist/weapp/assets/' }]
          : [{ from: 'src/favicon.ico', to: 'dist/h5/favicon.ico' }],
      options: {},
    },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: shared },
      // NutUI's per-component styles come in whatever order pages import them; none depends on another.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile: { include: shared },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      webpackChain(chain) {
        // Sizes are watched by `npm run bench` (the first load under Fast 3G), not by webpack's generic hints.
        chain.performance.hints(false)
        // terser-webpack-plugin runs one worker per core less one: a single one on a two-core machine,
        // at the end of the build when webpack itself waits. Two halve the first `npm start`'s wait.
        chain.optimization.minimizer('terserPlugin').tap(([options]) => [{ ...options, parallel: 2 }])
        chain.plugin('first-screen').use(FirstScreenPreload, ['./pages/login/index'])
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, base, { mini: {}, h5: {} })
  return merge({}, base, { mini: {}, h5: {} })
})
