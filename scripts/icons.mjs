// Renders the app icons' PNG versions from their SVG sources with Chromium (the same one the
// end-to-end tests use), so the PNGs are never drawn by hand and always match the SVGs.
//
//     node scripts/icons.mjs
//
// Writes static/icons/icon-{192,512}.png (from icon.svg, transparent corners) and
// static/icons/icon-maskable-{192,512}.png (from icon-maskable.svg, full bleed). The PNGs
// are committed; run this again after changing an SVG.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ICONS = fileURLToPath(new URL('../static/icons/', import.meta.url));
const SIZES = [192, 512];
const SOURCES = { icon: 'icon.svg', 'icon-maskable': 'icon-maskable.svg' };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    for (const [name, source] of Object.entries(SOURCES)) {
      const svg = readFileSync(ICONS + source, 'utf8');
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
      );
      const out = `${ICONS}${name}-${size}.png`;
      await page.locator('svg').screenshot({ path: out, omitBackground: true });
      console.log(`wrote ${out}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
}
