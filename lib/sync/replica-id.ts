/**
 * A browser's id in sync stamps: made once, kept in storage.local (never storage.sync, which every
 * browser of the user shares). Ten base-36 characters: short, because it is written once per bucket
 * item, and with 36^10 possibilities two browsers of one user never draw the same.
 */
export function newReplicaId(
  randomBytes: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  return Array.from(randomBytes(new Uint8Array(10)), (byte) => (byte % 36).toString(36)).join('');
}
