/**
 * mulberry32: a tiny, fast seeded PRNG, good enough for seed data, and the same sequence everywhere:
 * the demo, the contractors in it and the large data set draw from it, so a seed gives the same rows.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
