/**
 * Where a screen puts what matters, as a person sees it: how tall the page is, where its verdict
 * is, and how far they must scroll before the primary action (the `button.primary`) is fully in
 * view. The e2e tests assert on these; the benchmark prints them from the file the tests write.
 */
import type { Locator, Page } from 'playwright-core';

/** The e2e run's measurements, by name, for the benchmark (bench/dns-scroll.ts). */
export const SCROLL_FIGURES = 'test-results/dns-scroll.json';

/** The harness's window, and the same window at 200 % zoom (half the CSS pixels each way). */
export const WINDOWS = {
  wide: { label: '1040 px wide', width: 1040, height: 760 },
  zoom200: { label: '200 % zoom', width: 520, height: 380 },
} as const;
export type WindowName = keyof typeof WINDOWS;

export interface ScreenMeasure {
  window: WindowName;
  /** The window's height in CSS px: one screen. */
  screenHeight: number;
  pageHeight: number;
  /** The verdict's top and bottom from the top of the page, when the screen has one. */
  verdict?: { top: number; bottom: number };
  /** The primary action's bottom edge from the top of the page. */
  actionBottom: number;
  /** Pixels scrolled before the next action: how far below the first screen the action's bottom is. */
  scrollToAction: number;
}

/** The bottom of the window above which something counts as seen, and the measure of a box. */
async function box(locator: Locator): Promise<{ top: number; bottom: number }> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: Math.round(r.top + window.scrollY), bottom: Math.round(r.bottom + window.scrollY) };
  });
}

/**
 * Measures the screen in the given window, from the top of the page. The window is left at that
 * size; the caller puts it back. `verdict` is the element that says where the person stands.
 */
export async function measureScreen(
  page: Page,
  window: WindowName,
  verdict?: Locator,
): Promise<ScreenMeasure> {
  const { width, height } = WINDOWS[window];
  await page.setViewportSize({ width, height });
  await page.evaluate(() => globalThis.scrollTo(0, 0));
  // Exactly one primary action shows on a screen; it is the one a person looks for.
  const primary = page.locator('button.primary:visible');
  const action = await box(primary.first());
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  return {
    window,
    screenHeight: height,
    pageHeight,
    verdict: verdict ? await box(verdict) : undefined,
    actionBottom: action.bottom,
    scrollToAction: Math.max(0, action.bottom - height),
  };
}
