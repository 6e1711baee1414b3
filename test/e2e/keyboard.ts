/**
 * Driving the app with the keyboard only, the way a person who cannot use a mouse does: Tab to a
 * control, then Enter, Space or typing. Each step is counted as a user action (a click or a field
 * typed), which is how the benchmark reports the length of the path.
 */
import type { Locator, Page } from 'playwright-core';

export interface ActionCount {
  clicks: number;
  fields: number;
}

export function keyboardDriver(page: Page) {
  const count: ActionCount = { clicks: 0, fields: 0 };

  /** Presses Tab until the control has the focus; fails if the keyboard cannot reach it. */
  async function tabTo(target: Locator, maxPresses = 120): Promise<void> {
    await target.waitFor();
    const handle = await target.elementHandle();
    for (let i = 0; i < maxPresses; i++) {
      if (await page.evaluate((el) => document.activeElement === el, handle)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`The keyboard cannot reach ${target.toString()} within ${maxPresses} Tab presses.`);
  }

  return {
    count,
    /** Activates a button with Enter. */
    async press(target: Locator): Promise<void> {
      await tabTo(target);
      await page.keyboard.press('Enter');
      count.clicks++;
    },
    /** Chooses a radio button or ticks a checkbox with Space. */
    async choose(target: Locator): Promise<void> {
      await tabTo(target);
      await page.keyboard.press('Space');
      count.clicks++;
    },
    /** Types a value into a field. */
    async type(target: Locator, text: string): Promise<void> {
      await tabTo(target);
      await page.keyboard.type(text);
      count.fields++;
    },
  };
}
