import { launch, openPage } from './harness.mjs';
const env = await launch();
const { page, context } = await openPage(env, process.argv[2] ?? '#/?compare=china,russia&days=10', { viewport: { width: 1280, height: 800 } });
await page.evaluate(() => document.querySelector('.views').scrollTop = 700);
await page.waitForTimeout(300);
await page.screenshot({ path: `/tmp/shots/c-scroll.png` });
console.log(await page.evaluate(() => document.querySelector('.cmp-table').innerText));
await context.close();
await env.close();
