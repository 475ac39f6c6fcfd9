/**
 * 发布前自查 (issue 15): an item's title, body and the text of its attachments screened before
 * publication for 错敏词 (the agency's list and a few built-in forms that are certainly wrong),
 * personal data (居民身份证号码 with a valid check code and birth date, 手机号码, 银行卡号) and
 * 密级标志. Pure: the texts and the word list come in, findings go out; the reviewer confirms or
 * the operator fixes (commands/items/screening.ts).
 *
 * 《中华人民共和国保守国家秘密法》（2010年修订，LawRefBook/Laws 行政法/保守国家秘密法.md）
 * 第十条：“国家秘密的密级分为绝密、机密、秘密三级。”
 * 第十七条：“机关、单位对承载国家秘密的纸介质、光介质、电磁介质等载体（以下简称国家秘密载体）以及属于
 * 国家秘密的设备、产品，应当做出国家秘密标志。不属于国家秘密的，不应当做出国家秘密标志。”
 * (The 2024 revision renumbers the articles; its text was not in the stored sources.)
 *
 * The mark's form: GB/T 9704—2012 《党政机关公文格式》 7.2.2 “如需标注密级和保密期限，一般用3号黑体字，
 * 顶格编排在版心左上角第二行；保密期限中的数字用阿拉伯数字标注。” (quoted from a secondary page, the
 * standard's own text was not found), the example “秘密★1年”; 《国家秘密文件、资料和其他物品标志的规定》
 * as commonly quoted: “国家秘密的标识为‘★’，‘★’前标密级，‘★’后标保密期限”. GB/T 9704—1999 put the
 * 密级 alone on its line, “两字之间空1字” (“机 密”). So a finding is 密级 + ★ (+ period), or a line that
 * is only a 密级; “秘密进行”, “机密文件” in a sentence are not marks.
 */

import { isValidCreditCode } from '../identity/credit-code.ts';
import { maskIdNumber } from '../identity/mask.ts';
import { hasProvinceCode, isBirthDate, isValidResidentId } from '../identity/resident-id.ts';

export const FINDING_KINDS = ['word', 'id_number', 'phone', 'bank_card', 'secret_mark'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  word: '错敏词',
  id_number: '居民身份证号码',
  phone: '手机号码',
  bank_card: '银行卡号',
  secret_mark: '密级标志',
};

/** Where a finding is: the title, the body, or an attachment (named). */
export type FindingPlace = 'title' | 'body' | 'attachment';

/** One entry of a 错敏词 list: the wrong or sensitive form, its correct form if any, why. */
export interface ScreeningWord {
  word: string;
  correction: string | null;
  note: string;
}

/** A text to screen: the title, the body, or one attachment's text. */
export interface ScreenedText {
  where: FindingPlace;
  /** the attachment's file name */
  attachment?: string;
  text: string;
}

export interface Finding {
  kind: FindingKind;
  where: FindingPlace;
  attachment?: string;
  /** the match as found; personal data masked (the full number stays only in the item itself) */
  match: string;
  /** the characters around the match, to find it */
  before: string;
  after: string;
  /** where the match starts in its text (UTF-16 units) */
  offset: number;
  /** what to write instead (a 错敏词's correct form), or what to do */
  suggestion: string;
  /** a 错敏词 entry's note */
  note?: string;
}

/**
 * Wrong forms that are certainly wrong wherever they appear (a typo of a name, never a word):
 * kept short on purpose. Names of leaders and institutions are the agency's list to keep.
 */
export const BUILTIN_SCREENING_WORDS: readonly ScreeningWord[] = [
  { word: '中华人民共合国', correction: '中华人民共和国', note: '国名错误' },
  { word: '中华人民共和共', correction: '中华人民共和国', note: '国名错误' },
  { word: '中国共产觉', correction: '中国共产党', note: '党名错误' },
  { word: '全国人民代表大会常务委会', correction: '全国人民代表大会常务委员会', note: '机构名称漏字' },
  { word: '国务院总里', correction: '国务院总理', note: '职务名称错误' },
  { word: '中国特色社会主意', correction: '中国特色社会主义', note: '提法错误' },
  { word: '政府信息工开', correction: '政府信息公开', note: '用语错误' },
];

const CONTEXT = 12;
const MAX_WORD = 50;
const MAX_NOTE = 200;

/** Why a 错敏词 entry may not be kept (a Chinese sentence naming the field), or null. */
export function screeningWordProblem(entry: {
  word: string;
  correction?: string | null;
  note?: string;
}): { field: 'word' | 'correction' | 'note'; message: string } | null {
  const word = entry.word.trim();
  const correction = (entry.correction ?? '').trim();
  if (!word) return { field: 'word', message: '请填写“错敏词”。' };
  if ([...word].length > MAX_WORD)
    return { field: 'word', message: `“错敏词”最长 ${MAX_WORD} 个字，请缩短。` };
  if ([...word].length < 2)
    return {
      field: 'word',
      message: '“错敏词”至少 2 个字：单字会在几乎每篇信息中命中，请填写完整的错误写法。',
    };
  if ([...correction].length > MAX_WORD)
    return { field: 'correction', message: `“正确写法”最长 ${MAX_WORD} 个字，请缩短。` };
  if (correction === word)
    return { field: 'correction', message: '“正确写法”与“错敏词”相同，请填写正确的写法，或留空。' };
  if ([...(entry.note ?? '')].length > MAX_NOTE)
    return { field: 'note', message: `“说明”最长 ${MAX_NOTE} 个字，请缩短。` };
  return null;
}

/** Every finding in the texts, in text order within each text, the texts in the order given. */
export function screenTexts(texts: readonly ScreenedText[], words: readonly ScreeningWord[]): Finding[] {
  return texts.flatMap((t) => screenText(t, words));
}

/** The findings in one text. */
export function screenText(input: ScreenedText, words: readonly ScreeningWord[]): Finding[] {
  const { text } = input;
  const found: Raw[] = [...wordFindings(text, words), ...numberFindings(text), ...secretMarkFindings(text)];
  // the context around a match shows no personal data either (an ID number beside a phone number)
  const masked = maskPersonalData(text, found);
  return found
    .sort((a, b) => a.offset - b.offset)
    .map((f) => ({
      ...f,
      where: input.where,
      ...(input.attachment !== undefined ? { attachment: input.attachment } : {}),
      before: oneLine(masked.slice(Math.max(0, f.offset - CONTEXT), f.offset)),
      after: oneLine(masked.slice(f.offset + f.length, f.offset + f.length + CONTEXT)),
    }))
    .map(({ length: _length, ...f }) => f);
}

type Raw = Omit<Finding, 'before' | 'after' | 'where' | 'attachment'> & { length: number };

const PERSONAL: ReadonlySet<FindingKind> = new Set(['id_number', 'phone', 'bank_card']);

/** The text with each personal-data match's digits but its first three and last four made `*` (same length). */
function maskPersonalData(text: string, found: readonly Raw[]): string {
  let out = text;
  for (const f of found) {
    if (!PERSONAL.has(f.kind)) continue;
    const run = text.slice(f.offset, f.offset + f.length);
    let seen = 0;
    const digits = (run.match(/[0-9Xx]/g) ?? []).length;
    const hidden = run.replace(/[0-9Xx]/g, (d) => {
      seen += 1;
      return seen <= 3 || seen > digits - 4 ? d : '*';
    });
    out = out.slice(0, f.offset) + hidden + out.slice(f.offset + f.length);
  }
  return out;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function wordFindings(text: string, words: readonly ScreeningWord[]): Raw[] {
  const out: Raw[] = [];
  const seen = new Set<string>();
  for (const entry of words) {
    const word = entry.word.trim();
    if (word.length === 0 || seen.has(word)) continue;
    seen.add(word);
    const correct = rangesOf(text, entry.correction?.trim() ?? '');
    for (const offset of occurrences(text, word)) {
      // the wrong form inside its own correct form (word 常务委 in 常务委员会) is not a finding
      if (correct.some(([start, end]) => offset >= start && offset + word.length <= end)) continue;
      out.push({
        kind: 'word',
        match: word,
        offset,
        length: word.length,
        suggestion: entry.correction ? `改为“${entry.correction.trim()}”` : '请核实后修改或删除',
        ...(entry.note ? { note: entry.note } : {}),
      });
    }
  }
  return out;
}

function occurrences(text: string, word: string): number[] {
  const found: number[] = [];
  if (!word) return found;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) found.push(i);
  return found;
}

function rangesOf(text: string, word: string): Array<[number, number]> {
  return occurrences(text, word).map((start) => [start, start + word.length]);
}

/**
 * Digit runs not inside a longer run or a code (no digit or Latin letter on either side), and the
 * grouped forms people write: 138 0013 8000, 6222 0202 0000 1234 567.
 */
const DIGIT_RUN = /(?<![0-9A-Za-z])\d+[Xx]?(?![0-9A-Za-z])/g;
const GROUPED_PHONE = /(?<![0-9A-Za-z])1[3-9]\d[ -]\d{4}[ -]\d{4}(?![0-9A-Za-z]|[ -]\d)/g;
const GROUPED_CARD = /(?<![0-9A-Za-z]|\d[ -])\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?(?![0-9A-Za-z]|[ -]\d)/g;

function numberFindings(text: string): Raw[] {
  const out: Raw[] = [];
  for (const m of text.matchAll(DIGIT_RUN)) {
    const finding = classifyNumber(m[0]);
    if (finding) out.push({ ...finding, offset: m.index, length: m[0].length });
  }
  for (const m of text.matchAll(GROUPED_PHONE))
    out.push({ ...phoneFinding(m[0]), offset: m.index, length: m[0].length });
  for (const m of text.matchAll(GROUPED_CARD)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (isBankCardNumber(digits)) out.push({ ...cardFinding(m[0]), offset: m.index, length: m[0].length });
  }
  return out;
}

type Classified = Pick<Raw, 'kind' | 'match' | 'suggestion'>;

/** What a digit run is, if personal data: an ID number first, then a mobile number, then a card. */
export function classifyNumber(run: string): Classified | null {
  if (isResidentIdNumber(run))
    return {
      kind: 'id_number',
      match: maskIdNumber(run),
      suggestion: '删除或隐去身份证号码（如保留前6位和后4位以外的数字用*代替）',
    };
  if (!/^\d+$/.test(run)) return null;
  if (/^1[3-9]\d{9}$/.test(run)) return phoneFinding(run);
  if (isBankCardNumber(run)) return cardFinding(run);
  return null;
}

function phoneFinding(run: string): Classified {
  const digits = run.replace(/[ -]/g, '');
  return {
    kind: 'phone',
    match: `${digits.slice(0, 3)}****${digits.slice(7)}`,
    suggestion: '个人手机号码不宜公开：删除，或改为办公电话',
  };
}

function cardFinding(run: string): Classified {
  const digits = run.replace(/[ -]/g, '');
  return {
    kind: 'bank_card',
    match: `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`,
    suggestion: '删除或隐去银行卡号（单位对公账户请核实后确认）',
  };
}

/**
 * A 居民身份证 number: 18 characters with a valid region, birth date and GB 11643 check code; or the
 * old 15-digit form (address, YYMMDD born in the 1900s, sequence; no check code) with a valid
 * region and date.
 */
export function isResidentIdNumber(run: string): boolean {
  if (run.length === 18) return isValidResidentId(run);
  if (run.length !== 15 || !/^\d{15}$/.test(run)) return false;
  return hasProvinceCode(run) && isBirthDate(`19${run.slice(6, 12)}`);
}

/**
 * A bank card number: 16–19 digits opening as the card schemes do (3 JCB/运通, 4 Visa, 5 万事达,
 * 6 银联, 9 old domestic cards), passing the Luhn check; not a 居民身份证 number nor a valid
 * 统一社会信用代码 (an agency's or company's code is public).
 */
export function isBankCardNumber(digits: string): boolean {
  if (!/^[3-69]\d{15,18}$/.test(digits)) return false;
  if (isResidentIdNumber(digits) || (digits.length === 18 && isValidCreditCode(digits))) return false;
  return luhn(digits);
}

/** The Luhn (mod 10) check of a card number. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const LEVEL = '(?:绝密|机密|秘密)';
/** 密级★保密期限: 秘密★, 机密★1年, 绝密★长期, 秘密★6个月, 机密★2030年12月31日 (a date). */
const MARK = new RegExp(`${LEVEL}\\s*★\\s*(?:\\d+\\s*(?:年|个月)(?:\\d+\\s*月(?:\\d+\\s*日)?)?|长期)?`, 'g');
/** A line that is only a 密级 (GB/T 9704—1999: “机 密”, two characters a space apart). */
const LEVEL_LINE = /^[ \t\u3000]*(绝[ \t\u3000]*密|机[ \t\u3000]*密|秘[ \t\u3000]*密)[ \t\u3000]*$/gm;

function secretMarkFindings(text: string): Raw[] {
  const out: Raw[] = [];
  const suggestion = '发现国家秘密标志：涉密信息不得公开。请核实该信息是否已解密或确属误标，否则退回';
  for (const m of text.matchAll(MARK))
    out.push({
      kind: 'secret_mark',
      match: m[0].trim(),
      offset: m.index,
      length: m[0].trim().length,
      suggestion,
    });
  for (const m of text.matchAll(LEVEL_LINE)) {
    const offset = m.index + m[0].indexOf(m[1]);
    out.push({ kind: 'secret_mark', match: m[1], offset, length: m[1].length, suggestion });
  }
  return out;
}

/** Where a finding is, in Chinese: 标题, 正文, 附件“…”. */
export function findingPlaceLabel(finding: Pick<Finding, 'where' | 'attachment'>): string {
  if (finding.where === 'title') return '标题';
  if (finding.where === 'body') return '正文';
  return `附件“${finding.attachment ?? ''}”`;
}

/** The refusal of an approval while findings are unconfirmed (a Chinese sentence). */
export function unconfirmedFindingsMessage(findings: readonly Finding[]): string {
  const kinds = FINDING_KINDS.filter((k) => findings.some((f) => f.kind === k))
    .map((k) => `${FINDING_KIND_LABELS[k]}${findings.filter((f) => f.kind === k).length}处`)
    .join('、');
  return `发布前自查发现${kinds}。请逐条核实：确需修改的，退回经办人修改后重新送审；核实无误的，勾选“已核实自查结果”并填写说明后再审查通过。`;
}
