/**
 * The identifiers a government website shows in its footer (《政府网站发展指引》, 国办发〔2017〕47号,
 * and the sites that follow it), checked here so the API, the CLI and the console refuse alike:
 *
 * - 网站标识码: the code 国务院办公厅 assigns each government website on record, 10 characters — for a
 *   local government's site its 6-digit administrative division code and 4 digits (`3710000012`), for
 *   a 国务院部门's site `bm` and 8 digits (`bm29000002`);
 * - ICP备案号: the 工业和信息化部 record, `鲁ICP备12345678号` with an optional `-1` for one of its sites;
 * - 公安机关备案号: the 公安机关 record, `鲁公网安备 37100202000123号` (14 digits), whose page on the
 *   national 公安备案 search is `https://beian.mps.gov.cn/#/query/webSearch?code=<the 14 digits>`.
 */

/** The one-character abbreviations of the 31 provinces, autonomous regions and municipalities. */
export const PROVINCE_ABBREVIATIONS =
  '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕秦甘陇青宁新';

const SITE_CODE = /^(?:\d{10}|bm\d{8})$/;
const ICP = new RegExp(`^[${PROVINCE_ABBREVIATIONS}]ICP备\\d{8,10}号(?:-\\d{1,3})?$`);
const PSB = new RegExp(`^[${PROVINCE_ABBREVIATIONS}]公网安备\\s?(\\d{14})号$`);

/** Whether a text is a 网站标识码: ten digits, or `bm` and eight digits. */
export function isSiteIdCode(text: string): boolean {
  return SITE_CODE.test(text);
}

/** Whether a text is an ICP备案号 such as 鲁ICP备12345678号-1. */
export function isIcpNumber(text: string): boolean {
  return ICP.test(text);
}

/** The 14 digits of a 公安机关备案号 such as 鲁公网安备 37100202000123号, or null when it is not one. */
export function psbDigits(text: string): string | null {
  return PSB.exec(text)?.[1] ?? null;
}

/** The national 公安备案 search page of a record number (null when it is not one). */
export function psbSearchUrl(text: string): string | null {
  const digits = psbDigits(text);
  return digits ? `https://beian.mps.gov.cn/#/query/webSearch?code=${digits}` : null;
}

/** The 工业和信息化部 ICP/IP地址/域名信息备案管理系统, where an ICP备案号 is looked up. */
export const ICP_SEARCH_URL = 'https://beian.miit.gov.cn/';
