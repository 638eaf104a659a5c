// A pull's progress (src/docker's PullProgress) as a short line for a notification:
// layers done out of known, bytes downloaded while a layer downloads.
import type { PullProgress } from '../docker';
import type { Localized } from '../util/i18n';
import { humanSize } from './format';

/** "2/5 layers · 12.3MB/45.1MB". */
export function pullMessage(progress: PullProgress): Localized {
  const { current, total } = progress.downloading;
  const bytes = total > 0 ? ` · ${humanSize(current)}/${humanSize(total)}` : '';
  return {
    ko: `레이어 ${progress.layersDone}/${progress.layerCount}${bytes}`,
    en: `${progress.layersDone}/${progress.layerCount} layers${bytes}`,
  };
}
