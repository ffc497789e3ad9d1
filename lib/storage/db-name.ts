/** The extension's IndexedDB database (lib/storage/db.ts opens it with Dexie; lib/popup/first-screen.ts raw). */
export const DB_NAME = 'paperpulse';
