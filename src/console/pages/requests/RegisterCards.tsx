/**
 * The parts of 登记申请 that the 条例 adds to an ordinary request: an oral application written up by
 * the office (第二十九条第一款), the help given (第四十三条), the record a 更正申请 is about (第四十一条).
 */
import { Card, Checkbox, Col, Form, Input, Row, Select, Typography } from 'antd';
import { ASSISTANCE_NEED_LABELS, ORAL_CONFIRMATION_LABELS } from '../../../domain/requests/intake.ts';

/** Select or checkbox options of a label table, some codes left out. */
export const options = (labels: Record<string, string>, skip: string[] = []) =>
  Object.entries(labels)
    .filter(([value]) => !skip.includes(value))
    .map(([value, label]) => ({ value, label }));

/** 条例 第二十九条第一款: why writing is hard, and how the applicant confirmed what the office wrote. */
export function OralCard({ confirmation }: { confirmation: string | undefined }) {
  return (
    <Card title="口头提出（条例第二十九条第一款）" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        “采用书面形式确有困难的，申请人可以口头提出，由受理该申请的政府信息公开工作机构代为填写政府信息公开申请。”
        代为填写人即登记人（您本人）；登记回执将写明本申请由本机关代为填写并经申请人确认。
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label="书面形式确有困难的情形"
            name={['oral', 'difficulty']}
            rules={[{ required: true, message: '请填写书面形式确有困难的情形' }]}
          >
            <Input.TextArea rows={2} placeholder="如：申请人不识字，无法书写申请" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            label="申请人确认方式"
            name={['oral', 'confirmation']}
            rules={[{ required: true, message: '请选择申请人确认代为填写的申请的方式' }]}
          >
            <Select options={options(ORAL_CONFIRMATION_LABELS)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            label="确认情况说明"
            name={['oral', 'confirmationNote']}
            rules={[{ required: confirmation === 'other', message: '请写明申请人确认的具体方式' }]}
          >
            <Input placeholder="如：按指印确认" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** 条例 第四十三条: the applicant's difficulties and the help given (staff only). */
export function AssistanceCard() {
  return (
    <Card title="提供的帮助（条例第四十三条，可不填）" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        “申请公开政府信息的公民存在阅读困难或者视听障碍的，行政机关应当为其提供必要的帮助。”
        仅工作人员可见，不在申请进度查询页显示。
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="申请人存在的困难" name={['assistance', 'needs']}>
            <Checkbox.Group options={options(ASSISTANCE_NEED_LABELS)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item label="提供的帮助" name={['assistance', 'help']}>
            <Input.TextArea rows={2} placeholder="如：工作人员逐项宣读申请内容并代为填写" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** 条例 第四十一条: the record to correct, what is inaccurate, the evidence. */
export function CorrectionCard() {
  return (
    <Card title="要求更正的记录（条例第四十一条）" style={{ marginBottom: 16 }}>
      <Form.Item
        label="要求更正的政府信息记录"
        name={['correction', 'record']}
        rules={[{ required: true, message: '请写明要求更正的政府信息记录' }]}
      >
        <Input.TextArea rows={2} placeholder="记录的名称、文号或其他能确定该记录的描述" />
      </Form.Item>
      <Form.Item
        label="不准确的内容"
        name={['correction', 'inaccuracy']}
        rules={[{ required: true, message: '请写明哪些内容不准确，以及应当如何更正' }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item
        label="提供的证据"
        name={['correction', 'evidence']}
        extra="条例第四十一条：“有证据证明”。证据文件可在登记后于申请页面上传为附件。"
        rules={[{ required: true, message: '请写明申请人提供的证据' }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </Card>
  );
}
