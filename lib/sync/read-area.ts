import type { SyncArea } from './area';
import { bucketIndexOf } from './buckets';
import { decodeBucket } from './decode';
import { mergeRecords } from './merge';
import { itemBytes } from './quota';
import type { SyncRecord } from './record';

/** What the sync area holds, read once per sync. */
export interface AreaContents {
  /** Every record found, merged across items, by key. */
  records: Map<string, SyncRecord>;
  /** Each bookmark bucket item, by item key. */
  buckets: Map<string, RemoteBucket>;
  /** Bytes taken by items that are not bookmark buckets of this layout. */
  foreignBytes: number;
}

export interface RemoteBucket {
  /** `ok`, or the item cannot be read and should be rewritten, or a later version wrote it. */
  status: 'ok' | 'unreadable' | 'newer';
  records: Map<string, SyncRecord>;
  bytes: number;
  invalidEntries: number;
}

export async function readArea(area: SyncArea, bucketCount: number): Promise<AreaContents> {
  const items = await area.get(null);
  const contents: AreaContents = { records: new Map(), buckets: new Map(), foreignBytes: 0 };
  for (const [itemKey, value] of Object.entries(items)) {
    const bytes = itemBytes(itemKey, value);
    const index = bucketIndexOf(itemKey);
    if (index === undefined || index >= bucketCount) {
      contents.foreignBytes += bytes;
      continue;
    }
    const decoded = decodeBucket(value);
    const bucket: RemoteBucket = { status: decoded.status, records: new Map(), bytes, invalidEntries: 0 };
    if (decoded.status === 'ok') {
      bucket.invalidEntries = decoded.invalidEntries;
      for (const record of decoded.records) {
        const inBucket = bucket.records.get(record.key);
        bucket.records.set(record.key, inBucket ? mergeRecords(inBucket, record) : record);
        const seen = contents.records.get(record.key);
        contents.records.set(record.key, seen ? mergeRecords(seen, record) : record);
      }
    }
    contents.buckets.set(itemKey, bucket);
  }
  return contents;
}
