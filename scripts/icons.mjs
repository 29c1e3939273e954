// Renders the app icons' PNG versions from their SVG sources with Chromium (the same one the
// end-to-end tests use), so the PNGs are never drawn by hand and always match the SVGs.
//
//     node scripts/icons.mjs
//
// Writes static/icons/icon-{192,512}.png (from icon.svg, transparent corners) and
// static/icons/icon-maskable-{192,512}.png (from icon-maskable.svg, full bleed). The PNGs
// are committed; run this again after changing an SVG.
//
// Chromium writes truecolour PNGs; each is re-encoded as an indexed-colour PNG of at most
// PALETTE_SIZE colours (scripts/png8.mjs), a fraction of the size for these flat-colour
// designs. The icons are precached, so their bytes count toward the first load. The printed
// error is the worst pixel's difference from Chromium's render, on the 0–255 scale.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toIndexedPng } from './png8.mjs';

const ICONS = fileURLToPath(new URL('../static/icons/', import.meta.url));
const SIZES = [192, 512];
const SOURCES = { icon: 'icon.svg', 'icon-maskable': 'icon-maskable.svg' };
// Enough entries for the anti-aliased edges between the few flat colours to stay smooth
// (worst pixel about 11/255 off); 32 saves ~2 KB more in all but doubles that error.
const PALETTE_SIZE = 64;

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
      const rendered = await page.locator('svg').screenshot({ omitBackground: true });
      const { png, maxError } = toIndexedPng(rendered, PALETTE_SIZE);
      writeFileSync(out, png);
      console.log(`wrote ${out}: ${rendered.length} → ${png.length} bytes, max pixel error ${maxError.toFixed(1)}/255`);
    }
    await page.close();
  }
} finally {
  await browser.close();
}
