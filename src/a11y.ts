/**
 * Accessibility repairs the H5 build needs (`a11y.h5.ts`); the mini-program reads NutUI's
 * `ariaRole` and friends itself, so there is nothing to repair here.
 */
export function repairAccessibility(): void {}
