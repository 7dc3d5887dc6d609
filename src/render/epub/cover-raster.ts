/**
 * The generated cover's SVG to PNG. resvg's cost grows with the pixels, not with what is drawn (an empty 1600×2560
 * SVG takes most of the time a full cover does), and a cover is mostly frame and background, the same from book to
 * book. So when the SVG is made of rectangles (drawn everywhere) and lettering (`<path>`s placed by a translation,
 * and `<line>`s) only, the rectangles are drawn once per thread and kept, and only the rows the lettering can touch
 * are drawn for each cover, the SVG cropped to them (its viewBox moved by whole pixels, so those rows come out as in
 * a full drawing; tests/render/epub/cover-raster.test.ts compares them pixel for pixel). The rows a path can touch are found from its path data's points (a Bézier curve stays inside
 * its control points), with a margin for anti-aliasing. Any other SVG (a user's template) is drawn whole.
 */
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { encodePng, type Raster } from './png';

/** Rows added above and below each piece of lettering: anti-aliasing reaches one pixel beyond the shape. */
const MARGIN = 3;

interface Plan {
  width: number;
  height: number;
  /** The SVG without its lettering: drawn once, kept. */
  background: string;
  /** Row ranges [from, to) the lettering may touch, sorted, merged; each with the SVG's elements that reach it. */
  bands: { from: number; to: number; body: string }[];
}

/** Bands closer than this are drawn as one: each drawing parses its SVG, which costs more than a few rows. */
const JOIN = 48;

const ROOT = /^\s*<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)" height="(\d+)" viewBox="0 0 \1 \2">/;
const ELEMENT = /<(\w+)\b([^>]*?)\/>|<\/svg>\s*$/g;
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

/** The rows a path's data can touch, or undefined when the data has a command this does not follow. */
function pathRows(d: string, dy: number): [number, number] | undefined {
  // quire's outlines use absolute M, L, Q, C and Z only: every second number is a y.
  if (/[^MLQCZ\d\s.,eE+-]/.test(d)) return undefined;
  let top = Infinity;
  let bottom = -Infinity;
  const numbers = d.match(NUMBER) ?? [];
  if (numbers.length % 2) return undefined;
  for (let i = 1; i < numbers.length; i += 2) {
    const y = Number(numbers[i]);
    if (y < top) top = y;
    if (y > bottom) bottom = y;
  }
  return numbers.length ? [Math.floor(dy + top), Math.ceil(dy + bottom)] : [dy, dy];
}

const attribute = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

/** How to draw the SVG in pieces, or undefined when it must be drawn whole. */
export function planCover(svg: string): Plan | undefined {
  const root = ROOT.exec(svg);
  if (!root) return undefined;
  const [tag, w, h] = root;
  const width = Number(w);
  const height = Number(h);
  /** Each element in order, with the rows it can touch (all of them for a rectangle). */
  const elements: { text: string; rows: [number, number] }[] = [];
  let background = tag;
  let last = tag.length;
  ELEMENT.lastIndex = last;
  for (let m = ELEMENT.exec(svg); m; m = ELEMENT.exec(svg)) {
    if (svg.slice(last, m.index).trim() !== '') return undefined; // text, comments or a container element
    last = ELEMENT.lastIndex;
    if (m[0].startsWith('</svg')) {
      background += '</svg>';
      break;
    }
    const [whole, name, attrs] = m;
    // What reads or paints beyond an element's own rows (filters, masks, clips, markers) is drawn whole.
    if (/\s(?:style|filter|mask|clip-path|marker-\w+)="/.test(attrs)) return undefined;
    if (name === 'rect') {
      background += whole;
      elements.push({ text: whole, rows: [0, height] });
      continue;
    }
    if (name === 'path') {
      if (/\s(?:stroke|stroke-width)="/.test(attrs)) return undefined;
      const move = /^translate\((-?[\d.]+)[ ,]+(-?[\d.]+)\)$/.exec(attribute(attrs, 'transform') ?? '');
      const d = attribute(attrs, 'd');
      const span = move && d !== undefined ? pathRows(d, Number(move[2])) : undefined;
      if (!span) return undefined;
      elements.push({ text: whole, rows: span });
    } else if (name === 'line') {
      if (/\s(?:transform|stroke-linecap)="/.test(attrs)) return undefined;
      const [y1, y2, sw] = ['y1', 'y2', 'stroke-width'].map((a) => Number(attribute(attrs, a) ?? NaN));
      if (![y1, y2, sw].every(Number.isFinite)) return undefined;
      elements.push({ text: whole, rows: [Math.floor(Math.min(y1, y2) - sw), Math.ceil(Math.max(y1, y2) + sw)] });
    } else return undefined;
  }
  if (!background.endsWith('</svg>') || svg.slice(last).trim() !== '') return undefined;
  const spans: [number, number][] = [];
  const lettering = elements.filter((e) => !e.text.startsWith('<rect'));
  for (const [a, b] of lettering.map((e) => [Math.max(0, e.rows[0] - MARGIN), Math.min(height, e.rows[1] + MARGIN)] as [number, number]).filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0])) {
    const prev = spans[spans.length - 1];
    if (prev && a <= prev[1] + JOIN) prev[1] = Math.max(prev[1], b);
    else spans.push([a, b]);
  }
  // A band's drawing holds only the elements that reach its rows, in the SVG's order (what is left out paints nothing there).
  const bands = spans.map(([from, to]) => ({ from, to, body: elements.filter((e) => e.rows[0] < to && e.rows[1] > from).map((e) => e.text).join('') }));
  return { width, height, background, bands };
}

/** The background drawings this thread keeps (a book's cover and the next share one). */
const kept = new Map<string, { key: string; pixels: Buffer; same: Uint8Array }>();

async function backgroundOf(plan: Plan, options: ResvgRenderOptions): Promise<{ key: string; pixels: Buffer; same: Uint8Array }> {
  const key = `${JSON.stringify(options)}\n${plan.background}`;
  let found = kept.get(key);
  if (!found) {
    const pixels = (await renderAsync(plan.background, options)).pixels;
    const stride = plan.width * 4;
    const same = new Uint8Array(plan.height);
    for (let y = 1; y < plan.height; y++) same[y] = pixels.compare(pixels, (y - 1) * stride, y * stride, y * stride, (y + 1) * stride) === 0 ? 1 : 0;
    found = { key, pixels, same };
    if (kept.size >= 2) kept.delete(kept.keys().next().value!);
    kept.set(key, found);
  }
  return found;
}

/** The cover as PNG bytes (see the file's comment). */
export async function rasterizeCover(svg: string, options: ResvgRenderOptions): Promise<Buffer> {
  const plan = planCover(svg);
  if (!plan) {
    const image = await renderAsync(svg, options);
    const stride = image.width * 4;
    const pixels = image.pixels;
    return encodePng({ width: image.width, height: image.height, row: (y) => pixels.subarray(y * stride, (y + 1) * stride) });
  }
  const stride = plan.width * 4;
  const [background, ...bands] = await Promise.all([
    backgroundOf(plan, options),
    ...plan.bands.map(async ({ from, to, body }) => {
      const cropped = `<svg xmlns="http://www.w3.org/2000/svg" width="${plan.width}" height="${to - from}" viewBox="0 ${from} ${plan.width} ${to - from}">${body}</svg>`;
      return { from, to, pixels: (await renderAsync(cropped, options)).pixels };
    }),
  ]);
  const bandAt = new Int32Array(plan.height).fill(-1);
  bands.forEach((band, i) => bandAt.fill(i, band.from, band.to));
  const raster: Raster = {
    width: plan.width,
    height: plan.height,
    row: (y) => {
      const i = bandAt[y];
      if (i < 0) return background.pixels.subarray(y * stride, (y + 1) * stride);
      const band = bands[i];
      return band.pixels.subarray((y - band.from) * stride, (y - band.from + 1) * stride);
    },
    // Two background rows in a row: known from the kept drawing.
    sameAsAbove: (y) => (bandAt[y] < 0 && bandAt[y - 1] < 0 ? background.same[y] === 1 : undefined),
    // Background rows are every cover's of this design: their compressed blocks are kept too.
    shared: { key: background.key, has: (y) => bandAt[y] < 0 },
  };
  return encodePng(raster);
}
