/**
 * The yearly figures of table 二 (五)(六)(八): entered by staff or imported from the XLSX template;
 * for a year in the 2019 trial format (≤ 2020) also that format's own figures, which may be left blank.
 */
import { Alert, App, Button, Card, Divider, Flex, Form, Input, InputNumber, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { moneyMessage, readMoney } from '../../../domain/money.ts';
import { type FigureField, figureFieldsOf } from '../../../domain/report/figures.ts';
import { formatForYear } from '../../../domain/report/formats/registry.ts';
import { messageOf } from '../../api/client.ts';
import { reportsApi } from '../../api/reports.ts';
import { base64Of } from '../../lib/files.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode } from '../../session-context.tsx';

/** Blank (null): not stated, for the figures a year may leave unstated. Amounts are text. */
type Values = Parameters<typeof reportsApi.saveFigures>[2];

/** What staff are told under an amount's input. */
const AMOUNT_HINT = {
  wan: '以万元填写，最多六位小数（1分 = 0.000001万元，如 24252.311082）；报告按所填原样显示，如填 0.350000 即印 0.350000。',
  yuan: '以元填写，最多两位小数；报告按所填原样显示。',
} as const;

/** An amount's input: text, checked as the server checks it (money.ts), the message naming the field. */
function amountInput(field: FigureField & { kind: 'wan' | 'yuan' }) {
  return (
    <Form.Item
      key={field.key}
      label={field.label}
      name={field.key}
      extra={AMOUNT_HINT[field.kind]}
      rules={[
        {
          validator: async (_rule, value: unknown) => {
            const text = typeof value === 'string' ? value.trim() : '';
            if (text === '') return;
            const reading = readMoney(text, field.kind);
            if (!reading.ok)
              throw new Error(moneyMessage(`“${field.label}”`, text, reading.problem, field.kind));
          },
        },
      ]}
    >
      <Input inputMode="decimal" suffix={field.unit} style={{ width: 240 }} />
    </Form.Item>
  );
}

/** The input of a figure: counts from 0, 本年增/减 also negative; amounts as text. */
function figureInput(field: FigureField) {
  if (field.kind === 'wan' || field.kind === 'yuan')
    return amountInput(field as FigureField & { kind: 'wan' | 'yuan' });
  return (
    <Form.Item
      key={field.key}
      label={field.label}
      name={field.key}
      extra={field.kind === 'signed' ? '减少时填负数（如 -8）' : undefined}
    >
      <InputNumber
        controls={false}
        min={field.kind === 'signed' ? undefined : 0}
        suffix={field.unit}
        style={{ width: 240 }}
      />
    </Form.Item>
  );
}

export default function YearlyFiguresPage() {
  const agency = useAgencyCode();
  const year = Number(useParams().year);
  const { message } = App.useApp();
  const { data, error, reload } = useApi(() => reportsApi.figures(agency, year), [agency, year]);
  const [form] = Form.useForm<Values>();
  const [saveError, setSaveError] = useState<string | null>(null);
  const format = formatForYear(year);
  const fields = figureFieldsOf(format.id);
  const own = fields.filter((f) => !f.required);

  useEffect(() => {
    form.resetFields();
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
        {own.length > 0 && `${year} 年度报告采用${format.citation}，另有下列该格式独有的数据；没有的留空。`}
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
          {fields.filter((f) => f.required).map((f) => figureInput(f))}
          {own.length > 0 && <Divider titlePlacement="start">{format.id} 年版格式独有的数据</Divider>}
          {own.map((f) => figureInput(f))}
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
