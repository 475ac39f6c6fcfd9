import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../../contract/reports.ts';
import { REPORT_SECTIONS } from '../../domain/report/sections.ts';
import { minimalReport } from '../../render/testing.ts';
import { reportJson } from './report-json.ts';

describe('reportJson', () => {
  const report = minimalReport();
  const json = reportJson(report);

  it('names the agency by code and name', () => {
    expect(json).toMatchObject({
      agency: 'test',
      year: 2021,
      agencyName: '测试区管理委员会',
      publishedOn: null,
    });
  });

  it('keys the six sections in order, narrative ones with their printed paragraphs', () => {
    expect(Object.keys(json.sections)).toEqual(REPORT_SECTIONS.map((s) => s.key));
    expect(json.sections.overview.paragraphs).toEqual([
      '1.主动公开。公开信息10条。',
      '2.依申请公开。本年新收申请6件。',
    ]);
    expect(json.sections.requests).toEqual({ heading: '三、收到和处理政府信息公开申请情况', table: 't3' });
    expect(json.sections.other.paragraphs).toEqual(['无其他需要报告的事项。']);
  });

  it('keeps every cell, the 万元 cell as a decimal string', () => {
    expect(json.cells).toEqual(report.cells);
    expect(json.cells['t2.fees.amount_wan']).toBe('0.35');
  });

  it.each(['2019', '2021'] as const)('carries the report’s format, %s', (format) => {
    const json = reportJson(minimalReport({ format }));
    expect(json.format).toBe(format);
    expect(reportJsonSchema.parse(json).format).toBe(format);
  });

  it('matches its own schema (the API response schema)', () => {
    expect(reportJsonSchema.parse(json)).toEqual(json);
  });

  it('does not share arrays with the report', () => {
    json.preamble.push('x');
    expect(report.preamble).toHaveLength(1);
  });
});
