/** Time helpers shared by the generators and handlers; all dates are UTC. */
export const DAY_MS = 86_400_000;
export const isoAt = (ms: number): string => new Date(ms).toISOString();
export const dateAt = (ms: number): string => isoAt(ms).slice(0, 10);
