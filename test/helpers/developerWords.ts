// The developer-word rules of "only the user's words" (issue 15): what no user-facing text may contain — uuids, dotted
// ASCII identifiers (an API name such as expert.save), file paths, internal ids (p1), standards' numbers and English
// error words. Shared by the e2e screen walk (test/e2e/words.test.ts) and the import-error messages test.

/** Each rule: what it catches, and an example it must catch (so a rule that can never match fails here first). */
export const developerWords: { name: string; pattern: RegExp; example: string }[] = [
  {
    name: 'uuid',
    pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i,
    example: '草稿 3f2b8c1e-9d4a-4c6b-8e2f-1a2b3c4d5e6f',
  },
  {
    name: 'dotted identifier',
    // a.b in ASCII, unless it is a file name the user handles (评审包.rpkg, manifest.json, 结果.rdr.json).
    pattern: /\b[A-Za-z_][A-Za-z0-9_]*\.(?!(?:json|pdf|docx?|xlsx?|rpkg|zip|rarc|ofd|png|jpe?g|bmp|webp|sig|rdr)\b)[A-Za-z_][A-Za-z0-9_]*/,
    example: '保存失败（expert.save）',
  },
  { name: 'file path', pattern: /(?:^|[^\w.])(?:\/[\w.\-\u4e00-\u9fff]+){2,}|\b[A-Za-z]:\\/, example: '已保存到 /tmp/rd/exports/评审会' },
  {
    name: 'relative path',
    pattern: /(?:[\w\u4e00-\u9fff.-]+\/)+[\w\u4e00-\u9fff.（）()-]+\.[A-Za-z0-9]{2,5}\b/,
    example: '提示：documents/建设方案.pdf',
  },
  { name: 'upload name', pattern: /upload-[0-9a-f-]{8,}/i, example: 'upload-3f2b8c1e.rpkg' },
  { name: 'internal id', pattern: /(?<![A-Za-z0-9])p\d+(?![A-Za-z0-9])/, example: '编号 p1' },
  { name: 'line id', pattern: /(?<![A-Za-z0-9])[a-z]{1,6}(?:-\d+)+-[a-z]\d+(?![A-Za-z0-9])/, example: '编号 wl-2027-01-b10' },
  { name: 'standard number', pattern: /\b(?:RFC|ISO)\s*\d+/, example: '按 RFC 8785 规范化' },
  {
    name: 'English error word',
    pattern: /\b(?:error|errors|undefined|null|NaN|exception|failed|invalid|internal|TypeError|stack)\b/i,
    example: 'internal error',
  },
];

export function findDeveloperWords(texts: string[]): string[] {
  const found: string[] = [];
  for (const text of texts) {
    for (const line of text.split('\n')) {
      for (const rule of developerWords) {
        const m = rule.pattern.exec(line);
        if (m) found.push(`${rule.name}: “${m[0].trim()}” in “${line.trim().slice(0, 120)}”`);
      }
    }
  }
  return found;
}
