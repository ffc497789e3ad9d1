import { DIGEST_PATH, digestPath, MAX_DIGEST_PAPERS, paperIdList } from '../digest/digest-url';
import { huggingFacePaperUrl } from '../url';

/**
 * What a notification opens, carried in its id: a click may wake a worker that has forgotten
 * everything, so the id alone says where to go. Ids that are not ours are ignored.
 */
export type NotificationTarget =
  | { kind: 'paper'; id: string }
  | { kind: 'papers'; ids: readonly string[] }
  | { kind: 'digest'; week: string };

const PREFIX = 'paperpulse:';

/**
 * The same target gives the same id, so a notification shown again (a batch that names the same
 * papers) replaces the first instead of standing beside it.
 */
export function notificationId(target: NotificationTarget): string {
  switch (target.kind) {
    case 'paper':
      return `${PREFIX}paper:${target.id}`;
    case 'papers':
      return `${PREFIX}papers:${target.ids.slice(0, MAX_DIGEST_PAPERS).join(',')}`;
    case 'digest':
      return `${PREFIX}digest:${target.week}`;
  }
}

export function notificationTarget(id: string): NotificationTarget | undefined {
  if (!id.startsWith(PREFIX)) return undefined;
  const [kind, value = ''] = id.slice(PREFIX.length).split(/:(.*)/s);
  if (kind === 'digest') return { kind, week: value };
  const ids = paperIdList(value);
  if (kind === 'paper' && ids.length === 1 && ids[0] === value) return { kind, id: value };
  if (kind === 'papers' && ids.length > 0) return { kind, ids };
  return undefined;
}

/**
 * Where a click goes: one paper opens its Hugging Face page; a batch opens the digest page showing
 * those papers; the weekly digest opens the digest page. `extensionUrl` is `runtime.getURL`.
 */
export function targetUrl(target: NotificationTarget, extensionUrl: (path: string) => string): string {
  switch (target.kind) {
    case 'paper':
      return huggingFacePaperUrl(target.id);
    case 'papers':
      return extensionUrl(digestPath(target.ids));
    case 'digest':
      return extensionUrl(DIGEST_PATH);
  }
}
