/**
 * Which item of the sync area a bookmark lives in: `bm.<n>`, n a hash of its key. A hash rather than
 * sorted chunks, so that adding a bookmark never moves others between items: one edit, one item.
 */

export const BUCKET_KEY_PREFIX = 'bm.';

export function bucketKey(index: number): string {
  return `${BUCKET_KEY_PREFIX}${index}`;
}

/** The bucket index a `bm.<n>` key names, or undefined for any other key. */
export function bucketIndexOf(itemKey: string): number | undefined {
  const match = /^bm\.(0|[1-9]\d{0,3})$/.exec(itemKey);
  return match ? Number(match[1]) : undefined;
}

/**
 * FNV-1a over the key's UTF-16 units, then murmur3's finalizer: FNV's low bits depend only on the low
 * bits of the characters, so without the finalizer similar keys crowd into a few of 16 buckets.
 * Stable across browsers and versions: changing it moves every bookmark to another item.
 */
export function bucketOf(key: string, bucketCount: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) % bucketCount;
}
