/**
 * Issue 13: a bad number (out of range, or not a number at all) is refused in a Chinese sentence
 * that names the field by its Chinese label and says what to write — never zod's words (“期望
 * number <=10000”, “无效输入”, “Invalid input”, “Expected …”), a field's English name, or a cell code.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachWithDraftDemo } from './databases.ts';
import { demoApp, OPERATOR, PLATFORM } from './report-app.ts';

const AGENCY = '/api/v1/agencies/lingang';
const FIGURES = `${AGENCY}/reports/2021/figures`;
const ZEROS = { licenseDecisions: 0, penaltyDecisions: 0, enforcementDecisions: 0, feesWan: '0' };

/** What no message may say: zod's or a programmer's words, an English field name, a cell code. */
const NOT_FOR_PEOPLE =
  /期望|无效输入|Invalid|Expected|expected|number|string|undefined|\bt\d\.|[a-z]+\.[a-z]+\.[a-z]+|[a-z]+[A-Z][a-z]+/;

describeEachWithDraftDemo('numbers refused in Chinese, by the field’s label (issue 13)', (use) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await demoApp(use(), new Date('2026-03-02T02:00:00Z'));
  });
  afterAll(() => app.close());

  it.each<[string, 'GET' | 'PUT' | 'POST', string, object | undefined, Record<string, string>, string]>([
    ['a negative yearly figure', 'PUT', FIGURES, { ...ZEROS, licenseDecisions: -1 }, OPERATOR, '行政许可'],
    ['a yearly figure as words', 'PUT', FIGURES, { ...ZEROS, penaltyDecisions: '三' }, OPERATOR, '行政处罚'],
    [
      'a yearly figure as true',
      'PUT',
      FIGURES,
      { ...ZEROS, enforcementDecisions: true },
      OPERATOR,
      '行政强制',
    ],
    ['a yearly figure as a list', 'PUT', FIGURES, { ...ZEROS, licenseDecisions: [1] }, OPERATOR, '行政许可'],
    [
      'a fee with seven decimals',
      'PUT',
      FIGURES,
      { ...ZEROS, feesWan: '1.2345678' },
      OPERATOR,
      '最多六位小数',
    ],
    ['a fee too large', 'PUT', FIGURES, { ...ZEROS, feesWan: '10000000000' }, OPERATOR, '超过上限'],
    ['a fee as a number', 'PUT', FIGURES, { ...ZEROS, feesWan: 0.35 }, OPERATOR, '行政事业性收费'],
    [
      'a draft version as text',
      'PUT',
      `${AGENCY}/reports/2021/draft`,
      { expectedVersion: 'x' },
      OPERATOR,
      '版本号',
    ],
    [
      'a negative draft version',
      'PUT',
      `${AGENCY}/reports/2021/draft`,
      { expectedVersion: -1 },
      OPERATOR,
      '版本号',
    ],
    ['a report year that is no year', 'GET', `${AGENCY}/reports/20x1/draft`, undefined, OPERATOR, '年份'],
    [
      'a page of a cell’s records too long',
      'GET',
      `${AGENCY}/reports/2021/cells/t3.new.total/records?limit=100000`,
      undefined,
      OPERATOR,
      '每页条数',
    ],
    [
      'a negative start in a cell’s records',
      'GET',
      `${AGENCY}/reports/2021/cells/t3.new.total/records?offset=-1`,
      undefined,
      OPERATOR,
      '起始位置',
    ],
    ['a queue page too long', 'GET', `${AGENCY}/requests?limit=100000`, undefined, OPERATOR, '每页条数'],
    ['a request number as words', 'GET', `${AGENCY}/requests/abc`, undefined, OPERATOR, '申请编号'],
    ['a request number too large', 'GET', `${AGENCY}/requests/99999999999`, undefined, OPERATOR, '申请编号'],
    ['a calendar year out of range', 'GET', '/api/v1/calendar?year=3000', undefined, {}, '年份'],
    [
      'a calendar override with a number for its date',
      'POST',
      '/api/v1/calendar/overrides',
      { date: 20270105, kind: 'holiday', source: '临政办发〔2026〕1号' },
      PLATFORM,
      '日期',
    ],
    [
      'a registry review naming its document by text',
      'POST',
      `${AGENCY}/registry/reviews/2025`,
      { reviewedOn: '2026-01-10', decisions: [{ documentId: 'x', decision: 'kept' }] },
      OPERATOR,
      '文件',
    ],
    [
      'a registry review with a number for its day',
      'POST',
      `${AGENCY}/registry/reviews/2025`,
      { reviewedOn: 20260110, decisions: [{ documentId: 1, decision: 'kept' }] },
      OPERATOR,
      '清理日期',
    ],
  ])('%s', async (_situation, method, url, payload, headers, label) => {
    const res = await app.inject({ method, url, payload, headers });
    expect(res.statusCode, res.body).toBe(400);
    const { message, details } = res.json().error;
    expect(message).toContain(label);
    expect(message).not.toMatch(NOT_FOR_PEOPLE);
    for (const detail of details ?? []) expect(detail.message).not.toMatch(NOT_FOR_PEOPLE);
  });
});
