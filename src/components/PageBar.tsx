/**
 * The mini-program has WeChat's own navigation bar (title, back, home); its pages draw none.
 * `PageBar.h5.tsx` is the bar of the H5 build, which Taro picks for that build.
 */
export function PageBar(_props: { title?: string }) {
  return null
}
