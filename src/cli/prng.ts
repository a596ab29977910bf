/** Deterministic pseudo-random numbers for generated data (demo, benchmark). Not for security. */

/** mulberry32: a small, fast 32-bit generator; same seed → same sequence on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string: a stable seed per (city, indicator) so one series never shifts another. */
export function hashSeed(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Approximately normal noise (sum of three uniforms), mean 0, standard deviation ≈ 1. */
export function gaussish(rand: () => number): number {
  return (rand() + rand() + rand() - 1.5) * 2;
}
