// The comparison page for the Lighthouse bench: the embedded chronicle
// (src/data/dataset.json) as a TimelineJS3 timeline (npm @knight-lab/timelinejs), written
// with the library's own files so that it loads nothing from another origin.
//
// Usage: node tests/bench/timelinejs.mjs [out]   (default target/bench/timelinejs)
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_OUT = join(ROOT, 'target/bench/timelinejs');

const escapeHtml = (text) =>
  String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/// `YYYY-MM-DD` as TimelineJS's date object.
function date(iso) {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

const byline = (source) =>
  [source.article, source.author, source.publication].filter(Boolean).join(', ');

/// The dataset in TimelineJS3's JSON format: one slide per event, grouped by its first
/// storyline (TimelineJS shows headline and text as HTML, so both are escaped).
export function toTimelineJs(dataset) {
  const storylines = new Map(dataset.storylines.map((s) => [s.id, s.title]));
  return {
    title: { text: { headline: escapeHtml(dataset.meta.title), text: escapeHtml(byline(dataset.meta.source ?? {})) } },
    events: dataset.events.map((event) => ({
      unique_id: event.id,
      start_date: date(event.start),
      ...(event.end ? { end_date: date(event.end) } : {}),
      text: { headline: escapeHtml(event.title), text: escapeHtml(event.summary) },
      ...(event.storylines?.length ? { group: storylines.get(event.storylines[0]) ?? event.storylines[0] } : {}),
    })),
  };
}

// `script_path` must be given: TimelineJS's default is its CDN, which it would load the
// font CSS and languages from. `font: null` keeps the fonts of timeline.css (system ones,
// and the icon font copied below); English is built in, so no language file is fetched.
const PAGE = (title) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} (TimelineJS3)</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="css/timeline.css">
<style>html, body { height: 100%; margin: 0; } #timeline { width: 100%; height: 100%; }</style>
</head>
<body>
<div id="timeline"></div>
<script src="js/timeline.js"></script>
<script>
  window.timeline = new TL.Timeline('timeline', 'timeline.json', {
    script_path: new URL('js/', location.href).href,
    font: null,
    language: 'en',
    hash_bookmark: false,
  });
</script>
</body>
</html>
`;

/// Writes index.html, timeline.json and TimelineJS's script, style sheet and icon font
/// into `out`; returns `out`.
export async function writeTimelineJsPage(out = DEFAULT_OUT) {
  const require = createRequire(import.meta.url);
  const dist = join(dirname(require.resolve('@knight-lab/timelinejs/package.json')), 'dist');
  const dataset = JSON.parse(await readFile(join(ROOT, 'src/data/dataset.json'), 'utf8'));
  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, 'js'), { recursive: true });
  await mkdir(join(out, 'css'), { recursive: true });
  await cp(join(dist, 'js/timeline.js'), join(out, 'js/timeline.js'));
  await cp(join(dist, 'css/timeline.css'), join(out, 'css/timeline.css'));
  await cp(join(dist, 'css/icons'), join(out, 'css/icons'), { recursive: true });
  await writeFile(join(out, 'timeline.json'), JSON.stringify(toTimelineJs(dataset)));
  await writeFile(join(out, 'index.html'), PAGE(dataset.meta.title));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = await writeTimelineJsPage(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_OUT);
  console.log(`TimelineJS3 page written to ${out}`);
}
