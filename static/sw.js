// The explorer's service worker: it keeps the files of exactly one build in one cache, so
// the app opens with the network cut, and it never mixes the files of two builds.
//
// This is a template. Trunk's post-build step (`scripts/postbuild/precache.mjs`) writes it
// into every build with BUILD filled in: a version (a hash of everything listed) and each
// file with its SHA-256. A new build therefore means a new sw.js; the browser notices the
// changed bytes on its next update check, installs the new worker beside the old one, and
// the page offers a reload (src/ui/update.rs). Until the reader accepts, the old worker
// keeps serving the old build, complete.
const BUILD = /* BUILD */ null;

if (!BUILD) throw new Error('sw.js is a template: scripts/postbuild/precache.mjs fills in BUILD');

// One cache per build and scope, so two copies of the explorer on one origin (at different
// sub-paths) never delete each other's files.
const OWN_CACHES = `korea2010:${self.registration.scope}:`;
const CACHE = `${OWN_CACHES}${BUILD.version}`;
const SHELL = new URL('index.html', self.location).href;
const SCOPE_ROOT = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(OWN_CACHES) && name !== CACHE).map((name) => caches.delete(name)),
      );
      // Take over pages opened before the first install; the page decides when a change
      // of worker means "reload" (only when it asked for it, or when it ran an older build).
      await self.clients.claim();
    })(),
  );
});

// The page sends this when the reader accepts the offered reload.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : asset(request));
});

// Fetches every file of the build, checks it is byte for byte the file the build lists
// (a host caught half-way through a deploy must not leave a mixed cache), then stores it.
// Any failure fails the install: the worker is discarded and the current one stays.
async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(
      BUILD.files.map(async ({ url, sha256 }) => {
        // `reload`: straight from the server, never a stale copy from the HTTP cache.
        const request = new Request(url, { cache: 'reload' });
        const response = await fetch(request);
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        const digest = hex(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
        if (digest !== sha256) throw new Error(`${url} is not the file of build ${BUILD.version}`);
        await cache.put(request, response);
      }),
    );
  } catch (error) {
    await caches.delete(CACHE);
    throw new Error(`precaching build ${BUILD.version} failed: ${error.message}`);
  }
}

// Cache first; a file the build fetches on demand is cached on its first use, once it is
// checked to be this build's; the network alone for what the build does not list.
async function asset(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const onDemand = BUILD.onDemand.find(({ url }) => new URL(url, self.location).href === request.url);
  if (!onDemand) return fetch(request);
  const response = await fetch(request.url, { cache: 'reload' });
  const digest = hex(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
  if (!response.ok || digest !== onDemand.sha256) {
    // Another build's file would not match this build's app: the app says it could not
    // load it, and a reload brings the new build whole.
    return new Response(`${onDemand.url} is not the file of build ${BUILD.version}`, { status: 503 });
  }
  await cache.put(request.url, response.clone());
  return response;
}

// The app's address (with or without `index.html`, any query) opens the cached shell; the
// hash routing does the rest. Other pages under the scope are left to the network.
async function page(request) {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  if (url.href === SCOPE_ROOT || url.href === SHELL) {
    return (await cache.match(SHELL)) ?? fetch(request);
  }
  return (await cache.match(request, { ignoreSearch: true })) ?? fetch(request);
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
