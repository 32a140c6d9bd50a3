/** A document's fold for k-fold cross-validation: FNV-1a of "<corpus>/<name>", mod k (the same in every run). */
export function foldOf(corpus, name, k) {
  let h = 0x811c9dc5;
  for (const ch of `${corpus}/${name}`) { h ^= ch.charCodeAt(0); h = Math.imul(h, 0x01000193) >>> 0; }
  return h % k;
}
