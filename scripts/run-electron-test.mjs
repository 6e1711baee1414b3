// Drives the real Electron app with Playwright where an Electron binary exists. It is kept out of
// `npm test` because the project's build machines cannot download Electron; here it says so loudly
// and fails rather than pretending to pass.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { _electron } from 'playwright-core';

const require = createRequire(import.meta.url);
let binary;
try {
  binary = require('electron');
} catch {
  binary = undefined;
}
if (!binary || !existsSync(binary)) {
  console.error(
    '\n*** test:electron DID NOT RUN: no Electron binary on this machine (run `npx electron --version` where downloads are possible). ***\n',
  );
  process.exit(1);
}

const app = await _electron.launch({
  executablePath: binary,
  args: ['.'],
  env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' },
});
try {
  const page = await app.firstWindow();
  await page
    .getByRole('heading', { name: 'Send email from your own domain with Amazon SES' })
    .waitFor({ timeout: 15_000 });
  const exposed = await page.evaluate(() => Object.keys(window.assistant).sort().join(','));
  const node = await page.evaluate(() => typeof window.require);
  if (exposed !== 'invoke,on' || node !== 'undefined')
    throw new Error(`unexpected page powers: ${exposed} / require ${node}`);
  console.log('1 passed, 0 failed');
} finally {
  await app.close();
}
