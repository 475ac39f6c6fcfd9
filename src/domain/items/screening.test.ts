import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../identity/credit-code.ts';
import {
  BUILTIN_SCREENING_WORDS,
  type FindingKind,
  findingPlaceLabel,
  isBankCardNumber,
  luhn,
  screeningWordProblem,
  screenText,
  screenTexts,
  unconfirmedFindingsMessage,
} from './screening.ts';

/** GB 11643 computed apart from the code under test: Σ digit × (2^(17−i) mod 11) → 1 0 X 9 8 7 6 5 4 3 2. */
function withCheckCode(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (2 ** (17 - i) % 11), 0);
  return first17 + '10X98765432'[sum % 11];
}

/** A Luhn check digit computed apart from the code under test (double every second digit from the right). */
function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d++) {
    const n = body + d;
    const sum = [...n]
      .reverse()
      .map(Number)
      .reduce((s, x, i) => s + (i % 2 ? (x * 2 > 9 ? x * 2 - 9 : x * 2) : x), 0);
    if (sum % 10 === 0) return n;
  }
  throw new Error('unreachable');
}

function wrongLast(n: string): string {
  const last = n.at(-1) === 'X' ? '0' : String((Number(n.at(-1)) + 1) % 10);
  return n.slice(0, -1) + last;
}

const ID_X = withCheckCode('11010519491231002'); // the standard's own example, check code X
const ID = withCheckCode('37100219850615301');
const CARD_19 = withLuhn('622202020000123456');
const CARD_16 = withLuhn('436742000012345');
const kinds = (text: string, words = BUILTIN_SCREENING_WORDS) =>
  screenText({ where: 'body', text }, words).map((f) => f.kind);

describe('personal data and 密级 marks: what is found', () => {
  it.each<[string, string, FindingKind[]]>([
    ['an 18-digit ID number with its check code', `申请人身份证号${ID}，现住`, ['id_number']],
    ['an ID number ending in X', `身份证：${ID_X}。`, ['id_number']],
    ['an ID number ending in lowercase x', `号码 ${ID_X.toLowerCase()} 已核`, ['id_number']],
    ['an old 15-digit ID number with a real date', '原身份证号码370102850615123登记', ['id_number']],
    ['a mobile number', '联系电话13800138000。', ['phone']],
    ['a mobile number starting 19', '手机：19912345678', ['phone']],
    ['a mobile number written in groups', '手机 138 0013 8000 联系', ['phone']],
    ['a mobile number with hyphens', '手机138-0013-8000', ['phone']],
    ['a 19-digit UnionPay card', `收款账号${CARD_19}`, ['bank_card']],
    ['a 16-digit card', `卡号：${CARD_16}`, ['bank_card']],
    ['a card in groups of four', `卡号 ${CARD_16.replace(/(\d{4})(?=\d)/g, '$1 ')} 户名张三`, ['bank_card']],
    ['秘密★ alone', '秘密★', ['secret_mark']],
    ['机密★1年 on its own line', '001\n机密★1年\n特急', ['secret_mark']],
    ['绝密★长期', '绝密★长期', ['secret_mark']],
    ['秘密★6个月 with spaces', '秘密 ★ 6个月', ['secret_mark']],
    ['a 密级 alone on its line, GB/T 9704—1999 spacing', '份号000123\n机　密\n关于……的通知', ['secret_mark']],
    ['a 密级 alone on a line with no space', '绝密\n正文', ['secret_mark']],
    ['two findings in order', `电话13900001111，身份证${ID}`, ['phone', 'id_number']],
  ])('%s', (_case, text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });
});

describe('personal data and 密级 marks: what is not found', () => {
  it.each<[string, string]>([
    ['an 18-digit number with a wrong check code', `编号${wrongLast(ID)}`],
    ['an 18-digit number with an impossible birth date', `编号${withCheckCode('37100219851315301')}`],
    ['an ID number inside a longer digit run', `流水号9${ID}`],
    ['a 15-digit number with no real date', '注册号370102851345123'],
    ['a 15-digit number from no province', '注册号990102850615123'],
    ['eleven digits not starting 13–19', '编号12800138000'],
    ['a mobile-shaped run inside a longer run', '订单号2138001380001'],
    ['a mobile-shaped run after letters (a code)', '批次AB13800138000'],
    ['an office telephone', '咨询电话：0631-5288888'],
    ['a card number failing Luhn', `卡号${wrongLast(CARD_19)}`],
    ['a Luhn-valid run starting 1 (not a card scheme)', `编号${withLuhn('123456789012345')}`],
    ['an amount', '共计1234567.89元'],
    ['a 文号 and a date', '临政发〔2021〕12号，2021年6月1日'],
    ['秘密进行 without ★', '调查工作秘密进行，不得外传'],
    ['机密文件 in a sentence', '严禁携带机密文件外出'],
    ['绝密 inside a sentence on its own', '此事绝密，切勿声张'],
    ['a ★ rating', '满意度★★★★'],
    ['保密 and 内部 are not 密级', '注意保密\n内部资料'],
  ])('%s', (_case, text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('错敏词', () => {
  const words = [
    ...BUILTIN_SCREENING_WORDS,
    { word: '临港区人民政腐', correction: '临港区人民政府', note: '机构名称' },
    { word: '常务委', correction: '常务委员会', note: '简称不规范' },
    { word: '内部通报', correction: null, note: '不宜公开' },
  ];
  it.each<[string, string, string[]]>([
    ['a built-in wrong name', '《中华人民共合国政府信息公开条例》', ['改为“中华人民共和国”']],
    ['the correct form is not a finding', '《中华人民共和国政府信息公开条例》', []],
    ['an agency entry', '临港区人民政腐办公室', ['改为“临港区人民政府”']],
    ['a wrong form inside its own correct form is not a finding', '区人大常务委员会', []],
    ['the wrong form apart from its correct form is', '区人大常务委会议', ['改为“常务委员会”']],
    ['an entry without correction', '本件为内部通报', ['请核实后修改或删除']],
    ['each occurrence', '内部通报、内部通报', ['请核实后修改或删除', '请核实后修改或删除']],
  ])('%s', (_case, text, suggestions) => {
    expect(screenText({ where: 'title', text }, words).map((f) => f.suggestion)).toEqual(suggestions);
  });

  it('keeps the note, the offset and the text around the match', () => {
    const [finding] = screenText({ where: 'title', text: '关于临港区人民政腐的通知' }, words);
    expect(finding).toMatchObject({
      kind: 'word',
      where: 'title',
      match: '临港区人民政腐',
      before: '关于',
      after: '的通知',
      offset: 2,
      note: '机构名称',
    });
  });
});

describe('what a finding shows', () => {
  it('masks personal data and names the attachment', () => {
    const findings = screenTexts(
      [
        { where: 'title', text: '通知' },
        { where: 'attachment', attachment: '名单.docx', text: `张三 ${ID} 13800138000 ${CARD_19}` },
      ],
      [],
    );
    expect(findings.map((f) => [f.kind, f.match, findingPlaceLabel(f)])).toEqual([
      ['id_number', `${ID.slice(0, 6)}********${ID.slice(-4)}`, '附件“名单.docx”'],
      ['phone', '138****8000', '附件“名单.docx”'],
      ['bank_card', `6222${'*'.repeat(11)}${CARD_19.slice(-4)}`, '附件“名单.docx”'],
    ]);
    expect(JSON.stringify(findings)).not.toContain(ID);
    expect(JSON.stringify(findings)).not.toContain('13800138000');
    expect(findings[1].before).toBe(`*******${ID.slice(-4)} `); // the last 12 characters of 371***********3017 + space
    expect(findings[0].after).toBe(' 138****8000');
  });

  it('says what was found when refusing', () => {
    const findings = screenText({ where: 'body', text: `机密★1年 13800138000 13900139000` }, []);
    expect(unconfirmedFindingsMessage(findings)).toContain('手机号码2处、密级标志1处');
  });
});

describe('the checks themselves', () => {
  it.each<[string, boolean]>([
    ['79927398713', true],
    ['79927398710', false],
    [CARD_19, true],
  ])('luhn(%s) = %s', (n, ok) => expect(luhn(n)).toBe(ok));

  it('an ID number is never a bank card, even when Luhn passes', () => {
    const luhnId = [...Array(1000).keys()]
      .map((i) => withCheckCode(`3710021985061${String(i).padStart(4, '0')}`))
      .find((n) => /^\d+$/.test(n) && luhn(n));
    expect(luhnId).toBeDefined();
    expect(isBankCardNumber(luhnId as string)).toBe(false);
  });

  it('a 统一社会信用代码 of digits only is never a bank card, even when Luhn passes', () => {
    const code = [...Array(2000).keys()]
      .map((i) => `913710${String(i).padStart(11, '0')}`)
      .map((first17) => first17 + creditCodeCheckCharacter(first17))
      .find((n) => /^\d{18}$/.test(n) && luhn(n));
    expect(code).toBeDefined();
    expect(isBankCardNumber(code as string)).toBe(false);
    expect(kinds(`统一社会信用代码：${code}`)).toEqual([]);
  });

  it.each<[string, { word: string; correction?: string | null; note?: string }, string | null]>([
    ['an entry', { word: '政腐', correction: '政府' }, null],
    ['no word', { word: '  ' }, 'word'],
    ['one character', { word: '腐' }, 'word'],
    ['a correction equal to the word', { word: '政府', correction: '政府' }, 'correction'],
    ['a long note', { word: '政腐', note: '说'.repeat(201) }, 'note'],
  ])('word list entry: %s', (_case, entry, field) => {
    expect(screeningWordProblem(entry)?.field ?? null).toBe(field);
  });
});
