/** One year's report: the tables (read-only, from the data), the narrative, validation, preview. */
import { Alert, Button, Card, Col, Flex, List, Row, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { reportsApi } from '../../api/reports.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode } from '../../session-context.tsx';
import { ReportTables } from './ReportTables.tsx';

export default function ReportEditorPage() {
  const agency = useAgencyCode();
  const year = Number(useParams().year);
  const { data: report, error } = useApi(() => reportsApi.get(agency, year), [agency, year]);
  const flagged = useMemo(() => new Set((report?.violations ?? []).flatMap((v) => v.cells)), [report]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!report) return null;
  return (
    <>
      <Link to="/reports">← 返回</Link>
      <Flex justify="space-between" align="center" wrap>
        <Typography.Title level={2}>{year} 年度报告</Typography.Title>
        <Flex gap={8}>
          <a href={reportsApi.fileUrl(agency, year, 'html')} target="_blank" rel="noreferrer">
            <Button>预览</Button>
          </a>
        </Flex>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          {Object.entries(report.sections).map(([key, section]) => (
            <Card key={key} title={section.heading} style={{ marginBottom: 16 }}>
              {section.table ? (
                <ReportTables cells={report.cells} only={section.table} flagged={flagged} />
              ) : (
                (section.paragraphs ?? []).map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs in order
                  <Typography.Paragraph key={i}>{p}</Typography.Paragraph>
                ))
              )}
            </Card>
          ))}
        </Col>
        <Col xs={24} xl={8}>
          <ValidationPanel violations={report.violations} />
        </Col>
      </Row>
    </>
  );
}

/** The live validation panel: every violation of R1–R10 with its cells. */
export function ValidationPanel({
  violations,
}: {
  violations: Array<{ code: string; severity: string; message: string; cells: string[] }>;
}) {
  const errors = violations.filter((v) => v.severity === 'error').length;
  return (
    <Card title="校验" style={{ position: 'sticky', top: 16 }}>
      <section aria-label="校验结果" aria-live="polite">
        {violations.length === 0 ? (
          <Alert type="success" showIcon title="通过全部校验（R1–R10）。" />
        ) : (
          <>
            <Alert
              type={errors ? 'error' : 'warning'}
              showIcon
              title={errors ? `${errors} 个错误须改正后才能发布` : '仅有提示，可以发布'}
              style={{ marginBottom: 12 }}
            />
            <List
              size="small"
              dataSource={violations}
              renderItem={(v) => (
                <List.Item>
                  <div>
                    <Tag color={v.severity === 'error' ? 'red' : 'gold'}>{v.code}</Tag>
                    {v.message}
                  </div>
                </List.Item>
              )}
            />
          </>
        )}
      </section>
    </Card>
  );
}
