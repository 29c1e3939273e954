import { launch, openPage } from './harness.mjs';
const env = await launch();
const sizes = (process.env.SIZES ?? '1280x800,1440x900,1920x1080,390x844').split(',');
const hash = process.env.HASH ?? '#/event/2010-11-23-yeonpyeong-shelling';
for (const size of sizes) {
  const [width, height] = size.split('x').map(Number);
  for (const scheme of (process.env.SCHEMES ?? 'light').split(',')) {
    const { page, context, record } = await openPage(env, hash, { viewport: { width, height }, colorScheme: scheme });
    await page.waitForTimeout(600);
    await page.screenshot({ path: `/tmp/shots/${process.env.NAME ?? 'shot'}-${size}-${scheme}.png` });
    if (record.errors.length) console.log(size, record.errors);
    await context.close();
  }
}
await env.close();
