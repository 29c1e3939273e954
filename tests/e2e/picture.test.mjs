// Pictures of the views: the map, the timeline, the actors or every view on screen saved as
// SVG (standalone, the same bytes for the same link) and as PNG at print resolution.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { launch, openPage, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const SHELLING = '2010-11-23-yeonpyeong-shelling';

/// Saves the picture of `subject` as `format` and returns the downloaded file's name and bytes.
async function savePicture(page, subject, format) {
  const menu = page.locator('details.export');
  if (!(await menu.evaluate((details) => details.open))) await menu.locator('summary').click();
  await page.locator('#picture-of').selectOption(subject);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`.picture-export button[data-format="${format}"]`).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

test('the map saved as SVG is a standalone drawing with its caption, the same for the same link', async () => {
  const { page, context, record } = await openPage(env, `#/event/${SHELLING}`);
  const first = await savePicture(page, 'map', 'svg');
  assert.equal(first.name, 'korea2010-map.svg');
  const text = first.bytes.toString('utf8');
  assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(text, /class="map-svg/);
  assert.match(text, /aria-current="true"/, 'the selection is drawn');
  assert.match(text, /Map · Source: Yu Bin, “Coping with Korea”/);
  assert.ok(text.includes(`#/event/${SHELLING}`), 'the caption carries the link');
  assert.match(text, /--map-sea:#[0-9a-f]{6}/i, 'the theme is inside');
  // It decodes as an image on its own (an image is parsed as XML: broken markup fails).
  const size = await page.evaluate(async (svg) => {
    const image = new Image();
    image.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    await image.decode();
    return [image.naturalWidth, image.naturalHeight];
  }, text);
  assert.ok(Array.isArray(size) && size[0] > 300 && size[1] > 150, `decoded ${size}`);
  await context.close();

  const again = await openPage(env, `#/event/${SHELLING}`);
  const second = await savePicture(again.page, 'map', 'svg');
  assert.ok(second.bytes.equals(first.bytes), 'the same link gives the same SVG');
  await again.context.close();
  assert.deepEqual(record.errors, []);
});

test('every view on screen goes into one picture, and a PNG is drawn at print resolution', async () => {
  const { page, context } = await openPage(env, `#/event/${SHELLING}`);
  const svg = await savePicture(page, 'views', 'svg');
  const text = svg.bytes.toString('utf8');
  for (const drawing of ['map-svg', 'actors-svg', 'tl-axis', 'tl-lanes']) {
    assert.ok(text.includes(`class="${drawing}`) || text.includes(` ${drawing}`), drawing);
  }
  const width = Number(text.match(/<svg xmlns="[^"]+" xmlns:xlink="[^"]+" width="([\d.]+)"/)[1]);
  const png = await savePicture(page, 'views', 'png');
  assert.equal(png.name, 'korea2010-views.png');
  assert.equal(png.bytes.subarray(1, 4).toString('latin1'), 'PNG');
  const pngWidth = png.bytes.readUInt32BE(16);
  assert.equal(pngWidth, Math.round(width * 3), 'three device pixels per CSS pixel');
  await page.evaluate(() => { location.hash = '#/?stage=timeline'; });
  await page.locator('.view-map').waitFor({ state: 'detached' });
  await page.locator('#picture-of').selectOption('map');
  await page.locator('.picture-export button[data-format="svg"]').click();
  assert.match(await page.locator('.picture-status').textContent(), /The map is not on screen/);
  const timeline = await savePicture(page, 'timeline', 'png');
  assert.equal(timeline.bytes.subarray(1, 4).toString('latin1'), 'PNG');
  await writeFile(`${ARTIFACTS}picture-timeline.png`, timeline.bytes);
  await context.close();
});
