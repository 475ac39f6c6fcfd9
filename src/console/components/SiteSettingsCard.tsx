/**
 * 网站信息: a site's identity as a government website — 网站名称, 主办单位, 承办单位, 联系我们, 网站标识码,
 * 备案号, the 党政机关网站 mark, the icon — for an agency's section (机关设置) or the whole portal (the
 * platform administrator's 网站信息（全平台）). Empty fields are not shown on the portal; an agency's
 * empty field takes the whole portal's. The server checks the formats and names a wrong field. The
 * mark and the icon are uploaded (SiteImageField) or given as an address.
 */
import { Button, Card, Col, Form, Input, Row, Typography } from 'antd';
import { useEffect } from 'react';
import type { SiteSettingsInput } from '../../contract/site-settings.ts';
import { type SiteImageField as ImageField, isSiteImageField } from '../../domain/site/images.ts';
import { SITE_FIELD_LABELS, type SiteSettings } from '../../domain/site/settings.ts';
import { useApi } from '../lib/use-api.ts';
import { useChange } from '../lib/use-change.ts';
import { SiteImageField } from './SiteImageField.tsx';

interface Field {
  name: keyof SiteSettings;
  extra: string;
  max: number;
}

const FIELDS: Field[] = [
  { name: 'siteName', extra: '显示在标题栏和页面顶部；不填时机关页面用机关名称', max: 100 },
  { name: 'siteUrl', extra: '如 https://gk.example.gov.cn；用于网站地图和页面标签中的域名', max: 500 },
  { name: 'sponsor', extra: '如：威海市人民政府办公室', max: 200 },
  { name: 'organizer', extra: '如：威海市大数据中心', max: 200 },
  { name: 'contactPhone', extra: '如：0631-5800000', max: 100 },
  { name: 'contactEmail', extra: '如：gongkai@example.gov.cn', max: 200 },
  { name: 'contactAddress', extra: '如：威海市统一路1号', max: 200 },
  { name: 'contactPage', extra: '另有“联系我们”页面时填写其地址，页脚链接到该页面', max: 500 },
  { name: 'siteCode', extra: '国务院办公厅分配的 10 位网站标识码，如 3710000001', max: 10 },
  { name: 'icp', extra: '如：鲁ICP备12345678号-1，页脚链接到工业和信息化部备案管理系统', max: 40 },
  {
    name: 'psb',
    extra: '如：鲁公网安备 37100202000123号，页脚链接到全国互联网安全管理服务平台的备案查询',
    max: 40,
  },
  {
    name: 'markImage',
    extra: '上传 PNG、JPEG 或 GIF 图片（不超过 200 KB，不接受 SVG），或填写图片地址；清除后保存即不显示',
    max: 500,
  },
  { name: 'markLink', extra: '点击标识打开的开办资格查询页面', max: 500 },
  {
    name: 'favicon',
    extra: '上传 ICO、PNG 或 GIF 图标（不超过 100 KB），或填写图标地址；不填则用本平台默认图标',
    max: 500,
  },
];

export function SiteSettingsCard(props: {
  title: string;
  intro: string;
  load: () => Promise<SiteSettings>;
  save: (values: SiteSettingsInput) => Promise<SiteSettings>;
  /** uploads the mark or the icon; the server sets the field at once and answers the settings */
  upload: (field: ImageField, file: File) => Promise<SiteSettings>;
  deps: unknown[];
}) {
  const loaded = useApi(props.load, props.deps);
  const [form] = Form.useForm<SiteSettingsInput>();
  const change = useChange(loaded.reload);
  useEffect(() => {
    if (loaded.data) form.setFieldsValue(loaded.data);
  }, [loaded.data, form]);
  return (
    <Card title={props.title} loading={!loaded.data && !loaded.error} style={{ marginTop: 16 }}>
      {loaded.error && <Typography.Text type="danger">{loaded.error}</Typography.Text>}
      <Typography.Paragraph type="secondary">{props.intro}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => change('网站信息已保存', () => props.save(values))}
      >
        <Row gutter={16}>
          {FIELDS.map((f) => (
            <Col xs={24} md={12} key={f.name}>
              {isSiteImageField(f.name) ? (
                <SiteImageField field={f.name} extra={f.extra} form={form} upload={props.upload} />
              ) : (
                <Form.Item label={SITE_FIELD_LABELS[f.name]} name={f.name} extra={f.extra}>
                  <Input maxLength={f.max} />
                </Form.Item>
              )}
            </Col>
          ))}
        </Row>
        <Button type="primary" htmlType="submit">
          保存网站信息
        </Button>
      </Form>
    </Card>
  );
}
