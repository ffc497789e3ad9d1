/**
 * The sync area's limits and how the bookmark buckets fit in them.
 *
 * Chrome (chrome.storage.sync): QUOTA_BYTES 102,400 in all; QUOTA_BYTES_PER_ITEM 8,192 (key length
 * plus the JSON of the value); MAX_ITEMS 512; MAX_WRITE_OPERATIONS_PER_HOUR 1,800 and _PER_MINUTE 120,
 * counted per set/remove/clear call. Firefox documents the same three size limits (MDN,
 * storage.sync: 102,400 total, 8,192 per item, 512 items) and no write-rate limit.
 */
export const SYNC_AREA_LIMITS = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
} as const;

export interface SyncQuota {
  /** How many items the bookmarks are spread over (by a hash of the key). */
  bucketCount: number;
  /** The most one bucket item may take, key included, as the browser counts it. */
  bucketBytes: number;
}

/**
 * 16 buckets of at most 6,000 bytes: 96,000 bytes at most in all, whatever mix of buckets different
 * browsers wrote last (a fixed share per bucket is what makes the total safe without coordination),
 * leaving 6,400 bytes of the 102,400 for anything else the extension keeps there. 6,000 leaves a
 * quarter of the 8,192 per-item limit spare, in case a browser counts differently from itemBytes;
 * 16 items is far from 512; and one edit rewrites one item of a few kilobytes. More buckets would
 * make items smaller but cap a synced note lower (a note must fit in one bucket with its record).
 */
export const DEFAULT_SYNC_QUOTA: SyncQuota = { bucketCount: 16, bucketBytes: 6_000 };

/**
 * Kept free of the total whatever else is there: buckets shrink only once other items take more than
 * 102,400 - 4,096 - 96,000 = 2,304 bytes.
 */
const TOTAL_MARGIN_BYTES = 4_096;

/** The quota to plan with when other items (not bookmark buckets) take `foreignBytes` of the area. */
export function quotaBesides(foreignBytes: number, quota: SyncQuota = DEFAULT_SYNC_QUOTA): SyncQuota {
  const share = Math.floor(
    (SYNC_AREA_LIMITS.QUOTA_BYTES - TOTAL_MARGIN_BYTES - foreignBytes) / quota.bucketCount,
  );
  return { ...quota, bucketBytes: Math.max(0, Math.min(quota.bucketBytes, share)) };
}

/**
 * UTF-8 length of `text`, plus what Chrome's escaping adds when `json` is set: Chrome's JSON writer
 * escapes `<` as `\u003C` and U+2028/U+2029 as `\u2028`/`\u2029` (base/json/string_escape.cc), where
 * JSON.stringify writes them raw. A lone surrogate counts as U+FFFD (3 bytes), as encoders write it.
 */
function byteLength(text: string, json: boolean): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += json && unit === 0x3c ? 6 : 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index++;
      } else bytes += 3;
    } else bytes += json && (unit === 0x2028 || unit === 0x2029) ? 6 : 3;
  }
  return bytes;
}

/**
 * The size of an item as Chrome counts it: bytes of the key plus bytes of the value's JSON as its
 * own writer produces it (the check is in settings_storage_quota_enforcer.cc). Firefox counts the
 * JSON without Chrome's extra escapes, so this is an upper bound there.
 */
export function itemBytes(key: string, value: unknown): number {
  return byteLength(key, false) + byteLength(JSON.stringify(value) ?? '', true);
}
