/**
 * 答复更正申请 (条例 第四十一条): the outcome and the fields it needs, from the domain's one list
 * (CORRECTION_FIELDS), so the dialog asks what the server checks.
 */
import { Alert, Form, Input, Radio } from 'antd';
import {
  CORRECTION_FIELDS,
  CORRECTION_OUTCOME_LABELS,
  CORRECTION_OUTCOMES,
  type CorrectionField,
  type CorrectionOutcome,
  REFUSAL_GROUND_LABELS,
  REFUSAL_GROUNDS,
} from '../../../domain/requests/record-correction.ts';

/** 条例 第四十一条, verbatim from docs/law.md, shown above the choice. */
const ARTICLE_41 =
  '第四十一条 公民、法人或者其他组织有证据证明行政机关提供的与其自身相关的政府信息记录不准确的，可以要求行政机关更正。' +
  '有权更正的行政机关审核属实的，应当予以更正并告知申请人；不属于本行政机关职能范围的，行政机关可以转送有权更正的行政机关处理并告知申请人，' +
  '或者告知申请人向有权更正的行政机关提出。';

function FieldInput({ field }: { field: CorrectionField }) {
  const rules = field.required ? [{ required: true, message: `请填写“${field.label}”` }] : [];
  if (field.field === 'ground')
    return (
      <Form.Item label={field.label} name="ground" rules={rules}>
        <Radio.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          options={REFUSAL_GROUNDS.map((g) => ({ value: g, label: REFUSAL_GROUND_LABELS[g] }))}
        />
      </Form.Item>
    );
  const long = field.field === 'reason' || field.field === 'corrected';
  return (
    <Form.Item label={field.label} name={field.field} rules={rules}>
      {long ? <Input.TextArea rows={3} /> : <Input />}
    </Form.Item>
  );
}

export function DecideCorrectionFields() {
  const outcome = Form.useWatch('outcome') as CorrectionOutcome | undefined;
  return (
    <>
      <Alert type="info" showIcon title={`条例${ARTICLE_41}`} style={{ marginBottom: 16 }} />
      <Form.Item label="处理结果" name="outcome" rules={[{ required: true, message: '请选择处理结果' }]}>
        <Radio.Group
          optionType="button"
          options={CORRECTION_OUTCOMES.map((o) => ({ value: o, label: CORRECTION_OUTCOME_LABELS[o] }))}
        />
      </Form.Item>
      {outcome && CORRECTION_FIELDS[outcome].map((f) => <FieldInput key={f.field} field={f} />)}
    </>
  );
}
