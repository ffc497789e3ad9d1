import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { EXTENSION_DIR } from './extension';
import { waitForFeed, type PaperPulseFixtures } from './test';

interface Manifest {
  permissions: string[];
  host_permissions: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
}

/**
 * Launches the built extension with some of its optional permissions already granted, the way a
 * browser keeps them for a user who accepted. Chromium asks the user before granting an optional
 * permission and a headless prompt cannot be answered, so the profile first runs a copy of this
 * build with them among its required permissions (installing grants them, no prompt); then the
 * untouched copy, where they are optional again, takes over in place, as an update would. Chromium
 * keeps what was granted: `permissions.contains` is true, and a `permissions.request` for them
 * resolves at once.
 */
export async function launchWithGranted(
  { launch }: Pick<PaperPulseFixtures, 'launch'>,
  granted: { permissions?: string[]; origins?: string[] },
) {
  const dir = join(mkdtempSync(join(tmpdir(), 'paperpulse-granted-')), 'extension');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const original = readFileSync(manifestPath, 'utf8');
  const manifest = JSON.parse(original) as Manifest;
  const permissions = granted.permissions ?? [];
  const origins = granted.origins ?? [];
  // Only what the build declares as optional can be granted this way.
  for (const name of permissions) expect(manifest.optional_permissions).toContain(name);
  for (const origin of origins) expect(manifest.optional_host_permissions).toContain(origin);

  writeFileSync(
    manifestPath,
    JSON.stringify({
      ...manifest,
      permissions: [...manifest.permissions, ...permissions],
      host_permissions: [...manifest.host_permissions, ...origins],
      optional_permissions: manifest.optional_permissions?.filter((name) => !permissions.includes(name)),
      optional_host_permissions: manifest.optional_host_permissions?.filter(
        (origin) => !origins.includes(origin),
      ),
    }),
  );
  const before = await launch({ extensionDir: dir });
  await waitForFeed(before.context);
  await before.context.close();
  writeFileSync(manifestPath, original);
  // The copy's folder: the extension id follows it, so a restart launches the same folder again.
  return { ...(await launch({ extensionDir: dir, userDataDir: before.userDataDir })), extensionDir: dir };
}
