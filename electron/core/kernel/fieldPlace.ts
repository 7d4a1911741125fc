// Owns saying where a field sits in a file in the user's words ("第 1 个项目的总投资") instead of a dotted path.

/** Chinese names of a file's fields: by key, or by `parent.key` where one key means different things (experts.title). */
export type FieldNames = Readonly<Record<string, string>>;

/**
 * `['projects', 0, 'totalInvestment']` → "第 1 个项目的总投资". A key the table does not name is quoted as written, so
 * the place is never silently wrong; '' for the whole file.
 */
export function fieldPlace(path: readonly PropertyKey[], names: FieldNames): string {
  const parts: string[] = [];
  let parentKey = '';
  for (let i = 0; i < path.length; i++) {
    const key = String(path[i]);
    if (/^\d+$/.test(key)) continue; // an index is said with the list it belongs to
    // Own keys only: a hostile file's `__proto__` must not find Object.prototype in the table.
    const name = [`${parentKey}.${key}`, key].find((k) => Object.hasOwn(names, k));
    const said = name === undefined ? `“${key}”` : names[name]!;
    const next = path[i + 1];
    const index = next !== undefined && /^\d+$/.test(String(next)) ? Number(next) : null;
    parts.push(index === null ? said : `第 ${index + 1} 个${said}`);
    parentKey = key;
  }
  return parts.reduce((out, part) => (out === '' ? part : part.startsWith('第') ? `${out}${part}` : `${out}的${part}`), '');
}

/** The value at `path` in parsed JSON, and whether it is there at all (a missing field and a wrong one read differently). */
export function fieldAt(raw: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let current: unknown = raw;
  for (const seg of path) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, seg))
      return { found: false, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[seg];
  }
  return { found: true, value: current };
}
