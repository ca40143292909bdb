/** Returns `array` if it holds `needed` elements, else a copy at least twice as large. */
export function ensureUint32(array: Uint32Array<ArrayBuffer>, needed: number): Uint32Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const grown = new Uint32Array(Math.max(needed, array.length * 2, 4));
  grown.set(array);
  return grown;
}

export function ensureUint8(array: Uint8Array<ArrayBuffer>, needed: number): Uint8Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const grown = new Uint8Array(Math.max(needed, array.length * 2, 4));
  grown.set(array);
  return grown;
}

export function ensureFloat64(array: Float64Array<ArrayBuffer>, needed: number): Float64Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const grown = new Float64Array(Math.max(needed, array.length * 2, 4));
  grown.set(array);
  return grown;
}
