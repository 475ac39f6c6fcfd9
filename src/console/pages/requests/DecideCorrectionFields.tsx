/**
 * 答复更正申请 (条例 第四十一条): the outcome and the fields it needs, from the domain's one list
 * (CORRECTION_FIELDS), so the dialog asks what the server checks.
 */
import { Alert, Form, Input, Radio } from 'antd';
import {
  ARTICLE_41,
  CORRECTION_FIELDS,
  CORRECTION_OUTCOME_LABELS,
  CORRECTION_OUTCOMES,
  type CorrectionField,
  type CorrectionOutcome,
  REFUSAL_GROUND_LABELS,
  REFUSAL_GROUNDS,
} from '../../../domain/requests/record-correction.ts';

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
      <Alert type="info" showIcon title={`条例第四十一条：“${ARTICLE_41}”`} style={{ marginBottom: 16 }} />
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
