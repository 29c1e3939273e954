// The PNG icons in the web app manifest are precached, so they count toward the first load:
// each must be a valid indexed-colour PNG of the declared size and stay within its byte
// budget (scripts/icons.mjs writes them). No browser needed: scripts/png8.mjs decodes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { COLOUR_TYPE, decodePng, encodeIndexedPng, quantise } from '../../scripts/png8.mjs';

const STATIC = new URL('../../static/', import.meta.url);
const manifest = JSON.parse(await readFile(new URL('manifest.webmanifest', STATIC), 'utf8'));
const pngIcons = manifest.icons.filter((icon) => icon.type === 'image/png');

// About 15% above what 64-colour palettes gave (1871, 5236, 1320 and 3531 bytes); the
// truecolour renders were 5682, 16109, 3803 and 10929.
const BUDGET_BYTES = {
  'icons/icon-192.png': 2200,
  'icons/icon-512.png': 6000,
  'icons/icon-maskable-192.png': 1550,
  'icons/icon-maskable-512.png': 4100,
};

test('the manifest lists PNG icons, each with a byte budget here', () => {
  assert.ok(pngIcons.length > 0, 'no PNG icons in the manifest');
  assert.deepEqual(pngIcons.map((icon) => icon.src).sort(), Object.keys(BUDGET_BYTES).sort());
});

for (const icon of pngIcons) {
  test(`${icon.src} is an indexed PNG of ${icon.sizes} within ${BUDGET_BYTES[icon.src]} bytes`, async () => {
    const bytes = await readFile(new URL(icon.src, STATIC));
    const png = decodePng(bytes); // throws on a bad signature, CRC, header or image data
    assert.equal(`${png.width}x${png.height}`, icon.sizes);
    assert.equal(png.colourType, COLOUR_TYPE.INDEXED, 'not a palette PNG: rerun node scripts/icons.mjs');
    assert.ok(bytes.length <= BUDGET_BYTES[icon.src], `${bytes.length} bytes is over the budget of ${BUDGET_BYTES[icon.src]}`);
  });
}

// A 7×5 RGBA image: odd width, transparent, translucent and opaque pixels, five colours.
function syntheticImage() {
  const colours = [[0, 0, 0, 0], [29, 53, 87, 255], [230, 57, 70, 255], [241, 250, 238, 128], [29, 53, 87, 40]];
  const width = 7;
  const height = 5;
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set(colours[(i * 3 + Math.floor(i / width)) % colours.length], 4 * i);
  return { width, height, rgba };
}

test('the decoder round-trips the encoder exactly when the palette has room for every colour', () => {
  const { width, height, rgba } = syntheticImage();
  const { palette, indices } = quantise(rgba, 8);
  assert.equal(palette.length, 5);
  const decoded = decodePng(encodeIndexedPng({ width, height, palette, indices }));
  assert.equal(decoded.width, width);
  assert.equal(decoded.height, height);
  assert.equal(decoded.colourType, COLOUR_TYPE.INDEXED);
  assert.deepEqual(decoded.rgba, rgba);
});

test('quantising to fewer colours keeps to the limit, spaces them evenly and keeps full transparency exact', () => {
  // A ramp from transparent to opaque red: 63 visible alphas (4 to 252) and one transparent pixel.
  const width = 64;
  const rgba = new Uint8Array(width * 4);
  for (let x = 0; x < width; x++) rgba.set([230, 57, 70, x * 4], 4 * x);
  const maxColours = 9;
  const { palette, indices } = quantise(rgba, maxColours);
  assert.ok(palette.length <= maxColours, `${palette.length} colours`);
  const decoded = decodePng(encodeIndexedPng({ width, height: 1, palette, indices })).rgba;
  assert.equal(decoded[3], 0, 'the transparent pixel stays transparent');
  // Eight visible entries evenly spread over the ramp leave no pixel more than half a step off.
  const halfStep = (252 - 4) / (maxColours - 1) / 2;
  for (let x = 1; x < width; x++) {
    const alpha = decoded[4 * x + 3];
    assert.ok(Math.abs(alpha - x * 4) <= halfStep, `pixel ${x}'s alpha is ${alpha}, not within ${halfStep} of ${x * 4}`);
  }
});

test('the decoder rejects a corrupted PNG', () => {
  const { width, height, rgba } = syntheticImage();
  const png = encodeIndexedPng({ width, height, ...quantise(rgba, 8) });
  const corrupted = Buffer.from(png);
  corrupted[corrupted.length - 20] ^= 0xff; // inside the image data, so the IDAT CRC no longer matches
  assert.throws(() => decodePng(corrupted), /bad CRC/);
});
