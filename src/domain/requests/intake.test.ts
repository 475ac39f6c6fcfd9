import { describe, expect, it } from 'vitest';
import type { ApplicantType, RequestChannel } from '../report/vocabulary.ts';
import {
  type Assistance,
  agencyConsultationRefusal,
  assistanceLabel,
  assistanceProblems,
  coProducersText,
  type JointProduction,
  type OralApplication,
  oralConfirmationSentence,
  oralProblems,
} from './intake.ts';

const ORAL: OralApplication = { difficulty: '申请人不识字，无法书写', confirmation: 'read_back' };

describe('条例第二十九条第一款: an oral application written up by the office', () => {
  it.each<[string, RequestChannel, Partial<OralApplication> | undefined, string[]]>([
    ['an oral application with its reason and confirmation', 'oral', ORAL, []],
    ['confirmed by signature', 'oral', { ...ORAL, confirmation: 'signed' }, []],
    [
      'confirmed otherwise, saying how',
      'oral',
      { ...ORAL, confirmation: 'other', confirmationNote: '按指印' },
      [],
    ],
    ['a letter without oral details', 'letter', undefined, []],
    ['oral without any details', 'oral', undefined, ['oral']],
    [
      'oral without the reason writing is difficult',
      'oral',
      { ...ORAL, difficulty: '  ' },
      ['oral.difficulty'],
    ],
    ['oral without the confirmation', 'oral', { difficulty: ORAL.difficulty }, ['oral.confirmation']],
    [
      'confirmed otherwise without saying how',
      'oral',
      { ...ORAL, confirmation: 'other' },
      ['oral.confirmationNote'],
    ],
    ['oral details on a letter', 'letter', ORAL, ['oral']],
  ])('%s', (_situation, channel, oral, fields) => {
    expect(oralProblems(channel, oral).map((p) => p.field)).toEqual(fields);
  });

  it('names the missing confirmation in Chinese, with the article', () => {
    const [problem] = oralProblems('oral', { difficulty: ORAL.difficulty });
    expect(problem?.message).toContain('当场签字确认');
    expect(oralProblems('oral', undefined)[0]?.message).toContain('条例第二十九条第一款');
  });

  it.each<[string, Pick<OralApplication, 'confirmation' | 'confirmationNote'>, string]>([
    ['signed', { confirmation: 'signed' }, '经您当场签字确认'],
    ['read back', { confirmation: 'read_back' }, '经向您宣读后由您口头确认'],
    [
      'otherwise, the note typed with a full stop',
      { confirmation: 'other', confirmationNote: '按指印。' },
      '经您确认（按指印）',
    ],
  ])('the receipt states the confirmation: %s', (_situation, oral, sentence) => {
    expect(oralConfirmationSentence(oral)).toBe(sentence);
  });
});

const HELP: Assistance = { needs: ['reading'], help: '工作人员逐项宣读申请表并代为填写' };

describe('条例第四十三条: help for a citizen with reading, sight or hearing difficulties', () => {
  it.each<[string, ApplicantType, Partial<Assistance>, string[]]>([
    ['reading difficulty, help written', 'natural_person', HELP, []],
    ['sight and hearing', 'natural_person', { ...HELP, needs: ['visual', 'hearing'] }, []],
    ['no difficulty chosen', 'natural_person', { ...HELP, needs: [] }, ['assistance.needs']],
    ['a difficulty twice', 'natural_person', { ...HELP, needs: ['visual', 'visual'] }, ['assistance.needs']],
    ['no help written', 'natural_person', { needs: ['hearing'], help: ' ' }, ['assistance.help']],
    ['an organization (the article speaks of 公民)', 'business', HELP, ['assistance']],
  ])('%s', (_situation, type, assistance, fields) => {
    expect(assistanceProblems(type, assistance).map((p) => p.field)).toEqual(fields);
  });

  it('labels the difficulties in the article’s order', () => {
    expect(assistanceLabel(['hearing', 'reading'])).toBe('阅读困难、听觉障碍');
  });
});

describe('条例第三十四条: only the 牵头制作 agency consults another agency', () => {
  const joint = (lead: string): JointProduction => ({
    coProducers: ['威海市生态环境局', '威海市住房和城乡建设局'],
    lead,
  });
  it.each<[string, JointProduction, string, string | null]>([
    ['this agency leads, consulting a co-producer', joint('this'), '威海市生态环境局', null],
    [
      'another agency leads',
      joint('威海市生态环境局'),
      '威海市生态环境局',
      '本机关不是牵头制作机关（牵头制作机关为威海市生态环境局）',
    ],
    [
      'this agency leads, consulting an agency that did not co-produce',
      joint('this'),
      '威海市财政局',
      '不在共同制作机关之列',
    ],
  ])('%s', (_situation, production, party, refusal) => {
    const found = agencyConsultationRefusal(production, party);
    if (refusal === null) expect(found).toBeNull();
    else expect(found).toContain(refusal);
  });

  it('the refusal cites 第三十四条 and says what to do instead (第三十六条第（五）项)', () => {
    const message = agencyConsultationRefusal(joint('威海市生态环境局'), '威海市生态环境局') ?? '';
    expect(message).toContain('条例第三十四条');
    expect(message).toContain('第三十六条第（五）项');
  });

  it('names the co-producers as the letter does', () => {
    expect(coProducersText([' 威海市生态环境局', '威海市住房和城乡建设局 '])).toBe(
      '威海市生态环境局、威海市住房和城乡建设局',
    );
  });
});
