// Owns how a file the app wrote is named on screen: its name only (never the folder path), and in web mode a link
// that downloads it, since the browser's user cannot reach the server's data folder.
import { downloadUrl } from '../api';
import { fileName } from '../lib/format';
import { t } from '../locale/zh-CN';

export function FileLink({ file, testId }: { file: string; testId?: string }) {
  const name = fileName(file);
  const href = downloadUrl(file);
  return href ? (
    <a href={href} download={name} title={t.common.download(name)} data-testid={testId}>
      {name}
    </a>
  ) : (
    <span data-testid={testId}>{name}</span>
  );
}
