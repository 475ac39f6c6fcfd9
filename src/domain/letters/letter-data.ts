/**
 * Everything a letter may show. Dates are ISO `YYYY-MM-DD` (printed “2026年11月26日”), amounts whole
 * 元. The sections of the kinds are optional: a letter shows only its own, and a placeholder whose
 * value is missing prints as a blank to fill in (see fillTemplate).
 */
import type { Outcome } from '../report/vocabulary.ts';
import type { ProvisionLetterSection } from '../requests/provision.ts';

/** The agency that writes, and where the applicant reaches its disclosure office. */
export interface LetterAgency {
  name: string;
  /** the 政府信息公开工作机构 */
  office: string;
  address: string;
  postcode: string;
  phone: string;
  /** the staff member named as 联系人 */
  contact?: string;
}

/** The request the letter is about (条例 第二十九条). */
export interface LetterCase {
  /** “临港依申请〔2021〕3号” */
  registrationNo: string;
  /** the applicant's secret code to follow the case */
  trackingCode: string;
  /** the day the application counts as received (第三十一条) */
  receivedOn: string;
  /** the answer due date, where known (第三十三条) */
  answerDueOn?: string;
  /** the information sought, as the applicant described it */
  information: string;
  /** the form wanted: how and through which channel (“纸质，邮寄”) */
  form: string;
  /**
   * an oral application written up by the office (条例 第二十九条第一款), how the applicant confirmed
   * it: “经您当场签字确认”; absent for a written one
   */
  oralConfirmation?: string;
}

/** 补正告知书 (第三十条): what to correct, once, and by when. */
export interface CorrectionSection {
  items: string[];
  dueOn: string;
}

/** 征求意见函: to a third party (第三十二条) or another agency (第三十四条); 15 working days to reply. */
export interface ConsultationSection {
  toAgency: boolean;
  /** the third party or agency addressed */
  party: string;
  /** what they are asked, as a sentence */
  question: string;
  replyDueOn: string;
  /**
   * 第三十四条: the other agencies that produced the information with this one, which leads
   * (“威海市生态环境局、威海市住房和城乡建设局”); an agency consultation only
   */
  coProducers?: string;
}

/** 延期答复告知书 (第三十三条第二款): at most 20 working days more. */
export interface ExtensionSection {
  days: number;
  newDueOn: string;
  reason: string;
}

/** 收费通知书 (第四十二条, 109号); see feeSection. */
export interface FeeSection {
  /** “按件计收” or “按量计收” */
  method: string;
  /** the standard with its bands, as a sentence */
  standard: string;
  /** the breakdown, one band a line: “第11–30件，每件100元，计2000元” */
  lines: string[];
  /** whole 元 */
  amount: number;
  /** “贰仟元整” */
  amountInWords: string;
  /** 20 working days from the day after the notice is received */
  payDueOn: string;
  howToPay: string;
}

/** One item of a request answered item by item (部分公开, 第三十七条). */
export interface AnswerItem {
  description: string;
  outcome: Outcome;
  /** “属于国家秘密不予公开” */
  outcomeLabel: string;
  reason?: string;
}

/** 答复书 (第三十六条 and the provisions of the outcome); see answerSection. */
export interface AnswerSection {
  outcome: Outcome;
  /** how the letter names the outcome: “予以公开”, “属于国家秘密不予公开” */
  outcomeLabel: string;
  /** the provisions: “《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项” */
  basis: string;
  /** the answer sentence of the basis, its slots filled */
  statement: string;
  /** reasons staff wrote */
  reasons?: string;
  /** how, where and when the information is provided */
  delivery?: string;
  items?: AnswerItem[];
  /** the agency responsible (第三十六条第（五）项) */
  otherAgency?: string;
}

/** 更正申请答复书 (条例 第四十一条); see correctionAnswerSection. */
export interface CorrectionAnswerSection {
  /** corrected, transferred, referred, refused */
  outcome: string;
  /** “予以更正”, “不予更正” */
  outcomeLabel: string;
  /** the record the applicant asked to correct */
  record: string;
  /** what the applicant says is inaccurate */
  inaccuracy: string;
  /** the answer sentence (correctionStatement) */
  statement: string;
  /** staff's reason or explanation (required for 不予更正) */
  reason?: string;
}

/** 提供方式告知书 (第四十条): the form it is provided in, or the 查阅、抄录 arrangement; see provisionSection. */
export type ProvisionSection = ProvisionLetterSection;

/** 登记回执 (第三十一条): answered on the spot (第三十三条第一款), the receipt says so instead of the period. */
export interface ReceiptSection {
  onTheSpot: boolean;
}

/** The values a letter is filled from. */
export interface LetterData {
  agency: LetterAgency;
  case: LetterCase;
  applicant: { name: string };
  /** the date of the letter (成文日期) */
  issuedOn: string;
  receipt?: ReceiptSection;
  correction?: CorrectionSection;
  consultation?: ConsultationSection;
  extension?: ExtensionSection;
  fee?: FeeSection;
  answer?: AnswerSection;
  correctionAnswer?: CorrectionAnswerSection;
  provision?: ProvisionSection;
  /** 行政复议 and 行政诉讼: where and within which time (every answer) */
  remedies?: string;
}
