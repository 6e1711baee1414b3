/**
 * The hidden sample of the first screen's type in index.html: it loads the fonts the Welcome screen
 * uses while the scripts still load (`npm run bench`, first screen), so it must cover every one of
 * them, and it must never be seen, read aloud, focused or clicked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOnlyStore } from '../../electron/core/secret-store';
import { stopE2e } from '../support/e2e';
import { launchApp, type RunningApp } from './harness';

let app: RunningApp;

beforeAll(async () => {
  // Nothing here reaches AWS: the Welcome screen only reads the saved settings.
  app = await launchApp({ awsEndpoint: 'http://127.0.0.1:9', secretStore: sessionOnlyStore() });
  await app.page.getByRole('button', { name: 'Get started' }).waitFor();
});

afterAll(() => stopE2e(app));

/** The fonts (family, size, weight, style) of the text under `selector`, in the page. */
function fontsUnder(selector: string): Promise<string[]> {
  return app.page.evaluate((selector) => {
    const fonts = new Set<string>();
    const walker = document.createTreeWalker(document.querySelector(selector)!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent!.trim()) continue;
      const style = getComputedStyle(node.parentElement!);
      fonts.add([style.fontFamily, style.fontSize, style.fontWeight, style.fontStyle].join(' / '));
    }
    return [...fonts].sort();
  }, selector);
}

describe('the type sample that loads the first screen’s fonts early', () => {
  it('covers every font the Welcome screen draws with', async () => {
    const screen = await fontsUnder('#root');
    const sample = await fontsUnder('.type-sample');
    // The Welcome screen has headings, body text, bold text, the step list and its button.
    expect(screen.length).toBeGreaterThanOrEqual(5);
    expect(screen.filter((font) => !sample.includes(font))).toEqual([]);
  });

  it('is never seen, read aloud, focused or clicked', async () => {
    const { page } = app;
    const sample = page.locator('.type-sample');
    expect(await sample.getAttribute('aria-hidden')).toBe('true');
    expect(await sample.evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
    expect(await sample.evaluate((el: HTMLElement) => [el.offsetWidth, el.offsetHeight])).toEqual([1, 1]);
    // Only the screen's own heading is in the accessibility tree, and the sample has no controls.
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await sample.locator('button, a, input, select, textarea, [tabindex]').count()).toBe(0);
    // A click where it sits reaches the page beneath it.
    expect(await sample.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
  });
});
