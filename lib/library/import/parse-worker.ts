/**
 * The import's dedicated Worker: reads and parses one file off the page's main thread, so that no
 * file can freeze the popup. Started per file by ./off-thread.ts, which stops it after a time limit.
 */
import { readImportFile } from './read-file';
import type { ParseAnswer, ParseRequest } from './off-thread';
import { installMessages } from '../../i18n';

// The project's TypeScript libs describe a window, not a worker scope: only what is used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
  postMessage(answer: ParseAnswer): void;
};

scope.onmessage = ({ data }) => {
  installMessages(data.messages);
  void readImportFile(data.file, data.now).then((result) => scope.postMessage(result));
};
