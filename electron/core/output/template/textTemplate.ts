// Owns the text template language of template files: `{{path}}`, `{{path?}}` (optional) and `{{#if path}}…{{else}}…{{/if}}` (nestable), parsed once and rendered against a value lookup.
export type TextNode =
  | { kind: 'text'; text: string }
  | { kind: 'value'; path: string; optional: boolean }
  | { kind: 'if'; path: string; then: TextNode[]; otherwise: TextNode[] };

/** A syntax error in template text; the message is Chinese and says what was expected. */
export class TextSyntaxError extends Error {}

const tag = /\{\{([^{}]*)\}\}/g;
const dotted = '[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)*';
const valueTag = new RegExp(`^\\s*(${dotted})(\\?)?\\s*$`);
const ifTag = new RegExp(`^\\s*#if\\s+(${dotted})\\s*$`);

export function parseText(source: string): TextNode[] {
  const root: TextNode[] = [];
  // Open `if` nodes, innermost last; `into` is where the next node goes (then- or else-branch).
  const open: { node: Extract<TextNode, { kind: 'if' }>; into: TextNode[] }[] = [];
  const target = () => open.at(-1)?.into ?? root;
  let last = 0;
  for (const m of source.matchAll(tag)) {
    if (m.index > last) target().push({ kind: 'text', text: source.slice(last, m.index) });
    last = m.index + m[0].length;
    // Group 1 of each of these patterns always participates in a match.
    const inner = m[1]!;
    const cond = ifTag.exec(inner);
    const value = valueTag.exec(inner);
    if (cond) {
      const node: Extract<TextNode, { kind: 'if' }> = { kind: 'if', path: cond[1]!, then: [], otherwise: [] };
      target().push(node);
      open.push({ node, into: node.then });
    } else if (inner.trim() === 'else') {
      const top = open.at(-1);
      if (!top || top.into === top.node.otherwise) throw new TextSyntaxError('{{else}} 前面缺少 {{#if …}}');
      top.into = top.node.otherwise;
    } else if (inner.trim() === '/if') {
      if (!open.pop()) throw new TextSyntaxError('{{/if}} 前面缺少 {{#if …}}');
    } else if (value) {
      target().push({ kind: 'value', path: value[1]!, optional: value[2] === '?' });
    } else {
      throw new TextSyntaxError(`无法识别的占位符 {{${inner}}}：应为 {{字段路径}}、{{字段路径?}} 或 {{#if 字段路径}}…{{/if}}`);
    }
  }
  if (open.length) throw new TextSyntaxError(`{{#if ${open.at(-1)!.node.path}}} 缺少对应的 {{/if}}`);
  if (last < source.length) root.push({ kind: 'text', text: source.slice(last) });
  return root;
}

/** Every path the text names, in order: values and conditions. */
export function textPaths(nodes: TextNode[]): { path: string; use: 'value' | 'condition' }[] {
  return nodes.flatMap((n) =>
    n.kind === 'text'
      ? []
      : n.kind === 'value'
        ? [{ path: n.path, use: 'value' as const }]
        : [{ path: n.path, use: 'condition' as const }, ...textPaths(n.then), ...textPaths(n.otherwise)],
  );
}

export interface TextLookup {
  /** The string at the path; null when missing. */
  value(path: string): string | null;
  /** Whether the path holds something: a non-empty string or list, or an object. */
  present(path: string): boolean;
  /** Called for a required value that is missing; throws. */
  missing(path: string): never;
}

export function renderText(nodes: TextNode[], lookup: TextLookup): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') out += n.text;
    else if (n.kind === 'if') out += renderText(lookup.present(n.path) ? n.then : n.otherwise, lookup);
    else {
      const v = lookup.value(n.path);
      if (v === null && !n.optional) lookup.missing(n.path);
      out += v ?? '';
    }
  }
  return out;
}
