// A small, dependency-free PNG codec for the app icons. Chromium only writes truecolour PNGs
// (RGB or RGBA, 8 bits a channel), which for flat-colour artwork are several times larger
// than they need to be; this module decodes them, reduces them to a small palette and
// re-encodes them as indexed-colour (colour type 3) PNGs.
//
// Scope, on purpose: non-interlaced PNGs at 8 bits a sample, in colour types 2, 3 and 6 —
// what Chromium writes and what this module writes. Anything else is rejected, not guessed.
import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
export const COLOUR_TYPE = { RGB: 2, INDEXED: 3, RGBA: 6 };
const CHANNELS = { [COLOUR_TYPE.RGB]: 3, [COLOUR_TYPE.INDEXED]: 1, [COLOUR_TYPE.RGBA]: 4 };
const FILTER = { NONE: 0, SUB: 1, UP: 2, AVERAGE: 3, PAETH: 4 };

// ---------------------------------------------------------------------------------------
// CRC-32 (ISO 3309, as the PNG spec requires): every chunk carries one over its type and data.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// ---------------------------------------------------------------------------------------
// Chunks: length (4 bytes, big-endian), type (4 ASCII letters), data, CRC of type + data.

function readChunks(png) {
  if (png.length < SIGNATURE.length || !SIGNATURE.equals(png.subarray(0, SIGNATURE.length))) {
    throw new Error('not a PNG: bad signature');
  }
  const chunks = [];
  for (let at = SIGNATURE.length; at < png.length;) {
    const length = png.readUInt32BE(at);
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    if (typeAndData.length !== 4 + length || at + 12 + length > png.length) throw new Error('truncated PNG chunk');
    const type = typeAndData.subarray(0, 4).toString('latin1');
    if (crc32(typeAndData) !== png.readUInt32BE(at + 8 + length)) throw new Error(`bad CRC in ${type} chunk`);
    chunks.push({ type, data: typeAndData.subarray(4) });
    at += 12 + length;
    if (type === 'IEND') return chunks;
  }
  throw new Error('PNG has no IEND chunk');
}

function writeChunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

// ---------------------------------------------------------------------------------------
// Filters. Each row is stored as a filter-type byte followed by the row's bytes, each
// predicted from its left (a), upper (b) and upper-left (c) neighbours `bpp` bytes back.

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function prediction(filter, a, b, c) {
  switch (filter) {
    case FILTER.NONE: return 0;
    case FILTER.SUB: return a;
    case FILTER.UP: return b;
    case FILTER.AVERAGE: return (a + b) >>> 1;
    case FILTER.PAETH: return paeth(a, b, c);
    default: throw new Error(`unknown PNG filter type ${filter}`);
  }
}

// Undoes the filters row by row, top down: each row is predicted from the decoded row above.
function unfilter(filtered, rowBytes, height, bpp) {
  const raw = new Uint8Array(rowBytes * height);
  if (filtered.length !== (rowBytes + 1) * height) throw new Error('PNG image data has the wrong length');
  for (let y = 0; y < height; y++) {
    const filter = filtered[y * (rowBytes + 1)];
    const source = y * (rowBytes + 1) + 1;
    const row = y * rowBytes;
    for (let x = 0; x < rowBytes; x++) {
      const a = x >= bpp ? raw[row + x - bpp] : 0;
      const b = y > 0 ? raw[row - rowBytes + x] : 0;
      const c = x >= bpp && y > 0 ? raw[row - rowBytes + x - bpp] : 0;
      raw[row + x] = (filtered[source + x] + prediction(filter, a, b, c)) & 0xff;
    }
  }
  return raw;
}

function filterRow(filter, raw, y, rowBytes, bpp) {
  const out = new Uint8Array(rowBytes + 1);
  out[0] = filter;
  const row = y * rowBytes;
  for (let x = 0; x < rowBytes; x++) {
    const a = x >= bpp ? raw[row + x - bpp] : 0;
    const b = y > 0 ? raw[row - rowBytes + x] : 0;
    const c = x >= bpp && y > 0 ? raw[row - rowBytes + x - bpp] : 0;
    out[x + 1] = (raw[row + x] - prediction(filter, a, b, c)) & 0xff;
  }
  return out;
}

// The usual heuristic for choosing a row's filter: the smallest sum of the residuals read
// as signed bytes, since small residuals are what deflate compresses best.
function residualCost(filteredRow) {
  let sum = 0;
  for (let i = 1; i < filteredRow.length; i++) sum += filteredRow[i] < 128 ? filteredRow[i] : 256 - filteredRow[i];
  return sum;
}

function adaptiveRow(raw, y, rowBytes, bpp) {
  const candidates = Object.values(FILTER).map((filter) => filterRow(filter, raw, y, rowBytes, bpp));
  return candidates.reduce((best, row) => (residualCost(row) < residualCost(best) ? row : best));
}

// The spec advises no filtering for palette images, but that is only a rule of thumb, so
// several strategies are deflated and the smallest result kept (icons are tiny; this is cheap).
function smallestImageData(raw, rowBytes, height, bpp) {
  const strategies = [
    ...Object.values(FILTER).map((filter) => (y) => filterRow(filter, raw, y, rowBytes, bpp)),
    (y) => adaptiveRow(raw, y, rowBytes, bpp),
  ];
  const compressed = strategies.map((rowFor) => {
    const rows = Array.from({ length: height }, (_, y) => rowFor(y));
    return deflateSync(Buffer.concat(rows), { level: 9, memLevel: 9 });
  });
  return compressed.reduce((best, data) => (data.length < best.length ? data : best));
}

// ---------------------------------------------------------------------------------------
// Decoding.

function readHeader(chunk) {
  if (chunk?.type !== 'IHDR') throw new Error('PNG does not start with IHDR');
  const data = chunk.data;
  const header = {
    width: data.readUInt32BE(0),
    height: data.readUInt32BE(4),
    bitDepth: data[8],
    colourType: data[9],
    interlace: data[12],
  };
  if (header.width === 0 || header.height === 0) throw new Error('PNG has no pixels');
  if (header.bitDepth !== 8) throw new Error(`unsupported PNG bit depth ${header.bitDepth}`);
  if (!(header.colourType in CHANNELS)) throw new Error(`unsupported PNG colour type ${header.colourType}`);
  if (header.interlace !== 0) throw new Error('interlaced PNGs are not supported');
  return header;
}

function paletteFrom(chunks) {
  const plte = chunks.find((c) => c.type === 'PLTE')?.data;
  if (!plte || plte.length % 3 !== 0) throw new Error('indexed PNG lacks a valid PLTE chunk');
  const alphas = chunks.find((c) => c.type === 'tRNS')?.data ?? [];
  return Array.from({ length: plte.length / 3 }, (_, i) => [plte[3 * i], plte[3 * i + 1], plte[3 * i + 2], alphas[i] ?? 255]);
}

function rgbaFromIndexed(indices, palette) {
  const rgba = new Uint8Array(indices.length * 4);
  indices.forEach((index, i) => {
    if (index >= palette.length) throw new Error(`palette index ${index} is out of range`);
    rgba.set(palette[index], 4 * i);
  });
  return rgba;
}

function rgbaFromTruecolour(samples, channels) {
  const pixels = samples.length / channels;
  const rgba = new Uint8Array(pixels * 4);
  for (let i = 0; i < pixels; i++) {
    rgba.set(samples.subarray(i * channels, i * channels + 3), 4 * i);
    rgba[4 * i + 3] = channels === 4 ? samples[i * channels + 3] : 255;
  }
  return rgba;
}

/** Decodes a PNG to { width, height, colourType, bitDepth, rgba } (rgba: 4 bytes a pixel, not premultiplied). */
export function decodePng(png) {
  const chunks = readChunks(Buffer.from(png.buffer, png.byteOffset, png.length));
  const header = readHeader(chunks[0]);
  const channels = CHANNELS[header.colourType];
  const compressed = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
  const samples = unfilter(inflateSync(compressed), header.width * channels, header.height, channels);
  const rgba = header.colourType === COLOUR_TYPE.INDEXED
    ? rgbaFromIndexed(samples, paletteFrom(chunks))
    : rgbaFromTruecolour(samples, channels);
  return { width: header.width, height: header.height, colourType: header.colourType, bitDepth: header.bitDepth, rgba };
}

// ---------------------------------------------------------------------------------------
// Encoding.

/** Encodes { width, height, palette: [[r, g, b, a], …] (≤ 256), indices: one byte a pixel } as an indexed PNG. */
export function encodeIndexedPng({ width, height, palette, indices }) {
  if (palette.length === 0 || palette.length > 256) throw new Error('a PNG palette holds 1 to 256 colours');
  if (indices.length !== width * height) throw new Error('one palette index is needed per pixel');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, COLOUR_TYPE.INDEXED, 0, 0, 0], 8); // bit depth, colour type, compression, filter, interlace
  const plte = Buffer.from(palette.flatMap(([r, g, b]) => [r, g, b]));
  // tRNS may stop at the last non-opaque entry (the rest default to opaque), and is left
  // out entirely when every entry is opaque.
  const lastTranslucent = palette.findLastIndex(([, , , a]) => a < 255);
  const trns = Buffer.from(palette.slice(0, lastTranslucent + 1).map(([, , , a]) => a));
  return Buffer.concat([
    SIGNATURE,
    writeChunk('IHDR', header),
    writeChunk('PLTE', plte),
    ...(trns.length > 0 ? [writeChunk('tRNS', trns)] : []),
    writeChunk('IDAT', smallestImageData(indices, width, height, 1)),
    writeChunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------
// Quantisation. Colours are compared premultiplied by alpha: two nearly transparent pixels
// look alike whatever their colour, and an error there is what shows after compositing
// onto any background. Fully transparent pixels are kept out and get their own entry, so
// transparency stays exact.

const premultiply = ([r, g, b, a]) => [(r * a) / 255, (g * a) / 255, (b * a) / 255, a];

function unpremultiply([r, g, b, a]) {
  const alpha = Math.round(a);
  const straight = (v) => (alpha === 0 ? 0 : Math.min(255, Math.round((v * 255) / a)));
  return [straight(r), straight(g), straight(b), alpha];
}

function distanceSquared(p, q) {
  return (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 + (p[2] - q[2]) ** 2 + (p[3] - q[3]) ** 2;
}

// A pixel's RGBA as one 32-bit number, to count and look up colours in a Map.
const colourKey = (rgba, at) => ((rgba[at] << 24) | (rgba[at + 1] << 16) | (rgba[at + 2] << 8) | rgba[at + 3]) >>> 0;

// Distinct visible colours with their pixel counts.
function histogram(rgba) {
  const counts = new Map();
  for (let at = 0; at < rgba.length; at += 4) {
    if (rgba[at + 3] === 0) continue;
    const key = colourKey(rgba, at);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => {
    const straight = [key >>> 24, (key >>> 16) & 0xff, (key >>> 8) & 0xff, key & 0xff];
    return { key, straight, point: premultiply(straight), count };
  });
}

function weightedMean(colours) {
  const total = colours.reduce((sum, c) => sum + c.count, 0);
  return [0, 1, 2, 3].map((axis) => colours.reduce((sum, c) => sum + c.point[axis] * c.count, 0) / total);
}

// A box's spread along one axis; median cut splits the box whose colours spread widest.
function widestAxis(colours) {
  let best = { axis: 0, range: -1 };
  for (let axis = 0; axis < 4; axis++) {
    const values = colours.map((c) => c.point[axis]);
    const range = Math.max(...values) - Math.min(...values);
    if (range > best.range) best = { axis, range };
  }
  return best;
}

// Median cut (Heckbert), adapted to icons: it splits the box whose colours spread widest,
// not the one with the most pixels, and cuts it at the middle of its range, not at the pixel
// median. Anti-aliased edges are few pixels but many colours, and this gives their ramps
// evenly spaced entries (smooth edges, small worst-case error), while each flat colour
// soon ends up alone in a box and so is kept exactly.
function medianCut(colours, boxCount) {
  const boxes = [colours];
  while (boxes.length < boxCount) {
    const spreads = boxes.map(widestAxis);
    const widest = spreads.reduce((best, s, i) => (s.range > spreads[best].range ? i : best), 0);
    if (spreads[widest].range <= 0) break;
    const { axis } = spreads[widest];
    const box = boxes[widest].sort((p, q) => p.point[axis] - q.point[axis]);
    const middle = (box[0].point[axis] + box[box.length - 1].point[axis]) / 2;
    const cut = Math.max(1, box.findIndex((c) => c.point[axis] > middle));
    boxes.splice(widest, 1, box.slice(0, cut), box.slice(cut));
  }
  return boxes.map(weightedMean);
}

function nearest(point, centres) {
  let best = 0;
  for (let i = 1; i < centres.length; i++) {
    if (distanceSquared(point, centres[i]) < distanceSquared(point, centres[best])) best = i;
  }
  return best;
}

// Two boxes' means can round to the same 8-bit colour; one entry is enough.
const distinct = (entries) => [...new Map(entries.map((entry) => [entry.join(), entry])).values()];

// Translucent entries first, so the tRNS chunk can stop early.
const byOpacity = (p, q) => p[3] - q[3];

/**
 * Reduces RGBA pixels to at most `maxColours` palette entries.
 * Returns { palette: [[r, g, b, a], …], indices: Uint8Array (one per pixel) }.
 */
export function quantise(rgba, maxColours) {
  if (maxColours < 2 || maxColours > 256) throw new Error('maxColours must be between 2 and 256');
  const colours = histogram(rgba);
  const hasTransparent = colours.reduce((sum, c) => sum + c.count, 0) < rgba.length / 4;
  const budget = maxColours - (hasTransparent ? 1 : 0);
  const visible = colours.length <= budget
    ? colours.map((c) => c.straight)
    : distinct(medianCut(colours, budget).map(unpremultiply));
  const palette = [...(hasTransparent ? [[0, 0, 0, 0]] : []), ...visible].sort(byOpacity);

  const visibleEntries = palette.map((entry, index) => ({ index, point: premultiply(entry) })).filter((e) => e.point[3] > 0);
  const centres = visibleEntries.map((e) => e.point);
  const indexOf = new Map(colours.map((c) => [c.key, visibleEntries[nearest(c.point, centres)].index]));
  const transparentIndex = palette.findIndex(([, , , a]) => a === 0);
  const indices = new Uint8Array(rgba.length / 4);
  for (let i = 0; i < indices.length; i++) {
    indices[i] = rgba[4 * i + 3] === 0 ? transparentIndex : indexOf.get(colourKey(rgba, 4 * i));
  }
  return { palette, indices };
}

/**
 * The largest per-pixel error between two RGBA images, on the 0–255 scale, comparing colours
 * premultiplied by alpha (as composited onto black) and alpha itself: 0 means identical on
 * screen, and a nearly transparent pixel's colour counts for as little as it shows.
 */
export function maxPremultipliedError(expected, actual) {
  let worst = 0;
  for (let i = 0; i < expected.length; i += 4) {
    const p = premultiply(expected.subarray(i, i + 4));
    const q = premultiply(actual.subarray(i, i + 4));
    for (let axis = 0; axis < 4; axis++) worst = Math.max(worst, Math.abs(p[axis] - q[axis]));
  }
  return worst;
}

/** Re-encodes a truecolour PNG as an indexed one of at most `maxColours` colours. */
export function toIndexedPng(png, maxColours) {
  const { width, height, rgba } = decodePng(png);
  const indexed = encodeIndexedPng({ width, height, ...quantise(rgba, maxColours) });
  const maxError = maxPremultipliedError(rgba, decodePng(indexed).rgba);
  return { png: indexed, width, height, maxError };
}
