import { describe, expect, it } from 'vitest';
import { eventSubjectLabel } from './names.ts';
import { type EventLine, eventSummary } from './summary.ts';

const event = (change: Partial<EventLine>): EventLine => ({
  name: 'items.published',
  subjectType: 'item',
  subjectId: '7',
  actor: 'lingang-operator',
  at: '2026-12-06T02:00:00.000Z',
  occurredOn: null,
  stateBefore: null,
  stateAfter: null,
  data: null,
  ...change,
});

describe('eventSummary', () => {
  it.each([
    [
      'an item published',
      event({ stateBefore: 'approved', stateAfter: 'published' }),
      '状态 审查通过待发布 → 已发布',
    ],
    [
      'a case registered (no state before)',
      event({ subjectType: 'request', stateAfter: 'open' }),
      '状态 — → 办理中',
    ],
    [
      'a subject kind without state labels keeps its code',
      event({ subjectType: 'x', stateAfter: 'done' }),
      '状态 — → done',
    ],
    [
      'a day and a reason',
      event({ occurredOn: '2026-12-01', data: { reason: '需要补正' } }),
      '日期 2026-12-01；需要补正',
    ],
    ['nothing to say', event({}), ''],
  ])('%s', (_situation, line, summary) => {
    expect(eventSummary(line)).toBe(summary);
  });
});

describe('eventSubjectLabel', () => {
  it.each([
    ['a case', 'request', '7', '申请 7'],
    ['the demo loader’s import', 'import', 'demo:lingang-items', '导入文件 示例数据'],
    ['an import of a file', 'import', 'items-2021.csv', '导入文件 items-2021.csv'],
    ['the installation’s site settings', 'site_settings', 'installation', '网站信息设置（全平台）'],
    ['an agency’s site settings', 'site_settings', 'agency:1', '网站信息设置（本机关）'],
  ])('%s', (_situation, type, id, label) => {
    expect(eventSubjectLabel(type, id)).toBe(label);
  });
});
