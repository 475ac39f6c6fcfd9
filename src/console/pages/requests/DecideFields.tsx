/**
 * The fields of 作出答复: the outcome under table 三's headings （一）…（六）, the legal basis in full,
 * the fields the chosen basis needs (domain/requests/decision-fields.ts: the same list the server
 * requires) and the answer as the 答复书 will state it, composed by the domain's answerSection.
 */
import { Alert, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { answerPreview } from '../../../domain/letters/answer-section.ts';
import type { Outcome } from '../../../domain/report/vocabulary.ts';
import {
  type DecisionField,
  decisionFields,
  OUTCOME_CHOICES,
} from '../../../domain/requests/decision-fields.ts';
import { citationText, OUTCOME_BASES } from '../../../domain/requests/outcome-basis.ts';
import { WITHHELD_UNDER, WITHHELD_UNDER_LABELS } from '../../../domain/requests/remedies.ts';

const required = (message: string) => [{ required: true, whitespace: true, message }];

/** A basis's sentence with its slots shown by their labels: “理由是：〔不予公开部分的理由〕。” */
const withLabels = (sentence: string, fields: readonly DecisionField[]): string =>
  sentence.replace(
    /\{(\w+)\}/g,
    (_whole, slot: string) => `〔${fields.find((f) => f.slot === slot)?.label ?? slot}〕`,
  );

/** 办理结果, 法律依据, the basis's own fields, 答复理由 and the preview. */
export function DecideFields() {
  const form = Form.useFormInstance();
  const outcome = Form.useWatch('outcome', form) as Outcome | undefined;
  const basisCode = Form.useWatch('basis', form) as string | undefined;
  const slots = (Form.useWatch('fields', form) ?? {}) as Record<string, string | undefined>;
  const bases = outcome ? OUTCOME_BASES[outcome] : [];
  const fields = outcome && basisCode ? decisionFields(outcome, basisCode) : [];
  const labelOf = (slot: string) => fields.find((f) => f.slot === slot)?.label ?? slot;
  const filled = Object.fromEntries(
    Object.entries(slots).filter((e): e is [string, string] => Boolean(e[1])),
  );
  const preview = outcome && basisCode ? answerPreview({ outcome, basisCode, slots: filled }, labelOf) : null;
  return (
    <>
      <Form.Item label="办理结果" name="outcome" rules={required('请选择办理结果')}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="按年度报告表三的分类选择"
          options={OUTCOME_CHOICES.map((group) => ({
            label: group.heading,
            options: group.outcomes.map((o) => ({
              value: o.outcome,
              label: o.label === group.heading.slice(3) ? group.heading : `${group.heading}：${o.label}`,
              title: o.label,
              short: o.label,
            })),
          }))}
          optionRender={(option) => (
            <span style={{ whiteSpace: 'normal' }}>
              {(option.data as { short?: string }).short ?? option.label}
            </span>
          )}
          popupMatchSelectWidth
          onChange={(next: Outcome) => {
            const first = OUTCOME_BASES[next]?.[0]?.code;
            form.setFieldsValue({ basis: OUTCOME_BASES[next]?.length === 1 ? first : undefined, fields: {} });
          }}
        />
      </Form.Item>
      {outcome && (
        <Form.Item label="法律依据" name="basis" rules={required('请选择法律依据')}>
          <Radio.Group style={{ width: '100%' }} onChange={() => form.setFieldValue('fields', {})}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {bases.map((b) => (
                <Radio key={b.code} value={b.code} style={{ whiteSpace: 'normal', alignItems: 'flex-start' }}>
                  <Typography.Text strong>
                    {b.citations.length > 0 ? citationText(b.citations) : '由经办人写明'}
                  </Typography.Text>
                  <br />
                  <Typography.Text type="secondary">
                    {withLabels(b.sentence, decisionFields(outcome, b.code))}
                  </Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
      )}
      {outcome === 'partial' && (
        <Form.Item
          label="不予公开部分的依据"
          name="withheldUnder"
          rules={[{ required: true, message: '请选择不予公开部分的依据' }]}
          extra="依据条例第十四、十五、十六条不予公开的，答复书告知应当先申请行政复议（行政复议法第二十三条）"
        >
          <Radio.Group
            options={WITHHELD_UNDER.map((value) => ({ value, label: WITHHELD_UNDER_LABELS[value] }))}
          />
        </Form.Item>
      )}
      {fields.map((f) => (
        <Form.Item
          key={f.slot}
          label={f.label}
          name={['fields', f.slot]}
          extra={f.slot === 'unconsulted' ? `${f.hint}（已书面征求第三方意见的，可不填）` : f.hint}
          // 条例 第三十二条: the server knows whether a consultation is on record and requires it only then
          rules={f.slot === 'unconsulted' ? [] : required(`请填写${f.label}`)}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
      ))}
      <Form.Item
        label="答复理由"
        name="reasons"
        rules={required('请填写答复理由')}
        extra="印在答复书的答复内容之后"
      >
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      {preview && (
        <Alert
          type={preview.includes('〔') ? 'warning' : 'info'}
          title="答复书将写明"
          description={<span data-testid="decision-preview">{preview}</span>}
          style={{ marginBottom: 16 }}
        />
      )}
    </>
  );
}
