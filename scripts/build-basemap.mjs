// Builds the offline basemap asset `src/geo/basemap.bin` from the `world-atlas` npm package.
//
// Run from the repository root (after `npm install`):
//
//     node scripts/build-basemap.mjs
//
// The output is committed; the Rust `geo::basemap` module embeds it with `include_bytes!`,
// so the explorer needs no network and no tile server. Re-running the script on the same
// `world-atlas` / `topojson-simplify` versions yields byte-identical output.
//
// What goes in (see `src/geo/basemap.rs` for the decoder and the format description):
//
// * layer "world": every country of Natural Earth 1:110m (Antarctica dropped: it is irrelevant
//   to the story and the only ring around a pole), lightly simplified, quantised to
//   1/WORLD.unitsPerDegree degree, with a label anchor (pole of inaccessibility of the largest
//   polygon), a size rank and an approximate area for every country;
// * layer "nea" (Northeast Asia): Natural Earth 1:10m countries clipped to DETAIL.box,
//   simplified so the whole file stays small, quantised finer. Small islands are kept down to
//   DETAIL.minRingArea so Yeonpyeong (37.67N 125.70E, ~7 km²) survives: the script fails if
//   it does not.
//
// Only polygon rings are stored. Coastlines and borders are derived in Rust by matching
// shared segments (topojson-simplify keeps shared arcs identical, and clipping computes
// intersection points canonically), so no geometry is stored twice as lines.
//
// Encoding: LEB128 varints; coordinates are integers (degrees × unitsPerDegree), stored as
// zigzag deltas from the previous point of the layer. A FNV-1a 32-bit checksum of everything
// before it ends the file so a corrupted asset fails loudly with a clear error.

import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import * as topojson from "topojson-client";
import * as simplifier from "topojson-simplify";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ATLAS = path.join(ROOT, "node_modules", "world-atlas");
const OUT = path.join(ROOT, "src", "geo", "basemap.bin");

const MAGIC = "KGEO";
const VERSION = 1;

/** Coarse world layer. */
const WORLD = {
  name: "world",
  file: "countries-110m.json",
  unitsPerDegree: 20, // 0.05° ≈ 5.5 km: below what 1:110m resolves.
  minWeight: 0.01, // Visvalingam effective area, degrees²
  minRingArea: 0.5, // degrees² (planar), drops specks invisible at world zoom
  drop: new Set(["010"]), // Antarctica
};

/** Northeast Asia detail layer. */
const DETAIL = {
  name: "nea",
  file: "countries-10m.json",
  box: [109, 29, 151, 53], // west, south, east, north (degrees)
  unitsPerDegree: 500, // 0.002° ≈ 200 m
  minWeight: 0.00006,
  minRingArea: 0.0004, // degrees²; Yeonpyeong is ~0.0008
};

/** Yeonpyeong Island: must survive in the detail layer. */
const YEONPYEONG = [125.7, 37.67];

// ---------------------------------------------------------------------------------------------
// Geometry helpers (plain degrees).

/**
 * Natural Earth rings that cross 180° jump from +180 to −180 inside the ring. Unwrap them
 * (each step the short way) so areas and label anchors are computed on a continuous shape.
 */
function unwrapRing(ring) {
  const out = [];
  for (const [lon, lat] of ring) {
    if (!out.length) { out.push([lon, lat]); continue; }
    const prev = out[out.length - 1][0];
    let d = lon - prev;
    d -= 360 * Math.round(d / 360);
    out.push([prev + d, lat]);
  }
  return out;
}

function unwrapPolygon(polygon) {
  // Holes are unwrapped next to the outer ring.
  const outer = unwrapRing(polygon[0]);
  const ref = outer[0][0];
  return [outer, ...polygon.slice(1).map((h) => {
    const u = unwrapRing(h);
    const shift = 360 * Math.round((ref - u[0][0]) / 360);
    return u.map(([x, y]) => [x + shift, y]);
  })];
}

function ringAreaPlanar(ring) {
  let a = 0;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  }
  return a / 2;
}

/** Approximate area in km² via the (equal-area) sinusoidal projection. */
function ringAreaKm2(ring) {
  const R = 6371.0088;
  const rad = Math.PI / 180;
  const pts = ring.map(([lon, lat]) => [lon * rad * Math.cos(lat * rad) * R, lat * rad * R]);
  return Math.abs(ringAreaPlanar(pts));
}

function polygonAreaKm2(polygon) {
  const [outer, ...holes] = polygon;
  return Math.max(0, ringAreaKm2(outer) - holes.reduce((s, h) => s + ringAreaKm2(h), 0));
}

function pointInRing([x, y], ring) {
  let inside = false;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function segDist2([px, py], [ax, ay], [bx, by]) {
  let dx = bx - ax;
  let dy = by - ay;
  if (dx !== 0 || dy !== 0) {
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
    ax += t * dx;
    ay += t * dy;
  }
  dx = px - ax;
  dy = py - ay;
  return dx * dx + dy * dy;
}

/** Signed distance from p to the polygon outline (positive inside). */
function signedDist(p, polygon) {
  let inside = false;
  let best = Infinity;
  for (const ring of polygon) {
    if (pointInRing(p, ring)) inside = !inside;
    for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
      best = Math.min(best, segDist2(p, ring[j], ring[i]));
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(best);
}

/**
 * Pole of inaccessibility (Mapbox "polylabel" idea: best-first search over square cells),
 * in an equirectangular frame scaled by cos(mid latitude) so east–west distances are fair.
 */
function polylabel(polygon, precision = 0.05) {
  const outer = polygon[0];
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of outer) {
    minX = Math.min(minX, x); minY = Math.min(minY, y);
    maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
  }
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const poly = polygon.map((r) => r.map(([x, y]) => [x * k, y]));
  minX *= k; maxX *= k;
  const width = maxX - minX, height = maxY - minY;
  const cellSize = Math.min(width, height);
  if (cellSize === 0) return [outer[0][0], outer[0][1]];
  const cell = (x, y, h) => {
    const d = signedDist([x, y], poly);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  const queue = [];
  for (let x = minX; x < maxX; x += cellSize) {
    for (let y = minY; y < maxY; y += cellSize) queue.push(cell(x + cellSize / 2, y + cellSize / 2, cellSize / 2));
  }
  let best = cell((minX + maxX) / 2, (minY + maxY) / 2, 0);
  while (queue.length) {
    queue.sort((a, b) => a.max - b.max);
    const c = queue.pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const h = c.h / 2;
    queue.push(cell(c.x - h, c.y - h, h), cell(c.x + h, c.y - h, h), cell(c.x - h, c.y + h, h), cell(c.x + h, c.y + h, h));
  }
  return [best.x / k, best.y];
}

/**
 * Sutherland–Hodgman clip of one ring against an axis-aligned box. Concave rings may come out
 * with zero-width "bridges" along the box edge: harmless for an even-odd fill, and the Rust
 * side never strokes segments lying on the layer frame. Intersections are computed from the
 * segment in canonical (sorted) order so that two countries sharing a border segment get the
 * very same intersection point, which keeps the shared-segment border matching exact.
 */
function clipRing(ring, [west, south, east, north]) {
  const edges = [
    [(p) => p[0] >= west, (a, b) => cutX(a, b, west)],
    [(p) => p[0] <= east, (a, b) => cutX(a, b, east)],
    [(p) => p[1] >= south, (a, b) => cutY(a, b, south)],
    [(p) => p[1] <= north, (a, b) => cutY(a, b, north)],
  ];
  let out = ring;
  for (const [inside, cut] of edges) {
    const input = out;
    out = [];
    if (!input.length) break;
    let prev = input[input.length - 1];
    for (const cur of input) {
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) {
        out.push(cut(prev, cur));
      }
      prev = cur;
    }
  }
  return out;
}

function canonical(a, b) {
  return a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]) ? [a, b] : [b, a];
}
function cutX(p, q, x) {
  const [a, b] = canonical(p, q);
  return [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
}
function cutY(p, q, y) {
  const [a, b] = canonical(p, q);
  return [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];
}

/** Quantise a ring to integers, drop the closing point and consecutive duplicates. */
function quantizeRing(ring, upd) {
  const out = [];
  for (const [lon, lat] of ring) {
    const q = [Math.round(lon * upd), Math.round(lat * upd)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Binary writer.

class Writer {
  constructor() { this.bytes = []; }
  u8(v) { this.bytes.push(v & 0xff); }
  varint(v) {
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`bad varint ${v}`);
    while (v >= 0x80) { this.bytes.push((v % 0x80) | 0x80); v = Math.floor(v / 0x80); }
    this.bytes.push(v);
  }
  svarint(v) { this.varint(v >= 0 ? v * 2 : -v * 2 - 1); }
  str(s) { const b = Buffer.from(s, "utf8"); this.varint(b.length); for (const x of b) this.bytes.push(x); }
  buffer() { return Buffer.from(this.bytes); }
}

function fnv1a(buf) {
  let h = 0x811c9dc5;
  for (const b of buf) { h ^= b; h = Math.imul(h, 0x01000193) >>> 0; }
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Layers.

function load(file) {
  return JSON.parse(fs.readFileSync(path.join(ATLAS, file), "utf8"));
}

function simplified(topology, minWeight) {
  return simplifier.simplify(simplifier.presimplify(topology), minWeight);
}

function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  return [];
}

function countryId(feature) {
  if (feature.id != null && feature.id !== "") return String(feature.id);
  return feature.properties.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function buildWorld() {
  const topo = load(WORLD.file);
  const simple = simplified(topo, WORLD.minWeight);
  const features = topojson.feature(simple, simple.objects.countries).features;
  const original = new Map(topojson.feature(topo, topo.objects.countries).features.map((f) => [f.properties.name, f]));
  const countries = [];
  for (const f of features) {
    const id = countryId(f);
    if (WORLD.drop.has(id)) continue;
    const polygons = [];
    for (const poly of polygonsOf(f.geometry)) {
      const rings = [];
      for (const [i, ring] of poly.entries()) {
        if (Math.abs(ringAreaPlanar(ring)) < WORLD.minRingArea) { if (i === 0) break; continue; }
        const q = quantizeRing(ring, WORLD.unitsPerDegree);
        if (q.length >= 3 && ringAreaPlanar(q) !== 0) rings.push(q);
        else if (i === 0) break;
      }
      if (rings.length) polygons.push(rings);
    }
    if (!polygons.length) continue;
    // Label and area from the unsimplified 1:110m geometry: better anchors, exact ranks.
    const full = polygonsOf(original.get(f.properties.name).geometry).map(unwrapPolygon);
    const areas = full.map(polygonAreaKm2);
    const area = areas.reduce((a, b) => a + b, 0);
    const largest = full[areas.indexOf(Math.max(...areas))];
    let [lon, lat] = polylabel(largest);
    lon -= 360 * Math.round(lon / 360);
    countries.push({ id, name: f.properties.name, polygons, label: { lon, lat, area } });
  }
  const ranked = [...countries].sort((a, b) => b.label.area - a.label.area || a.name.localeCompare(b.name));
  ranked.forEach((c, i) => (c.label.rank = i + 1));
  return { name: WORLD.name, unitsPerDegree: WORLD.unitsPerDegree, frame: [-180, -90, 180, 90], countries };
}

function buildDetail() {
  const topo = load(DETAIL.file);
  const simple = simplified(topo, DETAIL.minWeight);
  const [w, s, e, n] = DETAIL.box;
  const upd = DETAIL.unitsPerDegree;
  const countries = [];
  for (const f of topojson.feature(simple, simple.objects.countries).features) {
    const polygons = [];
    for (const poly of polygonsOf(f.geometry)) {
      const xs = poly[0].map((p) => p[0]);
      const ys = poly[0].map((p) => p[1]);
      if (Math.max(...xs) < w || Math.min(...xs) > e || Math.max(...ys) < s || Math.min(...ys) > n) continue;
      const rings = [];
      for (const [i, ring] of poly.entries()) {
        const clipped = clipRing(ring, DETAIL.box);
        const q = quantizeRing(clipped, upd);
        const ok = q.length >= 3 && Math.abs(ringAreaPlanar(q)) / (upd * upd) >= DETAIL.minRingArea;
        if (ok) rings.push(q);
        else if (i === 0) break;
      }
      if (rings.length) polygons.push(rings);
    }
    if (polygons.length) countries.push({ id: countryId(f), name: f.properties.name, polygons, label: null });
  }
  const sk = countries.find((c) => c.name === "South Korea");
  const yp = [Math.round(YEONPYEONG[0] * upd), Math.round(YEONPYEONG[1] * upd)];
  const island = sk && sk.polygons.find((p) => p[0].every(([x, y]) => Math.abs(x - yp[0]) < 0.1 * upd && Math.abs(y - yp[1]) < 0.1 * upd));
  if (!island) throw new Error("Yeonpyeong Island was simplified away: lower DETAIL.minWeight / minRingArea");
  console.log(`  Yeonpyeong kept: ${island[0].length} points`);
  return { name: DETAIL.name, unitsPerDegree: upd, frame: DETAIL.box, countries };
}

function encodeLayer(wr, layer) {
  const upd = layer.unitsPerDegree;
  wr.str(layer.name);
  wr.varint(upd);
  for (const v of layer.frame) wr.svarint(Math.round(v * upd));
  wr.varint(layer.countries.length);
  let cx = 0, cy = 0, points = 0;
  for (const c of layer.countries) {
    wr.str(c.id);
    wr.str(c.name);
    if (c.label) {
      wr.u8(1);
      wr.varint(c.label.rank);
      wr.varint(Math.round(c.label.area));
      wr.svarint(Math.round(c.label.lon * upd));
      wr.svarint(Math.round(c.label.lat * upd));
    } else {
      wr.u8(0);
    }
    wr.varint(c.polygons.length);
    for (const poly of c.polygons) {
      wr.varint(poly.length);
      for (const ring of poly) {
        wr.varint(ring.length);
        for (const [x, y] of ring) {
          wr.svarint(x - cx);
          wr.svarint(y - cy);
          cx = x; cy = y;
          points++;
        }
      }
    }
  }
  return points;
}

function main() {
  const layers = [buildWorld(), buildDetail()];
  const wr = new Writer();
  for (const ch of MAGIC) wr.u8(ch.charCodeAt(0));
  wr.u8(VERSION);
  wr.varint(layers.length);
  for (const layer of layers) {
    const before = wr.bytes.length;
    const points = encodeLayer(wr, layer);
    const slice = Buffer.from(wr.bytes.slice(before));
    console.log(`  layer ${layer.name}: ${layer.countries.length} countries, ${points} points, ` +
      `${slice.length} B raw, ${zlib.gzipSync(slice, { level: 9 }).length} B gzip`);
  }
  const body = wr.buffer();
  const sum = Buffer.alloc(4);
  sum.writeUInt32LE(fnv1a(body));
  const out = Buffer.concat([body, sum]);
  fs.writeFileSync(OUT, out);
  const gz = zlib.gzipSync(out, { level: 9 }).length;
  console.log(`wrote ${path.relative(ROOT, OUT)}: ${out.length} B raw (${(out.length / 1024).toFixed(1)} KiB), ` +
    `${gz} B gzip (${(gz / 1024).toFixed(1)} KiB)`);
  for (const name of ["Fiji", "China", "Russia", "Mongolia", "North Korea", "South Korea", "Japan", "United States of America", "France"]) {
    const c = layers[0].countries.find((x) => x.name === name);
    if (c) console.log(`  label ${name}: ${c.label.lon.toFixed(2)}, ${c.label.lat.toFixed(2)} rank ${c.label.rank}`);
  }
}

main();
