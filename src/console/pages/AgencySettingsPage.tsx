/**
 * 机关设置: where the agency's answers send the applicant — the 行政复议机关 every 答复书 names
 * (复议法 第二十三条第二款), the court (诉讼法 第四十六条) and the complaint channel (条例 第四十七条第二款).
 * An answer letter cannot be issued until the review body is set. And the agency's 网站信息 (its
 * section's title, footer and identifiers: SiteSettingsCard). Agency admins only.
 */
import { Alert, Button, Card, Form, Input, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import type { AgencyRemediesInput } from '../../contract/agency-remedies.ts';
import { agencyApi } from '../api/agency.ts';
import { siteApi } from '../api/site.ts';
import { SiteSettingsCard } from '../components/SiteSettingsCard.tsx';
import { useApi } from '../lib/use-api.ts';
import { useChange } from '../lib/use-change.ts';
import { useSession } from '../session-context.tsx';

export default function AgencySettingsPage() {
  const { agency } = useSession();
  const code = agency?.code ?? '';
  const loaded = useApi(() => agencyApi.remedies(code), [code]);
  const [form] = Form.useForm<AgencyRemediesInput>();
  const change = useChange(loaded.reload);
  useEffect(() => {
    if (loaded.data) form.setFieldsValue(loaded.data);
  }, [loaded.data, form]);
  if (loaded.error) return <Alert type="error" title={loaded.error} />;
  if (!loaded.data) return <Spin />;
  const unset = !loaded.data.reviewBody;
  return (
    <>
      <Typography.Title level={2}>机关设置</Typography.Title>
      <Card title="机关设置：救济途径">
        {unset && (
          <Alert
            type="warning"
            style={{ marginBottom: 16 }}
            title="尚未设置行政复议机关：设置之前，本机关不能出具答复书（行政复议法第二十三条第二款）。"
          />
        )}
        <Typography.Paragraph type="secondary">
          答复书据此告知申请人救济途径：可以（或依法应当先）向行政复议机关申请行政复议，以及向人民法院提起行政诉讼的期限和法院。
          行政复议机关一般为本级人民政府（行政复议法第二十四条）；垂直领导的机关、国务院部门等另有规定（第二十五条、第二十七条、第二十八条），请按本机关实际填写全称。
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          style={{ maxWidth: 640 }}
          onFinish={(values) => change('救济途径已保存', () => agencyApi.setRemedies(code, values))}
        >
          <Form.Item
            label="行政复议机关"
            name="reviewBody"
            rules={[{ required: true, whitespace: true, message: '请填写行政复议机关的全称' }]}
            extra="写全称，如：威海市人民政府"
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            label="行政诉讼管辖法院"
            name="court"
            rules={[{ required: true, whitespace: true, message: '请填写行政诉讼管辖法院的全称' }]}
            extra="写全称，如：威海市环翠区人民法院"
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            label="投诉渠道（可选）"
            name="complaintChannel"
            extra="条例第四十七条第二款、第五十一条：如“威海市人民政府办公室（政府信息公开工作主管部门，电话0631-0000000）”；填写后答复书告知可以向其投诉、举报"
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            保存
          </Button>
        </Form>
      </Card>
      <SiteSettingsCard
        title="机关设置：网站信息"
        intro="本机关政府信息公开专栏页面的标题、页面标签和页脚据此显示；不填的项目使用全平台的网站信息。"
        load={() => siteApi.agency(code)}
        save={(values) => siteApi.setAgency(code, values)}
        upload={(field, file) => siteApi.uploadAgencyImage(code, field, file)}
        deps={[code]}
      />
    </>
  );
}
