import { describe, expect, it } from 'vitest';
import { seedReport } from '../../../../test/fixtures/seed-report.ts';
import type { AnnualReport } from '../types.ts';
import { agencyKindOf, checkReport, copiedShare } from './check.ts';
import type { SourceDocument } from './document.ts';
import { documentOfReport } from './from-report.ts';
import { type ReadReport, readReport } from './read-report.ts';

const report = seedReport();
const read = (r: AnnualReport = report): ReadReport => readReport(documentOfReport(r));

/** The seed report with table cells printed differently (as a careless agency would). */
function printed(change: (doc: SourceDocument) => void): ReadReport {
  const doc = documentOfReport(report);
  change(doc);
  return readReport(doc);
}
function setRow(doc: SourceDocument, label: string, values: string[]) {
  for (const b of doc.blocks) {
    if (b.kind !== 'table') continue;
    for (const row of b.rows) {
      if (!row.some((c) => c.text === label)) continue;
      const first = row.length - values.length;
      values.forEach((v, i) => {
        const cell = row[first + i];
        if (cell) cell.text = v;
      });
    }
  }
}
const rules = (r: ReadReport, previous?: ReadReport) =>
  checkReport(r, { previous: previous ?? null }).map((f) => `${f.rule}:${f.severity}`);

describe('checkReport', () => {
  it('finds nothing wrong in our own report', () => {
    expect(checkReport(read())).toEqual([]);
  });

  it.each<[string, (doc: SourceDocument) => void, string[]]>([
    [
      'a row total that is not the sum of its columns (R4)',
      (d) => setRow(d, '（一）予以公开', ['1', '0', '0', '0', '0', '0', '2']),
      ['R3:error', 'R4:error', 'R9:error'],
    ],
    [
      'new plus carried not equal to decided plus carried (R1)',
      (d) => setRow(d, '四、结转下年度继续办理', ['1', '0', '0', '0', '0', '0', '1']),
      ['R1:error', 'R1:error'],
    ],
    [
      'a zero printed blank: a notice, counted as 0',
      (d) => setRow(d, '（一）予以公开', ['1', '', '0', '0', '0', '0', '1']),
      ['R0:notice'],
    ],
    [
      'a cell that is no number: rules on it not applied, a warning',
      (d) => setRow(d, '（一）予以公开', ['1', '0', '约', '0', '0', '0', '1']),
      ['R0:warning'],
    ],
    [
      'a total printed blank: R4 against the columns, the note saying so',
      (d) => setRow(d, '（一）予以公开', ['1', '0', '0', '0', '0', '0', '']),
      ['R0:notice', 'R3:error', 'R4:error'],
    ],
  ])('%s', (_, change, expected) => {
    expect(rules(printed(change))).toEqual(expected);
  });

  it('R0 names the cells and why, in words a supervisor can paste', () => {
    const [unread] = checkReport(
      printed((d) => setRow(d, '（一）予以公开', ['1', '0', '约', '0', '0', '0', '1'])),
    );
    expect(unread?.cells).toEqual(['t3.granted.research']);
    expect(unread?.message).toBe(
      '表三有1个单元格无法读取（如表三“（一）予以公开”行“法人或其他组织·科研机构”列），原因：表中此格为“约”，不是数字。涉及这些单元格的勾稽关系未作检查，请核对原件。',
    );
    const blankTotal = checkReport(
      printed((d) => setRow(d, '（一）予以公开', ['1', '0', '0', '0', '0', '0', ''])),
    );
    expect(blankTotal.find((f) => f.rule === 'R4')?.message).toBe(
      '表三“（一）予以公开”行：总计列为0，而六类申请人之和为1（表三“（一）予以公开”行“总计”列在报告中为空白，按0计）。',
    );
  });

  it('R9: the narrative against the tables, accepting new or new plus carried-over', () => {
    const withText = (text: string) => {
      const r = read();
      const overview = r.sections[0];
      if (overview) overview.text = text;
      r.claims = readReport({
        source: 'text',
        blocks: [
          { kind: 'paragraph', text: '一、总体情况' },
          { kind: 'paragraph', text },
        ],
      }).claims;
      return checkReport(r).map((f) => f.message);
    };
    expect(withText('全年共收到政府信息公开申请6件。')).toEqual([]);
    expect(withText('全年共收到政府信息公开申请9件。')).toEqual([
      '正文称“共收到政府信息公开申请9件”，而表三“一、本年新收政府信息公开申请数量”行“总计”列为6（也不等于表三“一、本年新收政府信息公开申请数量”行“总计”列加表三“二、上年结转政府信息公开申请数量”行“总计”列之和），请使正文与表格一致。',
    ]);
    // numbers about something else are no claims
    expect(withText('收到网络申请5件，组织培训2次，办理行政复议案件30件。')).toEqual([]);
  });

  it('R7 and R8 against the previous year, R12 when the text is copied', () => {
    const previous = read();
    const now = printed((d) =>
      setRow(d, '二、上年结转政府信息公开申请数量', ['0', '0', '0', '0', '0', '0', '0']),
    );
    // last year's report carried 2 over: this year's 上年结转 of 0 breaks R7
    const before = printed((d) => setRow(d, '四、结转下年度继续办理', ['2', '0', '0', '0', '0', '0', '2']));
    expect(rules(now, before).filter((r) => r.startsWith('R7'))).toEqual(['R7:error', 'R7:error']);
    expect(copiedShare(now, previous).share).toBe(1);
    const copied = checkReport(now, { previous }).find((f) => f.rule === 'R12');
    expect(copied?.message).toMatch(/^正文\d+句中有\d+句（100%）与上一年度报告完全相同/);
  });

  it('R11: section 六 saying no fee notice was issued while table 三 counts unpaid fee notices', () => {
    const r = printed((d) => {
      setRow(d, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', [
        '1',
        '0',
        '0',
        '0',
        '0',
        '0',
        '1',
      ]);
    });
    const other = r.sections.find((s) => s.key === 'other');
    if (other) other.text = '本年度未向申请人发出收费通知，未收取信息处理费。';
    expect(
      checkReport(r)
        .filter((f) => f.rule === 'R11')
        .map((f) => f.sentences),
    ).toEqual([['本年度未向申请人发出收费通知，未收取信息处理费']]);
  });

  it('a missing section heading (R10)', () => {
    const doc = documentOfReport(report);
    doc.blocks = doc.blocks.filter((b) => !(b.kind === 'paragraph' && b.text === '六、其他需要报告的事项'));
    expect(checkReport(readReport(doc)).map((f) => f.message)).toContain(
      '报告缺少“六、其他需要报告的事项”部分（条例第五十条规定的年度报告内容）。',
    );
  });

  it.each([
    ['威海临港经济技术开发区管理委员会', 'development_zone'],
    ['上海市人民政府', 'government'],
    ['上海市人民政府办公厅', 'department'],
    ['北京市朝阳区建外街道办事处', 'township'],
    ['某县某某镇人民政府', 'township'],
    ['某市生态环境局', 'department'],
  ])('the kind of %s is %s', (name, kind) => {
    expect(agencyKindOf(name)).toBe(kind);
  });
});
