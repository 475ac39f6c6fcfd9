/**
 * Every letter as it leaves: the 答复书 of every outcome on every legal basis (条例 第十四–十六条,
 * 第三十–三十九条, 第四十二条) and every other kind (补正 第三十条, 征求意见 第三十二条/第三十四条, 延期
 * 第三十三条, 收费 第四十二条/109号, 回执 第三十一条), in HTML and in DOCX, read as text: no open `{…}`,
 * no blank, no doubled punctuation, no empty 理由.
 */
import { describe, expect, it } from 'vitest';
import { answerSection } from '../../domain/letters/answer-section.ts';
import { answerKind, LETTER_KINDS, type LetterKind } from '../../domain/letters/kinds.ts';
import type { LetterData } from '../../domain/letters/letter-data.ts';
import { BLANK } from '../../domain/letters/print.ts';
import {
  correctionLetterData,
  SAMPLE_CORRECTION_DECISIONS,
  SAMPLE_INSPECTION,
  sampleDecision,
  sampleLetterData,
} from '../../domain/letters/testing.ts';
import { OUTCOMES } from '../../domain/report/vocabulary.ts';
import { OUTCOME_BASES } from '../../domain/requests/outcome-basis.ts';
import { renderLetterDocx } from './docx.ts';
import { renderLetterHtml } from './html.ts';
import { docxPart, docxText, htmlText } from './testing.ts';

/** Two marks in a row that never meet in a well-written sentence. */
const DOUBLED = /[。；，、：！？][。；，、：！？]|（）|“”/u;
/** A 理由/依据 introduced and left empty: “理由是：。”, “理由：”, “联系方式：。” */
const EMPTY_AFTER_COLON = /：[。；，）]|理由(是)?：\s*$/mu;

const formats = [
  ['HTML', async (kind: LetterKind, data: LetterData) => htmlText(renderLetterHtml(kind, data))],
  [
    'DOCX',
    async (kind: LetterKind, data: LetterData) =>
      docxText(await docxPart(await renderLetterDocx(kind, data))),
  ],
] as const;

function expectWhole(text: string): void {
  expect(text).not.toMatch(/[{}]/);
  expect(text).not.toContain(BLANK);
  expect(text).not.toMatch(DOUBLED);
  expect(text).not.toMatch(EMPTY_AFTER_COLON);
  expect(text).not.toContain('undefined');
}

const answers = OUTCOMES.flatMap((outcome) =>
  OUTCOME_BASES[outcome].flatMap((basis) =>
    formats.map(([format, render]) => [outcome, basis.code, format, render] as const),
  ),
);

describe('every 答复书, every outcome × legal basis × format', () => {
  it.each(answers)(
    '%s on %s as %s has no hole and no doubled punctuation',
    async (outcome, code, _f, render) => {
      const result = answerSection(sampleDecision(outcome, code));
      if (!result.ok) throw new Error(result.message);
      expect(result.missing).toEqual([]);
      const text = await render(
        answerKind(outcome),
        sampleLetterData({ answer: result.answer, remedies: result.remedies }),
      );
      expectWhole(text);
      expect(text).toContain(result.answer.statement);
      expect(text).toContain('政府信息公开申请答复书');
    },
  );

  it.each(OUTCOMES.flatMap((o) => OUTCOME_BASES[o].map((b) => [o, b.code] as const)))(
    '%s on %s: the statement ends once, and a 理由 is never empty',
    (outcome, code) => {
      const result = answerSection(sampleDecision(outcome, code));
      if (!result.ok) throw new Error(result.message);
      expect(result.answer.statement).toMatch(/[^。；，]。$/u);
      expect(result.answer.statement).not.toMatch(/理由是：[。；]/u);
    },
  );
});

const others: ReadonlyArray<readonly [string, LetterKind, LetterData]> = [
  ['登记回执 (第三十一条)', 'receipt', sampleLetterData()],
  [
    '登记回执 of an oral application (第二十九条第一款), confirmed by signature',
    'receipt',
    sampleLetterData({ case: { ...sampleLetterData().case, oralConfirmation: '经您当场签字确认' } }),
  ],
  [
    '登记回执 of an oral application confirmed otherwise (第二十九条第一款)',
    'receipt',
    sampleLetterData({ case: { ...sampleLetterData().case, oralConfirmation: '经您确认（按指印确认）' } }),
  ],
  [
    '登记回执 of a request answered on the spot (第三十三条第一款)',
    'receipt',
    sampleLetterData({ receipt: { onTheSpot: true } }),
  ],
  ['补正告知书 (第三十条)', 'correction', sampleLetterData()],
  [
    '补正告知书 with items typed without a full stop',
    'correction',
    sampleLetterData({ correction: { items: ['请写明文件名称', '请提供身份证明；'], dueOn: '2021-03-22' } }),
  ],
  ['第三方意见征询函 (第三十二条)', 'consultation', sampleLetterData()],
  [
    '征求其他机关意见函 (第三十四条)',
    'consultation',
    sampleLetterData({
      consultation: {
        toAgency: true,
        party: '威海市生态环境局',
        question: '是否同意公开',
        replyDueOn: '2021-03-29',
        coProducers: '威海市生态环境局、威海市住房和城乡建设局',
      },
    }),
  ],
  ['延期答复告知书 (第三十三条第二款)', 'extension', sampleLetterData()],
  [
    '延期答复告知书 with a reason typed with a full stop',
    'extension',
    sampleLetterData({ extension: { days: 10, newDueOn: '2021-04-14', reason: '需要调取档案。' } }),
  ],
  ['收费通知书 (第四十二条, 109号)', 'fee', sampleLetterData()],
  ['提供方式告知书, the form asked for (第四十条)', 'provision', sampleLetterData()],
  [
    '提供方式告知书, 电子数据 instead of paper (第四十条: 可能危及政府信息载体安全)',
    'provision',
    sampleLetterData({
      provision: {
        inspection: false,
        decidedOn: '2021-03-26',
        outcomeLabel: '予以公开',
        formLabel: '电子数据',
        reason: '可能危及政府信息载体安全',
        how: '扫描件已于2021年3月29日发送至您的电子邮箱。',
      },
    }),
  ],
  ['查阅、抄录通知书 (第四十条)', 'provision', sampleLetterData({ provision: SAMPLE_INSPECTION })],
  [
    '更正申请登记回执 (第四十一条)',
    'correction_receipt',
    correctionLetterData(SAMPLE_CORRECTION_DECISIONS.corrected),
  ],
  [
    '更正申请登记回执 (第四十一条) without a guidance date',
    'correction_receipt',
    sampleLetterData({ case: { ...sampleLetterData().case, answerDueOn: undefined } }),
  ],
  ...Object.entries(SAMPLE_CORRECTION_DECISIONS).map(
    ([outcome, decision]) =>
      [
        `更正申请答复书 (第四十一条): ${outcome}`,
        'correction_answer',
        correctionLetterData(decision),
      ] as const,
  ),
  [
    '更正申请答复书 (第四十一条) with staff texts typed with full stops',
    'correction_answer',
    correctionLetterData({
      outcome: 'refused',
      ground: 'not_verified',
      reason: '经核对原始档案，家庭人口确为4人。。',
    }),
  ],
];

describe('every other letter kind × format', () => {
  it('covers every kind that is not an answer', () => {
    const covered = new Set(others.map(([, kind]) => kind));
    expect(LETTER_KINDS.filter((k) => !k.startsWith('answer.') && !covered.has(k))).toEqual([]);
  });

  it.each(
    others.flatMap(([name, kind, data]) =>
      formats.map(([format, render]) => [name, format, kind, data, render] as const),
    ),
  )('%s as %s has no hole and no doubled punctuation', async (_name, _format, kind, data, render) => {
    expectWhole(await render(kind, data));
  });
});

describe('staff punctuation, made right once', () => {
  it.each([
    ['a full stop typed twice', '经审查。。', '经审查。'],
    ['a trailing semicolon', '经审查；', '经审查。'],
    ['no full stop', '经审查', '经审查。'],
    ['a question kept', '是否同意公开？', '是否同意公开？'],
    ['a closed quotation kept', '详见“公告。”', '详见“公告。”'],
  ])('%s', async (_situation, reasons, printed) => {
    const result = answerSection({ ...sampleDecision('denied.state_secret', 'a14.secret'), reasons });
    if (!result.ok) throw new Error(result.message);
    const text = htmlText(
      renderLetterHtml(
        'answer.denied',
        sampleLetterData({ answer: result.answer, remedies: result.remedies }),
      ),
    );
    expect(text).toContain(`\n${printed}\n`);
  });
});

describe('a letter with a hole is never rendered', () => {
  const open = answerSection({
    outcome: 'partial',
    items: [{ description: '明细', outcome: 'denied.third_party' }],
  });
  if (!open.ok) throw new Error(open.message);
  const holed = sampleLetterData({ answer: open.answer, remedies: open.remedies });
  it.each(formats)(
    '%s: a 部分公开 without its 理由 (第三十七条) throws LetterIncompleteError',
    async (_f, render) => {
      await expect(render('answer.partial', holed)).rejects.toMatchObject({
        name: 'LetterIncompleteError',
        labels: ['获取的方式、途径和时间', '理由'],
      });
    },
  );
  it('a missing value of the step (the remedies, 第五十一条) throws too, naming it in Chinese', () => {
    const { remedies: _none, ...noRemedies } = sampleLetterData({ answer: open.answer });
    expect(() => renderLetterHtml('answer.partial', noRemedies)).toThrow(/“救济途径”/);
  });
});

describe('条例第四十条: the 提供方式告知书 quotes the article and states the form or the 查阅 day and place', () => {
  const ARTICLE =
    '《中华人民共和国政府信息公开条例》第四十条规定：“行政机关依申请公开政府信息，应当根据申请人的要求及行政机关保存政府信息的实际情况，确定提供政府信息的具体形式；按照申请人要求的形式提供政府信息，可能危及政府信息载体安全或者公开成本过高的，可以通过电子数据以及其他适当形式提供，或者安排申请人查阅、抄录相关政府信息。”';

  it('条例第四十条: in the form asked for, no reason is given', () => {
    const text = htmlText(renderLetterHtml('provision', sampleLetterData()));
    expect(text).toContain('政府信息提供方式告知书');
    expect(text).toContain(ARTICLE);
    expect(text).toContain('本机关已于2021年3月26日作出予以公开的答复。');
    expect(text).toContain(
      '根据上述规定，本机关以纸质形式向您提供相关政府信息：随本告知书邮寄招标文件及中标通知书复印件，共12页。',
    );
    expect(text).not.toContain('经审查');
  });

  it('条例第四十条: 查阅、抄录 names the day, time, place and contact, and why not the form asked for', async () => {
    const data = sampleLetterData({ provision: SAMPLE_INSPECTION });
    for (const text of [
      htmlText(renderLetterHtml('provision', data)),
      docxText(await docxPart(await renderLetterDocx('provision', data))),
    ]) {
      expect(text).toContain('政府信息查阅、抄录通知书');
      expect(text).toContain(
        '您要求的政府信息形式为“纸质，邮寄”。经审查，按照您要求的形式提供政府信息，公开成本过高。',
      );
      expect(text).toContain('本机关安排您查阅、抄录相关政府信息');
      expect(text).toContain('一、查阅日期和时间：2021年4月7日，上午9:00至11:30。');
      expect(text).toContain(
        '二、查阅地点：威海临港经济技术开发区管理委员会党政办公室档案室（江苏东路1号三楼）。',
      );
      expect(text).toContain('三、联系人及联系电话：王明，0631-5587393。');
      expectWhole(text);
    }
  });

  it('条例第四十条: a 查阅 without its place is never rendered (LetterIncompleteError names it)', () => {
    const { place: _none, ...noPlace } = SAMPLE_INSPECTION;
    expect(() => renderLetterHtml('provision', sampleLetterData({ provision: noPlace }))).toThrow(
      /“查阅地点”/,
    );
  });
});

describe('条例第三十三条第一款: the 登记回执 of a request answered on the spot', () => {
  it('条例第三十三条第一款: says it was answered on the spot instead of promising 20 working days', () => {
    const text = htmlText(renderLetterHtml('receipt', sampleLetterData({ receipt: { onTheSpot: true } })));
    expect(text).toContain(
      '根据《中华人民共和国政府信息公开条例》第三十三条第一款的规定，本机关已当场作出答复，答复书与本回执同日出具。',
    );
    expect(text).not.toContain('20个工作日');
    expect(text).toContain('k7m2p9q4r8s3t6v5w2x9y4z7a3b8c5d2');
  });

  it('条例第三十一条、第三十三条: any other receipt states the 20 working days and the due date', () => {
    const text = htmlText(renderLetterHtml('receipt', sampleLetterData()));
    expect(text).toContain(
      '第三十一条、第三十三条的规定，本机关将自收到申请之日起20个工作日内作出答复（即于2021年3月30日前答复）',
    );
    expect(text).not.toContain('当场');
  });
});
