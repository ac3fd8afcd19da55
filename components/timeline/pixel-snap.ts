/**
 * Rectangles with their edges on device pixels. Chromium's software rasterizer (headless, or
 * no GPU) anti-aliases every fractional edge, and a path of thousands of adjacent bars with
 * fractional edges took 100-200 ms to fill; the same bars snapped take about 5 ms. Every bar
 * and tick of the timeline goes through here.
 */

/** The part of CanvasPath this needs: Path2D and CanvasRenderingContext2D both fit. */
export interface RectPath {
  rect(x: number, y: number, w: number, h: number): void;
}

/** Adds [x, x + w] x [y, y + h] rounded to device pixels, at least one device pixel each way. */
export function snappedRect(path: RectPath, x: number, y: number, w: number, h: number, dpr: number): void {
  const x0 = Math.round(x * dpr);
  const x1 = Math.max(x0 + 1, Math.round((x + w) * dpr));
  const y0 = Math.round(y * dpr);
  const y1 = Math.max(y0 + 1, Math.round((y + h) * dpr));
  path.rect(x0 / dpr, y0 / dpr, (x1 - x0) / dpr, (y1 - y0) / dpr);
}
