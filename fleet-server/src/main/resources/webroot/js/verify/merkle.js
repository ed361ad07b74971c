// RFC 9162 Merkle tree hashes with the browser's SHA-256: leaf = SHA-256(0x00 || data), node = SHA-256(0x01 || l || r).
// rootOfRange is the verifier's own recomputation of a signed root from a range of leaves and the hashes of the
// subtrees outside it, as the Java verifier's RfcMerkle does (track-record module).

async function sha256(...parts) {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const all = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
}

export const leafHash = (data) => sha256(Uint8Array.of(0), data);
export const nodeHash = (left, right) => sha256(Uint8Array.of(1), left, right);

/** Largest power of two below n (n > 1), as RFC 9162 splits a tree. */
function split(n) {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The root of a tree of `treeSize` leaves where leaves [start, end) come from `leaves` (hashes, in order) and every
 * subtree wholly outside the range from `outside` (in the order the recursion meets them).
 */
export async function rootOfRange(treeSize, start, end, outside, leaves) {
  if (start < 0 || start > end || end > treeSize) throw new Error(`range [${start}, ${end}) does not fit a tree of size ${treeSize}`);
  if (treeSize === 0) return sha256();
  let used = 0;
  let next = 0;
  async function mth(from, count) {
    if (from + count <= start || from >= end) {
      if (used >= outside.length) throw new Error(`range proof runs out of outside hashes at subtree [${from}, ${from + count})`);
      return outside[used++];
    }
    if (count === 1) return leaves[next++] || new Uint8Array(32);
    const k = split(count);
    const left = await mth(from, k);
    const right = await mth(from + k, count - k);
    return nodeHash(left, right);
  }
  const root = await mth(0, treeSize);
  if (used !== outside.length) throw new Error(`range proof lists ${outside.length} outside hashes but the tree shape uses ${used}`);
  return root;
}

export function equal(a, b) {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export const hex = (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
export const fromBase64 = (text) => Uint8Array.from(atob(text.trim()), (c) => c.charCodeAt(0));
