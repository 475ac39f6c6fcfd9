/**
 * Recording that a letter went to the applicant (送达): how, on which day, with the post's
 * tracking number when it went by post. 条例第二十九条、第三十三条 count the answer from when it is
 * given; the record is what shows it was given. Pure: the letter's date and today are passed in.
 */
import { isIsoDate } from '../dates.ts';

export const DELIVERY_METHODS = ['post', 'email', 'in_person', 'online'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  post: '邮寄',
  email: '电子邮件',
  in_person: '当面领取',
  online: '在线送达',
};

/**
 * The 送达 method that follows the applicant's chosen 获取信息的方式 (requests/applicant.ts: 邮寄,
 * 电子邮件, 自行领取, 其他), or null when the choice says nothing (其他, or none recorded): the 送达
 * dialog starts from it, staff may change it.
 */
export function deliveryMethodForApplicant(choice: string | null | undefined): DeliveryMethod | null {
  switch (choice) {
    case 'post':
      return 'post';
    case 'email':
      return 'email';
    case 'pickup':
      return 'in_person';
    default:
      return null;
  }
}

/** What staff enter: raw text from a form or the API. */
export interface DeliveryInput {
  method: string;
  sentOn: string;
  trackingNo?: string | null;
  note?: string | null;
}

export interface Delivery {
  method: DeliveryMethod;
  sentOn: string;
  trackingNo: string | null;
  note: string | null;
}

export type DeliveryCheck =
  | { ok: true; delivery: Delivery }
  | { ok: false; issues: Array<{ field: string; message: string }> };

const TRACKING_NO = /^[A-Za-z0-9-]{6,40}$/;

export function isDeliveryMethod(text: string): text is DeliveryMethod {
  return (DELIVERY_METHODS as readonly string[]).includes(text);
}

/**
 * Checks a delivery against the letter's date and today: a known method, a real date neither in
 * the future nor before the letter, a tracking number for (and only for) post, a short note.
 */
export function checkDelivery(input: DeliveryInput, letterOn: string, today: string): DeliveryCheck {
  const issues: Array<{ field: string; message: string }> = [];
  const method = input.method;
  if (!isDeliveryMethod(method))
    issues.push({
      field: 'method',
      message: `请选择送达方式：${DELIVERY_METHODS.map((m) => DELIVERY_METHOD_LABELS[m]).join('、')}。`,
    });
  const sentOn = input.sentOn.trim();
  if (!isIsoDate(sentOn)) issues.push({ field: 'sentOn', message: '请填写送达日期（YYYY-MM-DD）。' });
  else if (sentOn > today)
    issues.push({ field: 'sentOn', message: `送达日期不能晚于今天（${today}），请填写实际送达的日期。` });
  else if (sentOn < letterOn)
    issues.push({ field: 'sentOn', message: `送达日期不能早于文书日期（${letterOn}），请核对后填写。` });
  const trackingNo = input.trackingNo?.trim() || null;
  if (method === 'post' && !trackingNo)
    issues.push({ field: 'trackingNo', message: '邮寄送达请填写邮件单号。' });
  else if (method === 'post' && trackingNo && !TRACKING_NO.test(trackingNo))
    issues.push({ field: 'trackingNo', message: '邮件单号应为 6–40 位字母、数字或连字符，请核对后填写。' });
  else if (method !== 'post' && trackingNo)
    issues.push({ field: 'trackingNo', message: '只有邮寄送达需要填写邮件单号，请清空该项或改选“邮寄”。' });
  const note = input.note?.trim() || null;
  if (note && note.length > 500) issues.push({ field: 'note', message: '备注最长 500 个字，请精简。' });
  if (issues.length > 0 || !isDeliveryMethod(method)) return { ok: false, issues };
  return { ok: true, delivery: { method, sentOn, trackingNo, note } };
}

/**
 * The sentence the applicant reads on the tracking page: when and how, with the post's tracking
 * number — never the address, e-mail or anything else about the applicant, nor the staff's note.
 */
export function deliverySentence(delivery: {
  method: DeliveryMethod;
  sentOn: string;
  trackingNo: string | null;
}) {
  const [, month, day] = delivery.sentOn.split('-').map(Number);
  const on = `已于 ${month} 月 ${day} 日`;
  switch (delivery.method) {
    case 'post':
      return `${on}邮寄${delivery.trackingNo ? `（单号 ${delivery.trackingNo}）` : ''}`;
    case 'email':
      return `${on}通过电子邮件发送`;
    case 'in_person':
      return `${on}当面领取`;
    case 'online':
      return `${on}在线送达`;
  }
}
