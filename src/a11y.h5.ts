/**
 * What screen readers and axe-core read in the H5 build, repaired in one place:
 *
 * - NutUI gives its switches, checkboxes and radios the mini-program's `ariaRole` prop; Taro's H5
 *   components write every string prop as a dashed attribute, so the page gets `aria-role`, which
 *   is no ARIA attribute (axe: aria-valid-attr, critical), and no `role` (so their `aria-checked`
 *   is not allowed either: aria-allowed-attr). The role is moved to `role`, and the stray
 *   `tab-index` (the element's `tabindex` is set already) removed.
 * - Taro's H5 `<Button>` is a `taro-button-core` element with no role: it is announced as text.
 *   It gets `role="button"`, a tab stop, and Enter and Space press it, as a button's do. NutUI's
 *   uploader lays an icon-only button over its tile: it is named by the words on the tile (拍照/选图).
 * - Taro's page box scrolls (overflow: auto); a page with nothing to focus in it could not be
 *   scrolled from a keyboard (axe: scrollable-region-focusable). The page box takes focus.
 *
 * A MutationObserver repairs each element as it appears or as React writes the attribute again.
 */
function repair(element: Element) {
  const role = element.getAttribute('aria-role')
  if (role !== null) {
    element.setAttribute('role', role)
    element.removeAttribute('aria-role')
  }
  if (element.hasAttribute('tab-index')) element.removeAttribute('tab-index')
  if (element.classList.contains('taro_page') && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '0')
  if (element.tagName === 'TARO-BUTTON-CORE' && !element.hasAttribute('role')) {
    element.setAttribute('role', 'button')
    if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '0')
    const words = element.textContent?.trim() ? '' : element.closest('.nut-uploader-upload')?.textContent?.trim()
    if (words && !element.hasAttribute('aria-label')) element.setAttribute('aria-label', words)
  }
}

const SELECTOR = '[aria-role], [tab-index], taro-button-core:not([role]), .taro_page:not([tabindex])'

function repairAll(root: Element) {
  if (root.matches(SELECTOR)) repair(root)
  root.querySelectorAll(SELECTOR).forEach(repair)
}

export function repairAccessibility(): void {
  repairAll(document.body)
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') repair(record.target as Element)
      else record.addedNodes.forEach((node) => node instanceof Element && repairAll(node))
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-role', 'tab-index'] })
  // A keyboard presses a repaired button as it would a real one.
  document.addEventListener('keydown', (event) => {
    const target = event.target as Element | null
    if ((event.key === 'Enter' || event.key === ' ') && target?.getAttribute('role') === 'button' && target.tagName !== 'BUTTON') {
      event.preventDefault()
      ;(target as HTMLElement).click()
    }
  })
}
