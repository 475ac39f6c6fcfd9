import { describe, expect, it } from 'vitest';
import { CsvError, csvRecords } from './csv.ts';
import { decodeText } from './decode.ts';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function records(text: string, size = 1 << 16): Promise<string[][]> {
  const out: string[][] = [];
  for await (const r of csvRecords(chunked(text, size))) out.push(r);
  return out;
}

async function decoded(bytes: Uint8Array): Promise<string> {
  let text = '';
  for await (const t of decodeText(
    (async function* () {
      yield bytes;
    })(),
  ))
    text += t;
  return text;
}

describe('csvRecords', () => {
  it.each<[string, string, string[][]]>([
    [
      'plain fields, LF',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CR line ends',
      'a,b\r1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'no final line end',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'empty fields',
      ',\n,x,\n',
      [
        ['', ''],
        ['', 'x', ''],
      ],
    ],
    ['a quoted comma', '"a,b",c\n', [['a,b', 'c']]],
    ['an escaped quote', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    [
      'a line break inside quotes',
      '"line 1\r\nline 2",x\ny,z\n',
      [
        ['line 1\r\nline 2', 'x'],
        ['y', 'z'],
      ],
    ],
    ['an empty quoted field', '"",x\n', [['', 'x']]],
    ['a quote inside an unquoted field', 'a"b,c\n', [['a"b', 'c']]],
    [
      'Chinese text',
      '标题,类别\n关于“放管服”的意见,a20.1\n',
      [
        ['标题', '类别'],
        ['关于“放管服”的意见', 'a20.1'],
      ],
    ],
    ['a blank line', 'a\n\nb\n', [['a'], [''], ['b']]],
  ])('%s, in chunks of any size', async (_situation, text, expected) => {
    for (const size of [1, 2, 3, 5, 1 << 16]) expect(await records(text, size)).toEqual(expected);
  });

  it('refuses a quote left open at the end', async () => {
    await expect(records('a,"b\n')).rejects.toBeInstanceOf(CsvError);
  });
});

describe('decodeText', () => {
  it.each<[string, Uint8Array, string]>([
    ['UTF-8 with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('标题')]), '标题'],
    ['UTF-8 without a BOM', new Uint8Array(Buffer.from('标题,类别')), '标题,类别'],
    ['GBK from Excel', new Uint8Array([0xb1, 0xea, 0xcc, 0xe2]), '标题'],
  ])('%s', async (_situation, bytes, expected) => {
    expect(await decoded(bytes)).toBe(expected);
  });
});
