import { describe, expect, it } from 'vitest';
import { paragraphsOf } from './paragraphs.ts';
import { type EvalContext, evaluate, isPresent, parseTemplate } from './template-syntax.ts';

/** Evaluates a template against a flat record of values (paths as keys), items by `item.x`. */
function run(text: string, values: Record<string, unknown>): string {
  const parsed = parseTemplate(text);
  if (!parsed.ok) throw new Error(parsed.messages.join(' '));
  const context: EvalContext = {
    lookup: (path, scope) => {
      if (path === 'index') return scope?.index;
      if (path === 'item') return scope?.item;
      if (path.startsWith('item.'))
        return (scope?.item as Record<string, unknown> | undefined)?.[path.slice(5)];
      return values[path];
    },
    print: (_path, value) => (value === undefined ? '?' : String(value)),
  };
  return paragraphsOf(evaluate(parsed.nodes, context))
    .map((p) => `${p.align}:${p.text}`)
    .join('|');
}

describe('parseTemplate', () => {
  it.each([
    ['an empty template', '  \n ', '模板内容为空'],
    ['an unclosed if', '{{#if a}}甲', '“{{#if a}}”缺少结束标记“{{/if}}”'],
    ['an unclosed each', '{{#each a}}甲', '缺少结束标记“{{/each}}”'],
    ['a close without an open', '甲{{/if}}', '“{{/if}}”前面没有与之对应的开始标记'],
    ['crossed blocks', '{{#if a}}{{#each b}}{{/if}}{{/each}}', '应以“{{/each}}”结束，却遇到了“{{/if}}”'],
    ['an else outside if', '甲{{else}}乙', '“{{else}}”只能用在'],
    ['two elses', '{{#if a}}甲{{else}}乙{{else}}丙{{/if}}', '只能出现一次'],
    ['nested lists', '{{#each a}}{{#each b}}{{/each}}{{/each}}', '不支持嵌套的列表'],
    ['a malformed tag', '{{#unless a}}甲{{/unless}}', '无法识别的标记“{{#unless a}}”'],
    ['an expression', '{{a + b}}', '无法识别的标记“{{a + b}}”'],
    ['a lone opening brace pair', '甲{{a', '不成对的“{{”或“}}”'],
    ['an unknown paragraph mark', '@center 甲', '无法识别的段落标记“@center”'],
    ['a template too long', 'x'.repeat(20_001), '模板过长'],
  ])('refuses %s', (_situation, text, message) => {
    const parsed = parseTemplate(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.messages.join('')).toContain(message);
  });
});

describe('evaluate and paragraphsOf', () => {
  it.each([
    ['a placeholder', '致{{name}}。', { name: '李华' }, 'body:致李华。'],
    ['paragraphs at blank lines', '甲\n\n\n乙', {}, 'body:甲|body:乙'],
    ['lines of a paragraph joined', '甲\n乙', {}, 'body:甲乙'],
    ['Latin words joined with a space', 'Room 5\nBuilding 2', {}, 'body:Room 5 Building 2'],
    [
      'marks',
      '@left 张三：\n\n正文\n@right 某机关\n@right 2021年',
      {},
      'left:张三：|body:正文|right:某机关|right:2021年',
    ],
    ['if present', '{{#if a}}有{{else}}无{{/if}}', { a: 'x' }, 'body:有'],
    ['if blank', '{{#if a}}有{{else}}无{{/if}}', { a: '  ' }, 'body:无'],
    ['if false', '{{#if a}}有{{/if}}尾', { a: false }, 'body:尾'],
    ['if an empty list', '{{#if a}}有{{/if}}尾', { a: [] }, 'body:尾'],
    [
      'each, one paragraph an item',
      '{{#each a}}\n{{index}}.{{item}}\n\n{{/each}}',
      { a: ['甲', '乙'] },
      'body:1.甲|body:2.乙',
    ],
    ['each inline', '{{#each a}}{{item.n}}；{{/each}}', { a: [{ n: 1 }, { n: 2 }] }, 'body:1；2；'],
    ['a value with tags is not read again', '{{a}}', { a: '{{b}}' }, 'body:{{b}}'],
    ['a value cannot set a mark', '{{a}}', { a: '\ufdd1右' }, 'body:右'],
    ['a value loses its control characters', '{{a}}', { a: '李\u0000华\u0007' }, 'body:李华'],
    ['a template cannot smuggle a sentinel', '\ufdd0甲', {}, 'body:甲'],
    ['Windows line breaks', '甲\r\n\r\n乙', {}, 'body:甲|body:乙'],
  ])('%s', (_situation, text, values, expected) => {
    expect(run(text, values)).toBe(expected);
  });

  it.each([
    [undefined, false],
    [null, false],
    ['', false],
    [' ', false],
    [false, false],
    [[], false],
    ['x', true],
    [0, true],
    [true, true],
    [['x'], true],
  ])('isPresent(%j) is %s', (value, expected) => {
    expect(isPresent(value)).toBe(expected);
  });
});
