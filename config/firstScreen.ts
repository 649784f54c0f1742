import type { Compilation, Compiler } from 'webpack'

/**
 * The H5 first screen of someone without a session is the login page (`src/index.html` sends them
 * there before the app starts). Its code is an on-demand chunk group that the app would only ask
 * for once the entry has arrived and run: one more round trip on a weak signal. This plugin writes
 * the group's files into the page, where that script preloads them beside the entry.
 */
export class FirstScreenPreload {
  constructor(private readonly page: string) {}

  apply(compiler: Compiler) {
    compiler.hooks.compilation.tap('FirstScreenPreload', (compilation) => {
      // The html-webpack-plugin instance Taro's H5 build uses (there is one in node_modules).
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved where the build runs, like Taro's own
      const HtmlWebpackPlugin = require('html-webpack-plugin')
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('FirstScreenPreload', (data: { html: string }) => {
        data.html = data.html.replace('"FIRST_SCREEN_FILES"', JSON.stringify(this.filesOf(compilation)))
        return data
      })
    })
  }

  /** The JS and CSS files of the page's chunk group that the entry does not already bring. */
  private filesOf(compilation: Compilation): string[] {
    const publicPath = String(compilation.outputOptions.publicPath ?? '/')
    for (const group of compilation.chunkGroups) {
      if (!group.origins.some((origin) => origin.request === this.page)) continue
      return group.chunks
        .filter((chunk) => !chunk.canBeInitial())
        .flatMap((chunk) => [...chunk.files])
        .filter((file) => /\.(js|css)$/.test(file))
        .map((file) => `${publicPath}${file}`)
    }
    return []
  }
}
