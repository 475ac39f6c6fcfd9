import { describe, expect, it } from 'vitest';
import { parseLine } from './parse-line.ts';

const AGENCY = {
  type: 'agency',
  code: 'lingang',
  name: '威海临港经济技术开发区管理委员会',
  short_name: '临港区',
  kind: 'development_zone',
  address: '威海临港经济技术开发区江苏东路',
  postcode: '264211',
  phone: '0631-5587393',
  website: 'http://www.wip.gov.cn',
  website_name: '威海临港经济技术开发区管委会网站',
  office: '党政办公室',
};
const PUBLICATION = {
  type: 'publication',
  agency: 'lingang',
  ref: 'p-2021-1',
  title: '关于优化营商环境的实施意见',
  category: 'a20.1',
  channel: 'website',
  formed: '2021-03-01',
  published: '2021-03-05',
  policy_document: true,
};
const INTERPRETATION = {
  ...PUBLICATION,
  ref: 'i-2021-1',
  title: '《关于优化营商环境的实施意见》政策解读',
  policy_document: false,
  interpretation: true,
  interprets: 'p-2021-1',
};
const NORMATIVE = {
  type: 'normative_document',
  agency: 'lingang',
  kind: 'normative',
  number: '威临管发〔2021〕1号',
  title: '关于……的规定',
  issued: '2021-02-26',
  repealed: null,
};
const ADMIN = {
  type: 'admin_figures',
  agency: 'lingang',
  year: 2021,
  license: 5416,
  penalty: 271,
  enforcement: 21,
  fees_wan: '706',
};
const REQUEST = {
  type: 'request',
  agency: 'lingang',
  ref: 'r-1',
  applicant_type: 'natural_person',
  channel: 'online',
  received: '2021-04-21',
  decided: '2021-05-18',
  outcome: 'partial',
  items: ['granted', 'unable.not_held'],
};
const REVIEW = {
  type: 'review_case',
  agency: 'lingang',
  group: 'review',
  request: 'r-1',
  filed: '2021-06-20',
  decided: null,
  result: null,
};

const line = (value: unknown): string => JSON.stringify(value);

describe('parseLine: good lines', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'an agency',
      AGENCY,
      { type: 'agency', code: 'lingang', kind: 'development_zone', office: '党政办公室' },
    ],
    [
      'an agency with only the required fields',
      { type: 'agency', code: 'a-1', name: '某部门', kind: 'department' },
      { short_name: '', address: '' },
    ],
    [
      'an agency with where its answers send the applicant (复议法 第二十三条第二款)',
      {
        ...AGENCY,
        review_body: ' 威海市人民政府 ',
        court: '威海市环翠区人民法院',
        complaint_channel: '威海市人民政府办公室',
      },
      {
        review_body: '威海市人民政府',
        court: '威海市环翠区人民法院',
        complaint_channel: '威海市人民政府办公室',
      },
    ],
    [
      'an agency with its own channels',
      { ...AGENCY, channels: [{ code: 'app', name: '客户端' }] },
      { channels: [{ code: 'app', name: '客户端' }] },
    ],
    [
      'a policy document',
      PUBLICATION,
      { type: 'publication', policy_document: true, interpretation: false, meeting: false },
    ],
    [
      'an interpretation that names what it interprets',
      INTERPRETATION,
      { interpretation: true, interprets: 'p-2021-1' },
    ],
    [
      'a publication published the day it was formed',
      { ...PUBLICATION, published: '2021-03-01' },
      { published: '2021-03-01' },
    ],
    ['a normative document in force', NORMATIVE, { type: 'normative_document', repealed: null }],
    ['a normative document without “repealed”', { ...NORMATIVE, repealed: undefined }, { repealed: null }],
    [
      'a repealed 规章',
      { ...NORMATIVE, kind: 'regulation', repealed: '2021-12-31' },
      { kind: 'regulation', repealed: '2021-12-31' },
    ],
    ['admin figures', ADMIN, { type: 'admin_figures', year: 2021, fees_wan: '706' }],
    ['admin figures with four decimals', { ...ADMIN, fees_wan: '12.3456' }, { fees_wan: '12.3456' }],
    [
      'admin figures to the 分 (six decimals)',
      { ...ADMIN, fees_wan: '24252.311082' },
      { fees_wan: '24252.311082' },
    ],
    [
      'admin figures with trailing zeros, kept as written',
      { ...ADMIN, fees_wan: '0.350000' },
      { fees_wan: '0.350000' },
    ],
    ['a decided request with items', REQUEST, { type: 'request', outcome: 'partial', fee_yuan: 0 }],
    [
      'an undecided request',
      { ...REQUEST, decided: null, outcome: null, items: undefined },
      { decided: null, outcome: null, items: [] },
    ],
    [
      'a request decided the day it was received',
      { ...REQUEST, decided: '2021-04-21' },
      { decided: '2021-04-21' },
    ],
    ['a request with a fee', { ...REQUEST, fee_yuan: 300 }, { fee_yuan: 300 }],
    ['a pending review case', REVIEW, { type: 'review_case', decided: null, result: null }],
    [
      'a decided suit',
      { ...REVIEW, group: 'suit_direct', decided: '2021-09-01', result: 'corrected' },
      { result: 'corrected' },
    ],
    ['text fields are trimmed', { ...NORMATIVE, title: '  关于……的规定  ' }, { title: '关于……的规定' }],
  ])('accepts %s', (_situation, value, expected) => {
    const parsed = parseLine(line(value));
    expect(parsed).toEqual({ ok: true, record: expect.objectContaining(expected) });
  });
});

describe('parseLine: bad lines', () => {
  it.each<[string, string, string]>([
    ['not JSON', '{"type":"request",', '不是有效的 JSON'],
    ['an empty line', '', '不是有效的 JSON'],
    ['a JSON array', '[]', '应为一个 JSON 对象'],
    ['a JSON number', '42', '应为一个 JSON 对象'],
    ['JSON null', 'null', '应为一个 JSON 对象'],
    ['no type', line({ agency: 'lingang' }), '字段 type 应为以下之一'],
    [
      'an unknown type',
      line({ ...REQUEST, type: 'complaint' }),
      '字段 type 应为以下之一：agency、publication',
    ],
    ['a type that is not text', line({ ...REQUEST, type: 1 }), '字段 type 应为以下之一'],
    [
      'a date that does not exist',
      line({ ...REQUEST, received: '2021-02-30' }),
      '字段 received 的值“2021-02-30”不是有效日期',
    ],
    [
      '29 February of a common year',
      line({ ...NORMATIVE, issued: '2021-02-29' }),
      '字段 issued 的值“2021-02-29”不是有效日期',
    ],
    [
      'a date in another format',
      line({ ...PUBLICATION, published: '2021/03/05' }),
      '字段 published 的值“2021/03/05”不是有效日期',
    ],
    ['a missing date', line({ ...REVIEW, filed: undefined }), '字段 filed 缺失或不是文本'],
    [
      'an unknown outcome',
      line({ ...REQUEST, outcome: 'refused' }),
      '字段 outcome 应为以下之一：granted、partial',
    ],
    [
      'an unknown item outcome',
      line({ ...REQUEST, items: ['granted', 'maybe'] }),
      '字段 items[] 应为以下之一',
    ],
    [
      'an unknown applicant type',
      line({ ...REQUEST, applicant_type: 'company' }),
      '字段 applicant_type 应为以下之一',
    ],
    ['an unknown request channel', line({ ...REQUEST, channel: 'email' }), '字段 channel 应为以下之一'],
    [
      'a misspelt field (recieved), which must not pass silently',
      line({ ...REQUEST, recieved: '2021-03-01' }),
      '未知字段 “recieved”：请检查拼写（这一类记录可用的字段：type、agency、ref',
    ],
    [
      'two unknown fields of an agency',
      line({ ...AGENCY, adress: 'x', fax: 'y' }),
      '未知字段 “adress”、“fax”',
    ],
    [
      'an unknown field inside a channel',
      line({ ...AGENCY, channels: [{ code: 'wx', name: '微信', url: 'x' }] }),
      '未知字段 “url”',
    ],
    ['an unknown agency kind', line({ ...AGENCY, kind: 'ministry' }), '字段 kind 应为以下之一'],
    ['an unknown category', line({ ...PUBLICATION, category: 'a20.16' }), '字段 category 应为以下之一'],
    [
      'an unknown review result',
      line({ ...REVIEW, decided: '2021-09-01', result: 'won' }),
      '字段 result 应为以下之一',
    ],
    [
      'decided without outcome',
      line({ ...REQUEST, outcome: null }),
      '已办结的申请须同时有 decided 和 outcome',
    ],
    [
      'an outcome without decided',
      line({ ...REQUEST, decided: null }),
      '已办结的申请须同时有 decided 和 outcome',
    ],
    [
      'decided before received',
      line({ ...REQUEST, decided: '2021-04-20' }),
      '办结日期 decided 早于收到日期 received',
    ],
    [
      'a review decided without result',
      line({ ...REVIEW, decided: '2021-09-01' }),
      '已审结的案件须同时有 decided 和 result',
    ],
    [
      'a review decided before filed',
      line({ ...REVIEW, decided: '2021-06-19', result: 'upheld' }),
      '审结日期 decided 早于立案日期 filed',
    ],
    [
      'published before formed',
      line({ ...PUBLICATION, published: '2021-02-28' }),
      '发布日期 published 早于成文日期 formed',
    ],
    [
      'repealed before issued',
      line({ ...NORMATIVE, repealed: '2021-02-25' }),
      '废止日期 repealed 早于制发日期 issued',
    ],
    [
      'interprets without the interpretation flag',
      line({ ...INTERPRETATION, interpretation: false }),
      '有 interprets 的记录应同时写 "interpretation": true',
    ],
    [
      'fees_wan with seven decimals',
      line({ ...ADMIN, fees_wan: '1.2345678' }),
      '字段 fees_wan（行政事业性收费 本年收费金额，万元）的值“1.2345678”小数超过六位（1分为0.000001万元），应为不小于0、最多六位小数的金额（万元），不超过999999999.999999万元。',
    ],
    ['fees_wan negative', line({ ...ADMIN, fees_wan: '-1' }), '的值“-1”不能为负数'],
    ['fees_wan with a thousands separator', line({ ...ADMIN, fees_wan: '24,252.311082' }), '不是数字写法'],
    ['fees_wan beyond the bound', line({ ...ADMIN, fees_wan: '1000000000' }), '超过上限999999999.999999万元'],
    [
      'fees_wan as a number',
      line({ ...ADMIN, fees_wan: 706 }),
      '字段 fees_wan（行政事业性收费 本年收费金额，万元）应为文本形式的万元金额',
    ],
    ['a negative count', line({ ...ADMIN, license: -1 }), '字段 license 不能为负数'],
    ['a fractional count', line({ ...ADMIN, penalty: 2.5 }), '字段 penalty 应为整数'],
    ['a count given as text', line({ ...ADMIN, enforcement: '21' }), '字段 enforcement 应为数字'],
    ['a negative fee', line({ ...REQUEST, fee_yuan: -5 }), '字段 fee_yuan 不能为负数'],
    ['a year before 1990', line({ ...ADMIN, year: 1989 }), '字段 year 应为四位年份'],
    ['an empty title', line({ ...NORMATIVE, title: '   ' }), '字段 title 不能为空'],
    [
      'an agency code with capitals',
      line({ ...AGENCY, code: 'LinGang' }),
      '字段 code 只能用小写字母、数字、- 和 _',
    ],
    [
      'a flag that is not a boolean',
      line({ ...PUBLICATION, meeting: 'yes' }),
      '字段 meeting 应为 true 或 false',
    ],
  ])('rejects %s, saying why', (_situation, text, reason) => {
    const parsed = parseLine(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });

  it('names every bad field of one line', () => {
    const parsed = parseLine(line({ ...REQUEST, received: '2021-02-30', channel: 'email' }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toContain('字段 received');
      expect(parsed.reason).toContain('字段 channel');
    }
  });

  // Every message names its field, parent included.
  it.each([
    ['a parent agency code that is a number', line({ ...AGENCY, parent: 5 })],
    ['a parent agency code that is a list', line({ ...AGENCY, parent: ['city'] })],
  ])('names the field for %s', (_situation, text) => {
    const parsed = parseLine(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain('字段 parent');
  });

  // Names inherited from Object.prototype are not record types.
  it.each([
    ['toString', 'toString'],
    ['constructor', 'constructor'],
    ['__proto__', '__proto__'],
    ['hasOwnProperty', 'hasOwnProperty'],
  ])('rejects the inherited property name “%s” as a type without throwing', (_situation, type) => {
    expect(() => parseLine(line({ type }))).not.toThrow();
    expect(parseLine(line({ type }))).toEqual({
      ok: false,
      reason:
        '字段 type 应为以下之一：agency、publication、normative_document、admin_figures、request、review_case',
    });
  });
});

describe('parseLine: a file saved with a byte-order mark', () => {
  it('reads a first line that starts with U+FEFF (Windows editors write it)', () => {
    const parsed = parseLine(`\uFEFF${line(REQUEST)}`);
    expect(parsed.ok).toBe(true);
  });
});

describe('parseLine: 2,000 generated lines never throw', () => {
  it('answers every mutated or random line with a record or a Chinese reason', () => {
    let seed = 20261206;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const values: unknown[] = [
      null,
      true,
      0,
      -1,
      1e308,
      '',
      ' ',
      '2021-02-30',
      'x'.repeat(3000),
      [],
      {},
      ['granted'],
      '\uD800',
      '__proto__',
    ];
    let refused = 0;
    for (let i = 0; i < 2000; i++) {
      const base = { ...pick([AGENCY, PUBLICATION, REQUEST, REVIEW]) } as Record<string, unknown>;
      for (let k = 0; k <= Math.floor(next() * 3); k++) {
        const key = pick([...Object.keys(base), 'extra', 'constructor', '__proto__']);
        if (next() < 0.25) delete base[key];
        else base[key] = pick(values);
      }
      const text =
        next() < 0.1
          ? String.fromCharCode(...Array.from({ length: 40 }, () => Math.floor(next() * 0x3000)))
          : line(base);
      const parsed = parseLine(text);
      if (!parsed.ok) {
        refused++;
        expect(parsed.reason).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(refused).toBeGreaterThan(1000);
  });
});
