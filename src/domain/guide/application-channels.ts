/**
 * The ways an applicant can file with an agency, as its 公开指南 lists them: online, by letter, in
 * person always (条例 第二十九条第一款：“……应当向行政机关的政府信息公开工作机构提出，并采用包括信件、数据电文在内的
 * 书面形式；采用书面形式确有困难的，申请人可以口头提出，由受理该申请的政府信息公开工作机构代为填写政府信息公开申请。”),
 * by 传真 and 电子邮件 only where the agency takes them (its settings). Each says when the application
 * counts as received, 条例 第三十一条：
 * “(一)申请人当面提交政府信息公开申请的，以提交之日为收到申请之日；
 *  (二)申请人以邮寄方式提交政府信息公开申请的，以行政机关签收之日为收到申请之日；以平常信函等无需签收的邮寄方式
 *  提交政府信息公开申请的，政府信息公开工作机构应当于收到申请的当日与申请人确认，确认之日为收到申请之日；
 *  (三)申请人通过互联网渠道或者政府信息公开工作机构的传真提交政府信息公开申请的，以双方确认之日为收到申请之日。”
 */

export interface ChannelSettings {
  /** the agency's particulars ('' when not set) */
  address: string;
  postcode: string;
  office: string;
  officeHours: string;
  fax: string;
  email: string;
  acceptsFax: boolean;
  acceptsEmail: boolean;
}

export type ApplicationChannel = 'online' | 'letter' | 'in_person' | 'fax' | 'email';

export interface ChannelGuide {
  channel: ApplicationChannel;
  /** the channel's name: 在线申请, 信函申请 */
  name: string;
  /** how to file by it */
  how: string;
  /** when the application counts as received (条例 第三十一条) */
  received: string;
}

const or = (value: string, fallback: string) => (value.trim() === '' ? fallback : value.trim());

/** The channels this agency takes, in the guide's order, each with how to use it and its receipt date. */
export function applicationChannels(s: ChannelSettings): ChannelGuide[] {
  const office = or(s.office, '本机关政府信息公开工作机构');
  const address = or(s.address, '本机关办公地址');
  const postcode = s.postcode.trim() === '' ? '' : `（邮政编码${s.postcode.trim()}）`;
  const hours = s.officeHours.trim() === '' ? '' : `办公时间：${s.officeHours.trim()}。`;
  const channels: ChannelGuide[] = [
    {
      channel: 'online',
      name: '在线申请',
      how: '在本网站“依申请公开”栏目在线填写并提交申请表，提交后获得查询码和登记编号，可凭查询码查询办理进度。',
      received: '以双方确认之日为收到申请之日（条例第三十一条第（三）项）；在线提交即时确认。',
    },
    {
      channel: 'letter',
      name: '信函申请',
      how: `下载并填写纸质申请表，邮寄至${address}${postcode}${office}，请在信封上注明“政府信息公开申请”字样。`,
      received:
        '以本机关签收之日为收到申请之日；以平常信函等无需签收的方式邮寄的，本机关于收到申请的当日与申请人确认，确认之日为收到申请之日（条例第三十一条第（二）项）。',
    },
    {
      channel: 'in_person',
      name: '当面申请',
      how: `到${address}${office}当面填写并提交申请表。${hours}采用书面形式确有困难的，可以口头提出，由工作人员代为填写（条例第二十九条第一款）。`,
      received: '以提交之日为收到申请之日（条例第三十一条第（一）项）。',
    },
  ];
  if (s.acceptsFax && s.fax.trim() !== '')
    channels.push({
      channel: 'fax',
      name: '传真申请',
      how: `填写纸质申请表后传真至${s.fax.trim()}，并请来电确认。`,
      received: '以双方确认之日为收到申请之日（条例第三十一条第（三）项）。',
    });
  if (s.acceptsEmail && s.email.trim() !== '')
    channels.push({
      channel: 'email',
      name: '电子邮件申请',
      how: `填写申请表后作为附件发送至${s.email.trim()}，邮件主题请注明“政府信息公开申请”。`,
      received: '以双方确认之日为收到申请之日（条例第三十一条第（三）项）。',
    });
  return channels;
}
