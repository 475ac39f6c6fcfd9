import { describe, expect, it } from 'vitest';
import {
  departsFromRequest,
  type ProvisionInput,
  provisionProblems,
  provisionRefusal,
  provisionSection,
} from './provision.ts';

/** Weekdays are working days, except 2026-12-31 (a made-up holiday for the table). */
const isWorkingDay = (day: string): boolean => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && day !== '2026-12-31';
};
const context = (requestedForm: string | null) => ({ requestedForm, today: '2026-12-07', isWorkingDay });
const INSPECTION: ProvisionInput = {
  method: 'inspection',
  reason: 'cost_too_high',
  date: '2026-12-09',
  time: '上午9:00至11:30',
  place: '本机关档案室',
  contact: '王明，0631-5587393',
};

describe('条例第四十条: which decided cases provide information', () => {
  it.each([
    ['予以公开', 'granted', null],
    ['部分公开', 'partial', null],
    ['不予公开', 'denied.state_secret', '该申请的办理结果为“不予公开”'],
    ['无法提供', 'unable.not_held', '该申请的办理结果为“无法提供”'],
    ['不予处理', 'not_processed.duplicate', '该申请的办理结果为“不予处理”'],
    ['no answer yet', null, '该申请尚未作出提供信息的答复'],
  ] as const)('%s', (_situation, outcome, refusal) => {
    const message = provisionRefusal(outcome, null);
    if (refusal === null) expect(message).toBeNull();
    else {
      expect(message).toContain(refusal);
      expect(message).toContain('条例第四十条');
    }
  });
});

describe('条例第三十六条第（一）项: an answer that points to the published information provides nothing', () => {
  it.each([
    ['予以公开 on 第三十六条第（二）项', 'granted', 'a36.2', null],
    ['予以公开 on 第三十六条第（一）项 (已主动公开)', 'granted', 'a36.1', '第三十六条第（一）项'],
  ] as const)('%s', (_situation, outcome, basis, refusal) => {
    const message = provisionRefusal(outcome, basis);
    if (refusal === null) expect(message).toBeNull();
    else expect(message).toContain(refusal);
  });
});

describe('条例第四十条: whether the form departs from what the applicant asked for', () => {
  it.each([
    ['paper asked, paper given', 'paper', 'paper', false],
    ['e-mail asked, electronic data given', 'email', 'electronic', false],
    ['a disc asked, electronic data given', 'disc', 'electronic', false],
    ['on-site inspection asked, inspection arranged', 'on_site', 'inspection', false],
    ['another form asked, another form given', 'other', 'other', false],
    ['paper asked, electronic data given', 'paper', 'electronic', true],
    ['paper asked, inspection arranged', 'paper', 'inspection', true],
    ['e-mail asked, paper given', 'email', 'paper', true],
    ['nothing recorded (an imported case)', null, 'paper', true],
  ] as const)('%s', (_situation, requested, method, departs) => {
    expect(departsFromRequest(requested, method)).toBe(departs);
  });
});

describe('条例第四十条: what a provision needs', () => {
  it.each([
    ['paper as asked, with how', 'paper', { method: 'paper', how: '随本告知书邮寄复印件' }, []],
    [
      'electronic instead of paper, without the reason',
      'paper',
      { method: 'electronic', how: '已发送电子邮件' },
      ['reason'],
    ],
    [
      'electronic instead of paper, for the carrier’s safety',
      'paper',
      { method: 'electronic', reason: 'carrier_safety', how: '已发送电子邮件' },
      [],
    ],
    ['a form without how it is provided', 'paper', { method: 'paper', how: '  ' }, ['how']],
    ['another form without its name', 'other', { method: 'other', how: '当面交付' }, ['otherForm']],
    ['查阅 on a working day after today', 'paper', INSPECTION, []],
    ['查阅 today', 'paper', { ...INSPECTION, date: '2026-12-07' }, []],
    ['查阅 asked for, no reason needed', 'on_site', { ...INSPECTION, reason: undefined }, []],
    ['查阅 instead of paper without the reason', 'paper', { ...INSPECTION, reason: undefined }, ['reason']],
    ['查阅 yesterday', 'paper', { ...INSPECTION, date: '2026-12-04' }, ['date']],
    ['查阅 on a Saturday', 'paper', { ...INSPECTION, date: '2026-12-12' }, ['date']],
    ['查阅 on a holiday', 'paper', { ...INSPECTION, date: '2026-12-31' }, ['date']],
    ['查阅 on an impossible date', 'paper', { ...INSPECTION, date: '2026-02-30' }, ['date']],
    [
      '查阅 without time, place or contact',
      'on_site',
      { method: 'inspection', date: '2026-12-09', time: '', place: ' ' },
      ['time', 'place', 'contact'],
    ],
  ] as const)('%s', (_situation, requested, input, fields) => {
    const problems = provisionProblems(input as ProvisionInput, context(requested));
    expect(problems.map((p) => p.field)).toEqual(fields);
    for (const p of problems) expect(p.message).toMatch(/[\u4e00-\u9fa5]/u);
  });

  it.each([
    ['a Saturday', '2026-12-12', '不是工作日'],
    ['yesterday', '2026-12-04', '早于今天'],
    ['no date', undefined, '请填写“查阅日期”'],
  ])('条例第四十条: a 查阅 day on %s is refused in Chinese', (_situation, date, message) => {
    const [problem] = provisionProblems({ ...INSPECTION, date }, context('on_site'));
    expect(problem.message).toContain(message);
  });
});

describe('条例第四十条: the letter’s section', () => {
  it('a form: its label, how, and the reason in the article’s words', () => {
    expect(
      provisionSection(
        { method: 'electronic', reason: 'carrier_safety', how: ' 已发送至电子邮箱 ' },
        { decidedOn: '2026-12-07', outcome: 'granted' },
      ),
    ).toEqual({
      inspection: false,
      decidedOn: '2026-12-07',
      outcomeLabel: '予以公开',
      formLabel: '电子数据',
      how: '已发送至电子邮箱',
      reason: '可能危及政府信息载体安全',
    });
  });

  it('another form is named by what staff wrote', () => {
    const section = provisionSection(
      { method: 'other', otherForm: '移动存储介质', how: '当面交付' },
      { decidedOn: '2026-12-07', outcome: 'partial' },
    );
    expect(section).toMatchObject({ formLabel: '移动存储介质', outcomeLabel: '部分公开', reason: undefined });
  });

  it('查阅、抄录: the day, time, place and contact', () => {
    expect(provisionSection(INSPECTION, { decidedOn: '2026-12-07', outcome: 'partial' })).toEqual({
      inspection: true,
      decidedOn: '2026-12-07',
      outcomeLabel: '部分公开',
      reason: '公开成本过高',
      date: '2026-12-09',
      time: '上午9:00至11:30',
      place: '本机关档案室',
      contact: '王明，0631-5587393',
    });
  });
});
