/** What the route tests of correction requests (条例 第四十一条) file: an applicant, a record to correct, request bodies. */
import { residentIdCheckCode } from '../../../domain/identity/resident-id.ts';

/** A valid 居民身份证号: the 17 digits and their check code (GB 11643, domain/identity). */
const residentId = (body17: string): string => body17 + residentIdCheckCode(body17);

export const applicant = {
  name: '李华',
  idType: 'resident_id',
  idNumber: residentId('37100219800101123'),
  phone: '13800000000',
  address: '山东省威海市环翠区某路1号',
};

export const correction = {
  record: '2025年度城乡低保对象名单中李华的家庭人口数',
  inaccuracy: '名单记载家庭人口为4人，实际为3人',
  evidence: '户口簿复印件、派出所出具的户籍证明',
};

export const correctionBody = (extra: object = {}) => ({
  kind: 'record_correction',
  channel: 'letter',
  applicantType: 'natural_person',
  receivedOn: '2026-03-02',
  applicant,
  correction,
  ...extra,
});

export const disclosureBody = {
  channel: 'letter',
  applicantType: 'natural_person',
  receivedOn: '2026-03-02',
  applicant: { ...applicant, information: '2025年城乡低保资金发放明细', form: 'paper', delivery: 'post' },
};
