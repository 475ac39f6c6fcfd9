/**
 * 公开指南: what the agency's 政府信息公开指南 says of it (条例 第十二条第二款: 工作机构的名称、办公地址、办公时间、
 * 联系电话、传真号码、互联网联系方式), its 政府信息查阅场所 (条例 第二十五条), and the 备注说明 of its
 * catalogue's columns — the empty ones without a note listed first, since a blank column without a
 * note is a defect. Agency admins edit; the portal shows each change at once.
 */
import { Alert, Button, Card, Checkbox, Flex, Form, Input, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AgencyGuideInput } from '../../../contract/guide.ts';
import { guideApi } from '../../api/guide.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { useApi } from '../../lib/use-api.ts';
import { useChange } from '../../lib/use-change.ts';
import { useSession } from '../../session-context.tsx';
import { ColumnNotesCard } from './ColumnNotesCard.tsx';
import { ReadingPointsCard } from './ReadingPointsCard.tsx';

const FIELDS = [
  'office',
  'address',
  'postcode',
  'officeHours',
  'phone',
  'fax',
  'email',
  'acceptsFax',
  'acceptsEmail',
] as const;

function GuideCard({ code }: { code: string }) {
  const loaded = useApi(() => guideApi.guide(code), [code]);
  const [form] = Form.useForm<AgencyGuideInput>();
  const change = useChange(loaded.reload);
  const [summary, setSummary] = useState<string | null>(null);
  useEffect(() => {
    if (loaded.data) form.setFieldsValue(loaded.data);
  }, [loaded.data, form]);
  if (loaded.error) return <Alert type="error" title={loaded.error} />;
  if (!loaded.data) return <Spin />;
  const save = async (values: AgencyGuideInput) => {
    setSummary(null);
    const done = await change('公开指南已保存', async () => {
      try {
        await guideApi.setGuide(code, values);
      } catch (thrown) {
        const placed = fieldErrorsOf(thrown, FIELDS);
        form.setFields(placed.fields);
        setSummary(placed.summary);
        throw thrown;
      }
    });
    return done;
  };
  return (
    <Card title="公开指南：工作机构">
      <Typography.Paragraph type="secondary">
        条例第十二条第二款：政府信息公开指南包括政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式等内容。保存后门户网站的公开指南和纸质申请表随即更新。
      </Typography.Paragraph>
      {summary && <Alert type="error" title={summary} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={save}>
        <Form.Item
          label="工作机构名称"
          name="office"
          rules={[{ required: true, whitespace: true, message: '请填写工作机构名称' }]}
          extra="如：临港区党政办公室"
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          label="办公地址"
          name="address"
          rules={[{ required: true, whitespace: true, message: '请填写办公地址' }]}
          extra="也是信函申请的邮寄地址"
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          label="邮政编码"
          name="postcode"
          rules={[{ required: true, pattern: /^\d{6}$/, message: '邮政编码应为6位数字' }]}
        >
          <Input maxLength={6} inputMode="numeric" style={{ maxWidth: 160 }} />
        </Form.Item>
        <Form.Item
          label="办公时间"
          name="officeHours"
          rules={[{ required: true, whitespace: true, message: '请填写办公时间' }]}
          extra="如：工作日上午8:30—12:00，下午13:30—17:30"
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          label="联系电话"
          name="phone"
          rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]}
          extra="带区号，如：0631-5700000"
        >
          <Input maxLength={40} inputMode="tel" />
        </Form.Item>
        <Form.Item label="传真号码（可选）" name="fax">
          <Input maxLength={40} inputMode="tel" />
        </Form.Item>
        <Form.Item label="电子邮箱（可选）" name="email">
          <Input maxLength={200} inputMode="email" />
        </Form.Item>
        <Form.Item label="其他申请渠道" extra="在线、信函和当面申请始终接受；勾选后公开指南列出该渠道">
          <Flex gap={16} wrap>
            <Form.Item name="acceptsFax" valuePropName="checked" noStyle>
              <Checkbox>接受传真申请</Checkbox>
            </Form.Item>
            <Form.Item name="acceptsEmail" valuePropName="checked" noStyle>
              <Checkbox>接受电子邮件申请</Checkbox>
            </Form.Item>
          </Flex>
        </Form.Item>
        <Button type="primary" htmlType="submit">
          保存
        </Button>
      </Form>
    </Card>
  );
}

export default function GuideSettingsPage() {
  const { agency } = useSession();
  const code = agency?.code ?? '';
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        公开指南与栏目
      </Typography.Title>
      <GuideCard code={code} />
      <ReadingPointsCard code={code} />
      <ColumnNotesCard code={code} />
    </Flex>
  );
}
