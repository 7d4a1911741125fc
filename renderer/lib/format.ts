// Owns formatting at the display edge: fen → 万元, ISO dates → 2027年3月5日, byte counts → MB, file extensions.
import { fenToWan } from '../../shared/money';
import { t } from '../locale/zh-CN';
import { toMegabytes } from '../locale/units';

export { formatDateTime } from '../../shared/dateTime';

export { fenToWan, toMegabytes };

export function fenToWanLabel(fen: number): string {
  return `${fenToWan(fen)} ${t.money.wan}`;
}

export function formatQuantity(n: number): string {
  return new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 }).format(n);
}

/** "2027-03-05" (or an ISO timestamp) → "2027年3月5日"; anything unparseable is shown as given. */
export function formatDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${toMegabytes(bytes)} MB`;
}

/** ".ofd" from "documents/p1/方案.ofd"; "" when the name has no extension. */
export function fileExtension(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
