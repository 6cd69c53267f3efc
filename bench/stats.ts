/** Summaries of repeated measurements, and the linearity test of issue 8. Pure. */

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] ?? Number.NaN)
      : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
  return {
    median,
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    n: values.length,
  };
}

export interface LinearFit {
  /** cost ≈ intercept + slope × x */
  intercept: number;
  slope: number;
  /** Largest |observed - fitted| / observed over the points. */
  maxRelativeResidual: number;
}

/** Least-squares line through (x, y); with fewer than two distinct x the fit is undefined. */
export function linearFit(points: readonly { x: number; y: number }[]): LinearFit | undefined {
  const n = points.length;
  if (n < 2) return undefined;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) return undefined;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const maxRelativeResidual = Math.max(
    ...points.map((p) =>
      p.y === 0 ? 0 : Math.abs(p.y - (intercept + slope * p.x)) / Math.abs(p.y),
    ),
  );
  return { intercept, slope, maxRelativeResidual };
}

/**
 * The cost of one more unit of work between consecutive sizes (Δy ÷ Δx, by increasing x).
 * Growth is linear when these agree: a constant start-up cost changes none of them, whereas a
 * relative residual to a fitted line would blame it on the smallest size.
 */
export function marginalCosts(points: readonly { x: number; y: number }[]): number[] {
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const out: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (a && b && b.x > a.x) out.push((b.y - a.y) / (b.x - a.x));
  }
  return out;
}
