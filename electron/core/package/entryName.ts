// Owns the rules for a file name inside a package: decoding raw ZIP name bytes and refusing names that could escape or collide.
import { crc32 } from 'node:zlib';
import { problem, type PackageProblem } from './errors';

const MAX_SEGMENT_BYTES = 255;
const MAX_PATH_CHARS = 1024;
/** Windows device names, with any extension: also CONIN$, CONOUT$ and CLOCK$, which Windows opens as devices too. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)(\..*)?$/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/**
 * Decodes a ZIP entry name as Windows and Unix tools write it: UTF-8 when flag bit 11 is set; else the Info-ZIP Unicode
 * Path extra field (0x7075) when its CRC matches the raw name; else strict UTF-8; else GB18030 (a superset of GBK).
 */
export function decodeEntryName(raw: Uint8Array, generalPurposeBitFlag: number, extraFields: { id: number; data: Uint8Array }[]): string {
  if (generalPurposeBitFlag & 0x800) return utf8.decode(raw);
  const unicodePath = extraFields.find((f) => f.id === 0x7075);
  if (unicodePath && unicodePath.data.byteLength > 5 && unicodePath.data[0] === 1) {
    const view = new DataView(unicodePath.data.buffer, unicodePath.data.byteOffset, unicodePath.data.byteLength);
    if (view.getUint32(1, true) === crc32(raw) >>> 0) return utf8.decode(unicodePath.data.subarray(5));
  }
  try {
    return utf8.decode(raw);
  } catch {
    return gb18030.decode(raw);
  }
}

/** Returns a problem if the name is unsafe or not portable, else null. Directory entries end with '/'. */
export function checkEntryName(name: string): PackageProblem | null {
  const shown = JSON.stringify(name).slice(1, -1);
  if (name.length === 0) return problem('bad-name', shown, '文件名为空');
  if (CONTROL.test(name)) return problem('bad-name', shown, '文件名含控制字符');
  if (name.includes('\\')) return problem('unsafe-path', shown, '含反斜杠');
  if (name.startsWith('/')) return problem('unsafe-path', shown, '绝对路径');
  if (/^[a-zA-Z]:/.test(name)) return problem('unsafe-path', shown, '含盘符');
  if (name.length > MAX_PATH_CHARS) return problem('bad-name', shown.slice(0, 80) + '…', '路径过长');
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  for (const segment of segments) {
    if (segment === '..') return problem('unsafe-path', shown, '含上级目录 ..');
    if (segment === '' || segment === '.') return problem('bad-name', shown, '路径中有空段');
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) return problem('bad-name', shown.slice(0, 80) + '…', '文件名过长');
    if (WINDOWS_RESERVED.test(segment)) return problem('bad-name', shown, 'Windows 保留名');
    if (/[. ]$/.test(segment)) return problem('bad-name', shown, '以点或空格结尾');
    if (/[<>:"|?*]/.test(segment)) return problem('bad-name', shown, '含 Windows 不允许的字符');
  }
  return null;
}

/** The key under which two names count as the same file (Unicode compatibility normalisation + case folding). */
export function collisionKey(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}
