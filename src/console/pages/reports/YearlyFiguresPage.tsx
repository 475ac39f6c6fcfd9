/** The yearly figures of table 二 (五)(六)(八): entered by staff or imported from the XLSX template. */
import { Alert, App, Button, Card, Flex, Form, InputNumber, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { messageOf } from '../../api/client.ts';
import { reportsApi } from '../../api/reports.ts';
import { base64Of } from '../../lib/files.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode } from '../../session-context.tsx';

interface Values {
  licenseDecisions?: number;
  penaltyDecisions?: number;
  enforcementDecisions?: number;
  feesYuan?: number;
}

export default function YearlyFiguresPage() {
  const agency = useAgencyCode();
  const year = Number(useParams().year);
  const { message } = App.useApp();
  const { data, error, reload } = useApi(() => reportsApi.figures(agency, year), [agency, year]);
  const [form] = Form.useForm<Values>();
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    if (data?.figures) form.setFieldsValue(data.figures);
  }, [data, form]);

  const save = async (values: Values) => {
    setSaveError(null);
    try {
      await reportsApi.saveFigures(agency, year, { ...values });
      message.success('已保存');
      reload();
    } catch (thrown) {
      setSaveError(messageOf(thrown));
    }
  };

  const importFile = async (file: File) => {
    setSaveError(null);
    try {
      await reportsApi.importFigures(agency, year, {
        fileName: file.name,
        contentBase64: await base64Of(file),
      });
      message.success(`已从 ${file.name} 导入`);
      reload();
    } catch (thrown) {
      setSaveError(messageOf(thrown));
    }
    return false;
  };

  const published = (data?.publishedVersion ?? 0) > 0;
  return (
    <>
      <Link to={`/reports/${year}`}>← 返回 {year} 年度报告</Link>
      <Typography.Title level={2}>{year} 年行政管理数据</Typography.Title>
      <Typography.Paragraph type="secondary">
        表二第二十条第（五）（六）（八）项：行政许可、行政处罚、行政强制的处理决定数量，行政事业性收费金额。
      </Typography.Paragraph>
      {(error || saveError) && (
        <Alert type="error" showIcon title={error ?? saveError} style={{ marginBottom: 16 }} />
      )}
      {published && (
        <Alert
          type="info"
          showIcon
          title="该年度报告已发布：如需修改，请在报告页面发布更正。"
          style={{ marginBottom: 16 }}
        />
      )}
      <Card>
        <Form
          form={form}
          layout="vertical"
          onFinish={save}
          disabled={published}
          aria-label="年度行政管理数据"
        >
          <Form.Item label="行政许可 本年处理决定数量" name="licenseDecisions">
            <InputNumber min={0} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item label="行政处罚 本年处理决定数量" name="penaltyDecisions">
            <InputNumber min={0} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item label="行政强制 本年处理决定数量" name="enforcementDecisions">
            <InputNumber min={0} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item
            label="行政事业性收费 本年收费金额（元）"
            name="feesYuan"
            extra={data?.figures ? `报告中显示为 ${data.figures.feesWan} 万元` : undefined}
          >
            <InputNumber min={0} style={{ width: 240 }} />
          </Form.Item>
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit">
              保存
            </Button>
            <Button href={reportsApi.templateUrl(agency, year)}>下载 XLSX 模板</Button>
            <Upload beforeUpload={importFile} showUploadList={false} accept=".xlsx" disabled={published}>
              <Button>从 XLSX 导入</Button>
            </Upload>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
