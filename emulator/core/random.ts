// Deterministic randomness: the same seed gives the same ids, and fault decisions do not depend on the order
// in which concurrent requests arrive (they hash their own coordinates instead of drawing from a stream).

/** mulberry32: a small, fast PRNG with a 32-bit state; good enough for ids and fault dice. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A number in [0, 1) determined by the seed and the parts (FNV-1a, then one mulberry32 step). */
export function hashUnit(seed: number, ...parts: (string | number)[]): number {
  let h = 0x811c9dc5 ^ (seed >>> 0)
  for (const ch of parts.join('\u0000')) {
    h ^= ch.charCodeAt(0)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return createRandom(h)()
}

export function randomHex(random: () => number, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += Math.floor(random() * 16).toString(16)
  return out
}

/** An RFC 4122 version-4 shaped UUID from the given PRNG. */
export function randomUuid(random: () => number): string {
  const h = randomHex(random, 32).split('')
  h[12] = '4'
  h[16] = '89ab'.charAt(Math.floor(random() * 4))
  const s = h.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}
