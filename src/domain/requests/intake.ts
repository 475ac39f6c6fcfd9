/**
 * How an application came in and what help its applicant gets (issue 11 point 5): an oral
 * application written up by the disclosure office (条例 第二十九条第一款) and the help given to a
 * citizen who has difficulty reading, seeing or hearing (第四十三条). Pure checks: every problem,
 * in Chinese, naming the field in Chinese.
 */
import type { ApplicantType, RequestChannel } from '../report/vocabulary.ts';

/** One problem: the input field (a path) and what to do. */
export interface IntakeProblem {
  field: string;
  message: string;
}

/** How the applicant confirmed the application the office wrote up for them. */
export const ORAL_CONFIRMATIONS = ['signed', 'read_back', 'other'] as const;
export type OralConfirmation = (typeof ORAL_CONFIRMATIONS)[number];
export const ORAL_CONFIRMATION_LABELS: Record<OralConfirmation, string> = {
  signed: '当场签字确认',
  read_back: '宣读后口头确认',
  other: '其他方式确认',
};

/**
 * An oral application (条例 第二十九条第一款：“采用书面形式确有困难的，申请人可以口头提出，由受理该申请的
 * 政府信息公开工作机构代为填写政府信息公开申请。”): why the written form is difficult, and how the applicant
 * confirmed what the office wrote. Who wrote it up is the registering staff member (the event's actor).
 */
export interface OralApplication {
  /** 书面形式确有困难的情形 */
  difficulty: string;
  confirmation: OralConfirmation;
  /** how, when `other`; any detail otherwise (e.g. who read it back) */
  confirmationNote?: string;
}

/** An oral application as submitted (a form, the API): every field may be missing or wrong. */
export interface OralInput {
  difficulty?: string;
  confirmation?: string;
  confirmationNote?: string;
}

/** What a citizen has difficulty with (第四十三条：阅读困难或者视听障碍). */
export const ASSISTANCE_NEEDS = ['reading', 'visual', 'hearing'] as const;
export type AssistanceNeed = (typeof ASSISTANCE_NEEDS)[number];
export const ASSISTANCE_NEED_LABELS: Record<AssistanceNeed, string> = {
  reading: '阅读困难',
  visual: '视觉障碍',
  hearing: '听觉障碍',
};

/**
 * 条例 第四十三条：“申请公开政府信息的公民存在阅读困难或者视听障碍的，行政机关应当为其提供必要的帮助。”
 * What the applicant has difficulty with, and the help given.
 */
export interface Assistance {
  needs: AssistanceNeed[];
  /** the help given (e.g. 工作人员逐项宣读申请内容并代为勾选) */
  help: string;
}

/** The help as submitted: every field may be missing or wrong. */
export interface AssistanceInput {
  needs?: readonly string[];
  help?: string;
}

const LIMIT = 2000;
const filled = (text: string | undefined): boolean => (text ?? '').trim().length > 0;

function textProblem(field: string, label: string, text: string | undefined): IntakeProblem[] {
  if (!filled(text)) return [{ field, message: `请填写${label}` }];
  if ((text ?? '').length > LIMIT) return [{ field, message: `${label}超过 ${LIMIT} 个字符，请精简` }];
  return [];
}

/**
 * The oral part of a registration: required for the channel `oral` (its reason and the applicant's
 * confirmation), refused for any other channel (a written application is not written up by staff).
 */
export function oralProblems(channel: RequestChannel, oral: OralInput | undefined): IntakeProblem[] {
  if (channel !== 'oral') {
    if (oral === undefined) return [];
    return [
      {
        field: 'oral',
        message:
          '只有口头提出的申请才填写“代为填写”的情况（条例第二十九条第一款）；请把提交方式改为“口头”，或删去口头申请的情况',
      },
    ];
  }
  if (oral === undefined)
    return [
      {
        field: 'oral',
        message:
          '口头提出的申请须写明书面形式确有困难的情形，以及申请人如何确认代为填写的申请（条例第二十九条第一款）',
      },
    ];
  const problems = textProblem(
    'oral.difficulty',
    '书面形式确有困难的情形（条例第二十九条第一款）',
    oral.difficulty,
  );
  if (!oral.confirmation || !(ORAL_CONFIRMATIONS as readonly string[]).includes(oral.confirmation))
    problems.push({
      field: 'oral.confirmation',
      message: `请选择申请人确认代为填写的申请的方式：${ORAL_CONFIRMATIONS.map((c) => ORAL_CONFIRMATION_LABELS[c]).join('、')}`,
    });
  if (oral.confirmation === 'other')
    problems.push(...textProblem('oral.confirmationNote', '申请人确认的具体方式', oral.confirmationNote));
  else if ((oral.confirmationNote ?? '').length > LIMIT)
    problems.push({ field: 'oral.confirmationNote', message: `确认情况说明超过 ${LIMIT} 个字符，请精简` });
  return problems;
}

/**
 * The help given under 第四十三条: at least one difficulty, each once, and the help written down.
 * The article speaks of 公民: an organization's application is refused the record (its staff who
 * need help are helped as citizens of their own application).
 */
export function assistanceProblems(
  applicantType: ApplicantType,
  assistance: AssistanceInput,
): IntakeProblem[] {
  if (applicantType !== 'natural_person')
    return [
      {
        field: 'assistance',
        message:
          '条例第四十三条的帮助针对“申请公开政府信息的公民”；本申请的申请人为法人或者其他组织，不能登记该项帮助',
      },
    ];
  const problems: IntakeProblem[] = [];
  const needs = assistance.needs ?? [];
  if (needs.length === 0)
    problems.push({
      field: 'assistance.needs',
      message: `请选择申请人存在的困难（至少一项）：${ASSISTANCE_NEEDS.map((n) => ASSISTANCE_NEED_LABELS[n]).join('、')}`,
    });
  else if (needs.some((n) => !(ASSISTANCE_NEEDS as readonly string[]).includes(n)))
    problems.push({
      field: 'assistance.needs',
      message: `申请人存在的困难只能是：${ASSISTANCE_NEEDS.map((n) => ASSISTANCE_NEED_LABELS[n]).join('、')}`,
    });
  else if (new Set(needs).size !== needs.length)
    problems.push({ field: 'assistance.needs', message: '申请人存在的困难有重复，每项只选一次' });
  problems.push(...textProblem('assistance.help', '提供的帮助（条例第四十三条）', assistance.help));
  return problems;
}

/** The difficulties as the case page and the queue tag show them: “阅读困难、听觉障碍”. */
export function assistanceLabel(needs: readonly AssistanceNeed[]): string {
  return ASSISTANCE_NEEDS.filter((n) => needs.includes(n))
    .map((n) => ASSISTANCE_NEED_LABELS[n])
    .join('、');
}

/**
 * Information two or more agencies produced together (条例 第三十四条): the other agencies that
 * produced it, and which agency leads (`this`, or the name of one of the others).
 */
export interface JointProduction {
  coProducers: string[];
  /** 'this': this agency is the 牵头制作 agency; otherwise the name of the agency that leads */
  lead: string;
}

/** The value of `lead` when this agency leads. */
export const THIS_AGENCY_LEADS = 'this';

/**
 * Why this agency may not consult another agency about jointly produced information, or null.
 * 条例 第三十四条：“申请公开的政府信息由两个以上行政机关共同制作的，牵头制作的行政机关收到政府信息公开申请后
 * 可以征求相关行政机关的意见，被征求意见机关应当自收到征求意见书之日起15个工作日内提出意见，逾期未提出意见的
 * 视为同意公开。” Only the 牵头制作 agency consults; the one it asks is one of the co-producers. What a
 * non-lead agency does instead: 条例 第十条第三款：“两个以上行政机关共同制作的政府信息，由牵头制作的行政机关
 * 负责公开。” — so it answers under 第三十六条第（五）项：“所申请公开信息不属于本行政机关负责公开的，告知申请人
 * 并说明理由；能够确定负责公开该政府信息的行政机关的，告知申请人该行政机关的名称、联系方式”.
 */
export function agencyConsultationRefusal(joint: JointProduction, party: string): string | null {
  const others = joint.coProducers.map((name) => name.trim());
  if (joint.lead !== THIS_AGENCY_LEADS) {
    const lead = joint.lead.trim();
    return (
      `本机关不是牵头制作机关（牵头制作机关为${lead}），不能征求其他机关意见：条例第三十四条规定，` +
      '申请公开的政府信息由两个以上行政机关共同制作的，由“牵头制作的行政机关”收到申请后征求相关行政机关的意见。' +
      '共同制作的政府信息由牵头制作的行政机关负责公开（条例第十条第三款），' +
      `请按条例第三十六条第（五）项作出答复：告知申请人该信息不属于本机关负责公开并说明理由，告知${lead}的名称、联系方式。`
    );
  }
  if (!others.includes(party.trim()))
    return `征求意见对象“${party.trim()}”不在共同制作机关之列：条例第三十四条的征求意见对象是共同制作该信息的相关行政机关，请把它填入共同制作机关，或改选征求意见对象。`;
  return null;
}

/** The co-producers as the letter names them: “威海市生态环境局、威海市住房和城乡建设局”. */
export function coProducersText(coProducers: readonly string[]): string {
  return coProducers.map((name) => name.trim()).join('、');
}

/**
 * How the receipt states the applicant's confirmation of the application the office wrote up
 * (条例 第二十九条第一款): “经您当场签字确认”, “经向您宣读后由您口头确认”, “经您确认（按指印）”.
 */
export function oralConfirmationSentence(
  oral: Pick<OralApplication, 'confirmation' | 'confirmationNote'>,
): string {
  const note = (oral.confirmationNote ?? '').trim().replace(/[。；，]+$/u, '');
  if (oral.confirmation === 'signed') return '经您当场签字确认';
  if (oral.confirmation === 'read_back') return '经向您宣读后由您口头确认';
  return note ? `经您确认（${note}）` : '经您确认';
}
