import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { itemSource, type SourceRow } from './sources.ts';

async function rowsOf(bytes: Uint8Array): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const row of itemSource(Readable.from([bytes]), 'csv').rows) out.push(row);
  return out;
}

const HEADER = '标题,类别,成文日期,发布日期,正文';
/** The header in GB18030 (GBK), as Excel on a Chinese Windows saves a CSV. */
const GBK_HEADER = new Uint8Array([
  177, 234, 204, 226, 44, 192, 224, 177, 240, 44, 179, 201, 206, 196, 200, 213, 198, 218, 44, 183, 162, 178,
  188, 200, 213, 198, 218, 44, 213, 253, 206, 196, 10,
]);

describe('a CSV item file', () => {
  it('numbers rows as a spreadsheet does, a quoted line break staying inside its row', async () => {
    const text = `\uFEFF${HEADER}\r\n"第一行\r\n续行",a20.1,,,a\r\n\r\nb,,,,c,多出的\r\n`;
    const rows = await rowsOf(new Uint8Array(Buffer.from(text)));
    expect(rows.map((r) => [r.row, r.problems])).toEqual([
      [2, []],
      [4, ['第 6 列有内容，但表头没有这一列的列名']],
    ]);
    expect(rows[0]?.keyed?.values).toMatchObject({ title: '第一行\r\n续行', body: 'a' });
  });

  it('reads a GBK file', async () => {
    const rows = await rowsOf(new Uint8Array([...GBK_HEADER, ...Buffer.from('x,a20.1,,,"y,z"\n')]));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.keyed?.values).toMatchObject({ title: 'x', body: 'y,z' });
    expect(rows[0]?.keyed?.labels).toMatchObject({ title: '标题', body: '正文' });
  });

  it('refuses a quote left open, in Chinese', async () => {
    await expect(rowsOf(new Uint8Array(Buffer.from(`${HEADER}\n"x\n`)))).rejects.toThrow(
      '文件末尾有未闭合的引号，请检查最后一个带引号的单元格',
    );
  });
});
