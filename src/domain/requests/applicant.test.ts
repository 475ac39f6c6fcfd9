import { describe, expect, it } from 'vitest';
import { type ApplicantInput, applicantProblems, isOrganization } from './applicant.ts';

/** An applicant with its type, as the tables below write it. */
type Input = ApplicantInput & { applicantType?: string };

const CREDIT_CODE = '914403001922038216';
const ID = '11010519491231002X';

/** A complete application by a natural person, to break one field at a time. */
const person: Input = {
  applicantType: 'natural_person',
  name: '张三',
  idType: 'resident_id',
  idNumber: ID,
  phone: '13912345678',
  email: 'zhangsan@example.cn',
  address: '山东省威海市环翠区新威路1号',
  information: '2021年临港区老旧小区改造项目的立项批复',
  docNumber: '威临管发〔2021〕12号',
  form: 'paper',
  delivery: 'post',
};

/** A complete application by a company. */
const company: Input = {
  applicantType: 'business',
  name: '华为技术有限公司',
  idType: 'credit_code',
  idNumber: CREDIT_CODE,
  email: 'gongkai@example.com',
  information: '2021年度本区政府采购项目目录',
  form: 'email',
  delivery: 'email',
};

const problemsOf = ({ applicantType, ...applicant }: Input, today?: string) =>
  applicantProblems(applicant, applicantType ?? '', today);
const fieldsOf = (input: Input, today?: string) => problemsOf(input, today).map((problem) => problem.field);

/** The person, or the company, with some fields changed. */
const p = (changes: Input): Input => ({ ...person, ...changes });
const c = (changes: Input): Input => ({ ...company, ...changes });

describe('applicantProblems accepts complete applications', () => {
  it.each<[string, Input]>([
    ['a natural person asking for paper by post', person],
    ['a company asking by e-mail', company],
    [
      'a research institute with a lowercase credit code',
      c({ applicantType: 'research', idNumber: CREDIT_CODE.toLowerCase() }),
    ],
    [
      'a person with only a phone, collecting in person',
      p({ email: undefined, address: undefined, delivery: 'pickup' }),
    ],
    ['a person with only an e-mail address', p({ phone: '', address: '', delivery: 'email' })],
    [
      'a Hong Kong resident with a 回乡证 and a Hong Kong phone',
      p({ idType: 'hk_macao_permit', idNumber: 'H12345678', phone: '+852 9123 4567' }),
    ],
    ['a foreigner with a passport', p({ name: 'John Smith', idType: 'passport', idNumber: 'C01X00T47' })],
    ['a landline with an area code', p({ phone: '0631-5201234' })],
    ['no 文号 (it is optional)', p({ docNumber: undefined })],
    ['reading on the spot', p({ form: 'on_site', delivery: 'pickup' })],
    ['another form, described', p({ form: 'other', formOther: 'U盘' })],
    [
      'another document, named',
      p({ idType: 'other', idName: '港澳台居民居住证', idNumber: '810000199001011234' }),
    ],
    [
      'a social organization with another 登记证书',
      {
        ...company,
        applicantType: 'social_welfare',
        idType: 'other',
        idName: '社会团体法人登记证书',
        idNumber: '粤社证字第0001号',
      },
    ],
  ])('%s', (_situation, input) => {
    expect(problemsOf(input)).toEqual([]);
  });
});

describe('applicantProblems names each problem', () => {
  it.each<[string, Input, string, string]>([
    ['no applicant type', p({ applicantType: undefined }), 'applicantType', '请选择申请人类型'],
    ['a type not in table 三', p({ applicantType: 'government' }), 'applicantType', '自然人、商业企业'],
    ['no name of a person', p({ name: '  ' }), 'name', '请填写申请人姓名'],
    ['no name of a company', c({ name: '' }), 'name', '请填写法人或者其他组织的名称'],
    ['an overlong name', p({ name: '张'.repeat(101) }), 'name', '不能超过100个字'],
    ['no document type', p({ idType: undefined }), 'idType', '请选择身份证明的证件类型'],
    ['an unknown document type', p({ idType: 'driving_licence' }), 'idType', '请选择身份证明的证件类型'],
    [
      'a person with a credit code',
      p({ idType: 'credit_code', idNumber: CREDIT_CODE }),
      'idType',
      '自然人不能',
    ],
    ['a company with a 身份证', c({ idType: 'resident_id', idNumber: ID }), 'idType', '统一社会信用代码'],
    ['a 身份证 with a wrong check code', p({ idNumber: '110105194912310021' }), 'idNumber', '校验位'],
    ['a 身份证 number of 15 digits', p({ idNumber: '110105491231002' }), 'idNumber', '应为18位'],
    ['no document number', p({ idNumber: undefined }), 'idNumber', '请填写居民身份证号码'],
    ['a mistyped credit code', c({ idNumber: '914403001922038217' }), 'idNumber', '校验位'],
    ['a passport with a slash', p({ idType: 'passport', idNumber: 'E1234/5678' }), 'idNumber', '护照号码'],
    ['another document, unnamed', p({ idType: 'other', idNumber: 'X-1' }), 'idName', '请写明证件名称'],
    [
      'no contact at all',
      p({ phone: undefined, email: undefined, address: undefined, delivery: 'pickup' }),
      'contact',
      '请至少填写一种联系方式',
    ],
    ['a phone number too short', p({ phone: '12345' }), 'phone', '联系电话格式不正确'],
    ['a mobile number of 12 digits', p({ phone: '139123456789' }), 'phone', '联系电话格式不正确'],
    ['an e-mail address without a domain', p({ email: 'zhangsan@' }), 'email', '电子邮箱格式不正确'],
    ['an overlong address', p({ address: '路'.repeat(201) }), 'address', '不能超过200个字'],
    ['no description of the information', p({ information: '' }), 'information', '特征性描述'],
    ['an overlong 文号', p({ docNumber: '号'.repeat(101) }), 'docNumber', '文号不能超过100个字'],
    ['no form', p({ form: undefined }), 'form', '请选择所需信息的形式'],
    ['an unknown form', p({ form: 'fax' }), 'form', '请选择所需信息的形式'],
    ['another form, undescribed', p({ form: 'other' }), 'formOther', '请写明所需信息的其他形式'],
    ['no way to receive it', p({ delivery: undefined }), 'delivery', '请选择获取信息的方式'],
    ['another way, undescribed', p({ delivery: 'other', deliveryOther: ' ' }), 'deliveryOther', '其他方式'],
    ['post without an address', p({ address: '' }), 'address', '选择邮寄的，请填写通信地址'],
    ['e-mail delivery, no address', p({ email: '', delivery: 'email' }), 'email', '请填写电子邮箱'],
    ['the e-mail form, no address', p({ email: '', form: 'email', delivery: 'pickup' }), 'email', '电子邮箱'],
    ['reading on the spot sent by post', p({ form: 'on_site', delivery: 'post' }), 'delivery', '当场查阅'],
  ])('%s', (_situation, input, field, message) => {
    const problems = problemsOf(input);
    expect(problems).toContainEqual({ field, message: expect.stringContaining(message) });
  });

  it('reports every problem at once, in the order of 第二十九条', () => {
    const inOrder = ['applicantType', 'name', 'idType', 'contact', 'information', 'form', 'delivery'];
    expect(fieldsOf({})).toEqual(inOrder);
  });

  it('refuses a 身份证 birth date after today when today is given', () => {
    const future = p({ idNumber: '110105203001010028' }); // born 2030-01-01, check code right
    expect(fieldsOf(future)).toEqual([]);
    expect(problemsOf(future, '2026-05-01')).toEqual([
      { field: 'idNumber', message: expect.stringContaining('出生日期无效') },
    ]);
    expect(fieldsOf({ ...person }, '2026-05-01')).toEqual([]);
  });
});

describe('isOrganization', () => {
  it.each([
    ['a natural person', 'natural_person', false],
    ['a business', 'business', true],
    ['a legal service', 'legal_service', true],
    ['another organization', 'other_org', true],
  ] as const)('%s', (_situation, type, organization) => {
    expect(isOrganization(type)).toBe(organization);
  });
});
