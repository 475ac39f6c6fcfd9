/**
 * The default text of each letter, as a disclosure office writes it; an agency may store its own
 * (see templates.ts for the syntax). The answers take their statement, provisions and remedies from
 * the case (answerSection: requests/outcome-basis.ts), so one template serves every outcome of a group.
 */
import { ARTICLE_41 } from '../requests/record-correction.ts';
import type { LetterKind } from './kinds.ts';

const ORDINANCE = '《中华人民共和国政府信息公开条例》';
const SALUTATION = '@left {{applicant.name}}：';
const RECEIVED =
  '本机关于{{case.receivedOn}}收到您提出的政府信息公开申请（登记号：{{case.registrationNo}}），申请获取“{{case.information}}”。';
const SIGNATURE = '@right {{agency.name}}\n@right {{issuedOn}}';
const CONTACT = '（{{#if agency.contact}}联系人：{{agency.contact}}；{{/if}}联系电话：{{agency.phone}}）';
const CONTACT_AND_ADDRESS =
  '（{{#if agency.contact}}联系人：{{agency.contact}}；{{/if}}联系电话：{{agency.phone}}；' +
  '通讯地址：{{agency.address}}；邮政编码：{{agency.postcode}}）';
const LAPSED = '视为放弃申请，本机关不再处理该政府信息公开申请。';

const letter = (...paragraphs: string[]): string => `${paragraphs.join('\n\n')}\n`;

// 条例 第二十九条第一款：“采用书面形式确有困难的，申请人可以口头提出，由受理该申请的政府信息公开工作机构
// 代为填写政府信息公开申请。” An oral application's receipt says the office wrote it up and how the applicant
// confirmed it.
const RECEIPT = letter(
  SALUTATION,
  '{{#if case.oralConfirmation}}您于{{case.receivedOn}}口头提出政府信息公开申请。因您采用书面形式确有困难，' +
    `根据${ORDINANCE}第二十九条第一款的规定，本机关政府信息公开工作机构已按您的口述代为填写政府信息公开申请，` +
    '{{case.oralConfirmation}}，并予登记，登记号为{{case.registrationNo}}。' +
    '{{else}}本机关于{{case.receivedOn}}收到您提出的政府信息公开申请，已予登记，登记号为{{case.registrationNo}}。{{/if}}' +
    '您申请获取的政府信息为：“{{case.information}}”；您要求的获取方式为：{{case.form}}。',
  // 条例 第三十三条第一款：“行政机关收到政府信息公开申请，能够当场答复的，应当当场予以答复。”
  `{{#if receipt.onTheSpot}}根据${ORDINANCE}第三十三条第一款的规定，本机关已当场作出答复，答复书与本回执同日出具。` +
    `{{else}}根据${ORDINANCE}第三十一条、第三十三条的规定，本机关将自收到申请之日起20个工作日内作出答复` +
    '{{#if case.answerDueOn}}（即于{{case.answerDueOn}}前答复）{{/if}}。' +
    '需要您补正申请、征求第三方或者其他机关意见、缴纳信息处理费的，所需时间不计算在答复期限内；' +
    '需要延长答复期限的，本机关将另行书面告知。{{/if}}',
  '您可以凭查询码{{case.trackingCode}}查询申请的办理进度，请妥善保管。',
  '特此回执。',
  SIGNATURE,
  CONTACT_AND_ADDRESS,
);

const CORRECTION = letter(
  SALUTATION,
  `${RECEIVED}经审查，您的申请内容不明确，本机关无法确定您所需要的政府信息。根据${ORDINANCE}第二十九条、` +
    '第三十条的规定，现一次性告知您需要补正的事项如下：',
  '{{#each correction.items}}\n{{index}}.{{item}}\n\n{{/each}}',
  '请您于{{correction.dueOn}}前按上述要求补正，并将补正后的申请提交本机关。答复期限自本机关收到补正后的申请之日起计算。' +
    `您无正当理由逾期不补正的，${LAPSED}`,
  '特此告知。',
  SIGNATURE,
  CONTACT_AND_ADDRESS,
);

// The reply and payment periods run from the addressee's receipt (条例 第三十二条 “自收到征求意见书之日起15个
// 工作日内”; 109号), which is not known when the letter is issued: the letters state the period, not a date
// counted from the day of issue (replyDueOn / payDueOn stay available to an agency's own template).
const CONSULTATION = letter(
  '@left {{consultation.party}}：',
  '本机关于{{case.receivedOn}}收到一份政府信息公开申请（登记号：{{case.registrationNo}}），申请获取“{{case.information}}”。' +
    // 条例 第三十四条：“……牵头制作的行政机关收到政府信息公开申请后可以征求相关行政机关的意见” — the letter
    // states that this agency leads
    '{{#if consultation.toAgency}}经审查，该政府信息由本机关与{{consultation.coProducers}}共同制作，' +
    '本机关为牵头制作的行政机关。' +
    `根据${ORDINANCE}第三十四条的规定，现就以下事项征求贵机关意见：` +
    '{{else}}经审查，公开该政府信息可能损害贵方的合法权益。' +
    `根据${ORDINANCE}第三十二条的规定，现就以下事项书面征求贵方意见：{{/if}}{{consultation.question}}`,
  // 条例 第三十二条 “第三方应当自收到征求意见书之日起15个工作日内提出意见”
  '请自收到本函之日起15个工作日内将是否同意公开的书面意见及理由反馈本机关。' +
    '{{#if consultation.toAgency}}逾期未提出意见的，视为同意公开。' +
    '{{else}}逾期未提出意见的，由本机关依法决定是否公开；贵方不同意公开且有合理理由的，本机关不予公开，' +
    // 条例 第三十二条 “行政机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开”
    '但本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的内容和理由书面告知贵方。{{/if}}',
  '特此函告。',
  SIGNATURE,
  CONTACT_AND_ADDRESS,
);

const EXTENSION = letter(
  SALUTATION,
  `${RECEIVED}因{{extension.reason}}，本机关不能在法定期限内作出答复。`,
  `根据${ORDINANCE}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长` +
    '{{extension.days}}个工作日（延长的期限最长不超过20个工作日），本机关将于{{extension.newDueOn}}前向您作出答复。',
  '特此告知。',
  SIGNATURE,
  CONTACT,
);

const FEE = letter(
  SALUTATION,
  `${RECEIVED}经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据${ORDINANCE}第四十二条和` +
    '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关依法收取信息处理费。现将有关事项通知如下：',
  '一、收费标准：{{fee.standard}}',
  '二、计费明细：{{#each fee.lines}}{{item}}；{{/each}}应缴金额合计人民币{{fee.amount}}元（大写：{{fee.amountInWords}}）。',
  '三、缴费期限和方式：请您自收到本通知之日起20个工作日内缴纳。缴费方式：{{fee.howToPay}}',
  `四、您逾期未按本通知书要求缴纳费用的，${LAPSED}自本通知书发出之日起至您缴纳费用之日止的期间，不计算在答复期限内。`,
  '特此通知。',
  SIGNATURE,
  CONTACT_AND_ADDRESS,
);

// 条例 第四十条, quoted in full: the letter tells the applicant the rule the agency applied.
const ARTICLE_40 =
  '行政机关依申请公开政府信息，应当根据申请人的要求及行政机关保存政府信息的实际情况，确定提供政府信息的具体形式；' +
  '按照申请人要求的形式提供政府信息，可能危及政府信息载体安全或者公开成本过高的，可以通过电子数据以及其他适当形式提供，' +
  '或者安排申请人查阅、抄录相关政府信息。';

const PROVISION = letter(
  SALUTATION,
  `${RECEIVED}本机关已于{{provision.decidedOn}}作出{{provision.outcomeLabel}}的答复。`,
  `${ORDINANCE}第四十条规定：“${ARTICLE_40}”`,
  '{{#if provision.reason}}您要求的政府信息形式为“{{case.form}}”。经审查，按照您要求的形式提供政府信息，{{provision.reason}}。{{/if}}' +
    '根据上述规定，本机关{{#if provision.inspection}}安排您查阅、抄录相关政府信息，有关事项告知如下：' +
    '{{else}}以{{provision.formLabel}}形式向您提供相关政府信息：{{provision.how}}{{/if}}',
  '{{#if provision.inspection}}一、查阅日期和时间：{{provision.date}}，{{provision.time}}。\n\n' +
    '二、查阅地点：{{provision.place}}。\n\n三、联系人及联系电话：{{provision.contact}}。\n\n' +
    '四、请您按时前往，并携带本通知书和本人有效身份证件；不能按时前往的，请事先与联系人联系另行安排。{{/if}}',
  '特此告知。',
  SIGNATURE,
  CONTACT,
);

const DELIVERY = '{{#if answer.delivery}}{{answer.delivery}}{{/if}}';
const ITEMS =
  '{{#if answer.items}}您申请的政府信息逐项处理情况如下：\n\n{{#each answer.items}}\n' +
  '{{index}}.{{item.description}}：{{item.outcomeLabel}}。{{#if item.reason}}{{item.reason}}{{/if}}\n\n{{/each}}{{/if}}';

const answer = (...extra: string[]): string =>
  letter(
    SALUTATION,
    `${RECEIVED}{{#if answer.basis}}根据{{answer.basis}}的规定，{{/if}}现答复如下：`,
    '{{answer.statement}}',
    ...extra,
    '{{#if answer.reasons}}{{answer.reasons}}{{/if}}',
    '{{remedies}}',
    '特此告知。',
    SIGNATURE,
    CONTACT,
  );

// 条例 第四十一条, quoted verbatim from docs/law.md: a correction request's letters quote it in full.
const ARTICLE_41_QUOTED = `“${ARTICLE_41}”`;

// The 条例 sets no period for a correction request (第三十三条 is about 政府信息公开申请): the receipt
// states the product's guidance date as a target, not as a statutory deadline.
const CORRECTION_RECEIPT = letter(
  SALUTATION,
  '本机关于{{case.receivedOn}}收到您提出的政府信息更正申请，已予登记，登记号为{{case.registrationNo}}。' +
    '您要求更正的政府信息记录为：“{{case.information}}”。',
  `${ORDINANCE}第四十一条规定：${ARTICLE_41_QUOTED}本机关将依照上述规定审核您提供的证据，并将处理结果书面告知您` +
    '{{#if case.answerDueOn}}（本机关参照政府信息公开申请的答复期限，力争于{{case.answerDueOn}}前告知）{{/if}}。',
  '您可以凭查询码{{case.trackingCode}}查询申请的办理进度，请妥善保管。',
  '特此回执。',
  SIGNATURE,
  CONTACT_AND_ADDRESS,
);

const CORRECTION_ANSWER = letter(
  SALUTATION,
  '本机关于{{case.receivedOn}}收到您提出的政府信息更正申请（登记号：{{case.registrationNo}}），' +
    '要求更正“{{correctionAnswer.record}}”，认为其中“{{correctionAnswer.inaccuracy}}”不准确。',
  `${ORDINANCE}第四十一条规定：${ARTICLE_41_QUOTED}根据上述规定，现答复如下：`,
  '{{correctionAnswer.statement}}',
  '{{#if correctionAnswer.reason}}{{correctionAnswer.reason}}{{/if}}',
  '{{remedies}}',
  '特此告知。',
  SIGNATURE,
  CONTACT,
);

/** The default template of each kind. */
export const DEFAULT_TEMPLATES: Record<LetterKind, string> = {
  receipt: RECEIPT,
  correction: CORRECTION,
  consultation: CONSULTATION,
  extension: EXTENSION,
  fee: FEE,
  'answer.granted': answer(DELIVERY),
  'answer.partial': answer(ITEMS, DELIVERY),
  'answer.denied': answer(),
  'answer.unable': answer(),
  'answer.not_processed': answer(),
  'answer.other': answer(),
  correction_receipt: CORRECTION_RECEIPT,
  correction_answer: CORRECTION_ANSWER,
  provision: PROVISION,
};
