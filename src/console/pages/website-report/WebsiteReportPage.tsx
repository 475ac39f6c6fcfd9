/**
 * 网站工作年度报表 (issue 15, docs/website-report.md): the year's rows by section as the template
 * lays them out — the computed ones read-only with how they are counted, the manual ones editable by
 * the 机关管理员 — the required rows still empty, and the downloads (the final report once every
 * required row is filled, a draft before).
 */
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Spin,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { WebsiteReportRowJson } from '../../../contract/website-report.ts';
import { WEBSITE_REPORT_SECTIONS } from '../../../domain/website-report/rows.ts';
import { websiteReportApi } from '../../api/website-report.ts';
import { useApi } from '../../lib/use-api.ts';
import { useChange } from '../../lib/use-change.ts';
import { useSession } from '../../session-context.tsx';

const nameOf = (row: WebsiteReportRowJson) =>
  `${row.group && row.group !== row.section ? `${row.group} ` : ''}${row.label}${row.unit ? `（${row.unit}）` : ''}`;

function ManualField({ row }: { row: WebsiteReportRowJson }) {
  if (row.kind === 'count')
    return (
      <InputNumber min={0} precision={0} style={{ width: '100%', maxWidth: 240 }} aria-label={nameOf(row)} />
    );
  if (row.code.endsWith('.account'))
    return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} aria-label={nameOf(row)} />;
  return <Input maxLength={200} style={{ maxWidth: 360 }} aria-label={nameOf(row)} />;
}

export default function WebsiteReportPage() {
  const { agency, allows } = useSession();
  const code = agency?.code ?? '';
  const editable = allows('website_report/edit');
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear - 1);
  const loaded = useApi(() => websiteReportApi.read(code, year), [code, year]);
  const change = useChange(loaded.reload);
  const [form] = Form.useForm<Record<string, string | number | null>>();
  const report = loaded.data;

  useEffect(() => {
    if (!report) return;
    form.setFieldsValue(
      Object.fromEntries(report.rows.filter((r) => r.source === 'manual').map((r) => [r.code, r.value])),
    );
  }, [report, form]);

  const save = (values: Record<string, string | number | null | undefined>) =>
    change('已保存', () =>
      websiteReportApi.save(code, year, {
        fields: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? null])),
      }),
    );
  const draft = (report?.missing.length ?? 0) > 0;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          网站工作年度报表
        </Typography.Title>
        <Select
          aria-label="年度"
          value={year}
          onChange={setYear}
          options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({
            value: y,
            label: `${y}年度`,
          }))}
          style={{ width: 120 }}
        />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        每年1月31日前在网站首页显著位置发布上一年度的报表。标有“平台统计”的项目按本平台的数据计算；其余项目由机关管理员填写。
      </Typography.Paragraph>
      {loaded.error && <Alert type="error" showIcon title={loaded.error} />}
      {!report && !loaded.error && <Spin />}
      {report && (
        <>
          {draft ? (
            <Alert
              type="warning"
              showIcon
              title="以下必填项目尚未填写，只能导出草稿"
              description={report.missing.join('、')}
            />
          ) : (
            <Alert type="success" showIcon title="必填项目均已填写，可以导出正式报表" />
          )}
          <Flex gap={8} wrap>
            <Button type="primary" href={websiteReportApi.fileUrl(code, year, 'docx', draft)} download>
              {draft ? '导出草稿（文档）' : '导出报表（文档）'}
            </Button>
            <Button href={websiteReportApi.fileUrl(code, year, 'xlsx', draft)} download>
              {draft ? '导出草稿（电子表格）' : '导出报表（电子表格）'}
            </Button>
          </Flex>
          <Form
            form={form}
            layout="vertical"
            onFinish={save}
            disabled={!editable}
            aria-label="网站工作年度报表"
          >
            <Flex vertical gap={16}>
              {WEBSITE_REPORT_SECTIONS.map((section) => {
                const rows = report.rows.filter((r) => r.section === section);
                const computed = rows.filter((r) => r.source === 'computed');
                const manual = rows.filter((r) => r.source === 'manual');
                return (
                  <Card key={section} title={section} size="small">
                    {computed.length > 0 && (
                      <Descriptions
                        size="small"
                        column={1}
                        bordered
                        style={{ marginBottom: manual.length > 0 ? 16 : 0 }}
                        items={computed.map((r) => ({
                          key: r.code,
                          label: (
                            <Flex vertical>
                              <span>{nameOf(r)}</span>
                              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                平台统计：{r.note}
                              </Typography.Text>
                            </Flex>
                          ),
                          children:
                            r.value === null ? (
                              r.needed ? (
                                <Tag color="warning">暂无，请在机关设置中补充</Tag>
                              ) : (
                                <Typography.Text type="secondary">无</Typography.Text>
                              )
                            ) : (
                              <span style={{ overflowWrap: 'anywhere' }}>{String(r.value)}</span>
                            ),
                        }))}
                      />
                    )}
                    {manual.map((r) => (
                      <Form.Item
                        key={r.code}
                        name={r.code}
                        label={nameOf(r)}
                        extra={r.note || undefined}
                        required={r.needed}
                        style={{ marginBottom: 12 }}
                      >
                        <ManualField row={r} />
                      </Form.Item>
                    ))}
                  </Card>
                );
              })}
              {editable && (
                <Flex>
                  <Button type="primary" htmlType="submit">
                    保存填写的项目
                  </Button>
                </Flex>
              )}
            </Flex>
          </Form>
          {report.updatedAt && (
            <Typography.Text type="secondary">
              最近由 {report.updatedBy} 于 {new Date(report.updatedAt).toLocaleString('zh-CN')} 保存。
            </Typography.Text>
          )}
        </>
      )}
    </Flex>
  );
}
