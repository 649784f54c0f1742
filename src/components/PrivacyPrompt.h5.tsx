/**
 * WeChat's privacy authorisation (`onNeedPrivacyAuthorization`) exists only in the mini-program; the
 * browser asks for location itself. Taro picks this file for the H5 build, so the H5 pages carry no
 * popup for it (PrivacyPrompt.tsx is the mini-program's).
 */
export function PrivacyPrompt() {
  return null
}
