// fieldPlace says where a field sits in words; a key the table does not name is quoted, never looked up on the prototype.
import { describe, expect, it } from 'vitest';
import { fieldAt, fieldPlace } from '../../../electron/core/kernel/fieldPlace';

const names = { projects: '项目', documents: '文件', title: '名称', 'documents.title': '标题', session: '评审会' };

describe('fieldPlace', () => {
  it('says list items by their ordinal and uses the parent-specific name where there is one', () => {
    expect(fieldPlace(['projects', 0, 'documents', 2, 'title'], names)).toBe('第 1 个项目第 3 个文件的标题');
    expect(fieldPlace(['session', 'title'], names)).toBe('评审会的名称');
    expect(fieldPlace(['projects'], names)).toBe('项目');
    expect(fieldPlace([], names)).toBe('');
  });

  it('quotes a key it has no name for, including one a hostile file named after the prototype', () => {
    expect(fieldPlace(['session', 'script'], names)).toBe('评审会的“script”');
    expect(fieldPlace(['session', '__proto__'], names)).toBe('评审会的“__proto__”');
    expect(fieldPlace(['constructor'], names)).toBe('“constructor”');
  });
});

describe('fieldAt', () => {
  it('tells a missing field from one that is present with a wrong value', () => {
    const json = JSON.parse('{"a":{"b":null}}');
    expect(fieldAt(json, ['a', 'b'])).toEqual({ found: true, value: null });
    expect(fieldAt(json, ['a', 'x'])).toEqual({ found: false, value: undefined });
    expect(fieldAt({}, ['toString'])).toEqual({ found: false, value: undefined });
  });
});
