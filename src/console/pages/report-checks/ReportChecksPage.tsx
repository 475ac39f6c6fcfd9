/**
 * 年报体检: a supervising office checks the annual reports of the agencies it oversees. Choose several
 * report files (PDF, DOCX, HTML, text) → one batch, read and checked on the server; the batches so far.
 */
import type { UploadFile } from 'antd';
import { Alert, Button, Card, Flex, Input, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { messageOf } from '../../api/client.ts';
import { type ReportCheckBatchSummary, reportChecksApi } from '../../api/report-checks.ts';
import { base64Of } from '../../lib/files.ts';
import { formatInstant } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode, useSession } from '../../session-context.tsx';

const ACCEPT = '.pdf,.docx,.html,.htm,.txt,.md';

export default function ReportChecksPage() {
  const agency = useAgencyCode();
  const { allows } = useSession();
  const navigate = useNavigate();
  const { data, error } = useApi(() => reportChecksApi.list(agency), [agency]);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  const check = async () => {
    setBusy(true);
    setFailed(null);
    try {
      const payload = await Promise.all(
        files.map(async (f) => ({
          fileName: f.name,
          contentBase64: await base64Of(f.originFileObj as Blob),
        })),
      );
      const batch = await reportChecksApi.create(agency, { name: name.trim() || undefined, files: payload });
      navigate(`/report-checks/${batch.id}`);
    } catch (thrown) {
      setFailed(messageOf(thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Title level={2}>年报体检</Typography.Title>
      <Typography.Paragraph type="secondary">
        一次上传多个机关的政府信息公开工作年度报告（PDF、Word、网页或文本文件，每个不超过 20 MB，一次最多 50
        份），
        系统读取三张统计表和六个部分，逐项核对表内勾稽、跨年度衔接（同一机关上一年度的报告一并上传时）、正文与表格是否一致、与上年雷同比例等。
        检查结果保存为一个批次，可按规则和严重程度筛选并导出；文件本身不保存。
      </Typography.Paragraph>
      {allows('report_checks/create') && (
        <Card title="新的检查" style={{ marginBottom: 16 }}>
          <Flex vertical gap={12}>
            <Input
              aria-label="批次名称"
              placeholder="批次名称（可不填），如：2023年度各区县报告"
              value={name}
              maxLength={100}
              onChange={(e) => setName(e.target.value)}
              style={{ maxWidth: 480 }}
            />
            <Upload
              multiple
              accept={ACCEPT}
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFiles(fileList)}
            >
              <Button>选择报告文件</Button>
            </Upload>
            {failed && <Alert type="error" showIcon title={failed} />}
            <div>
              <Button type="primary" loading={busy} disabled={files.length === 0} onClick={check}>
                开始检查（{files.length} 份）
              </Button>
            </div>
          </Flex>
        </Card>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<ReportCheckBatchSummary>
        rowKey="id"
        loading={!data && !error}
        dataSource={data?.batches ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '尚无检查批次' }}
        columns={[
          {
            title: '批次',
            dataIndex: 'name',
            render: (text: string, b) => <Link to={`/report-checks/${b.id}`}>{text}</Link>,
          },
          { title: '检查时间', dataIndex: 'createdAt', render: (at: string) => formatInstant(at) },
          { title: '检查人', dataIndex: 'createdByName' },
          { title: '已读取', dataIndex: 'reports' },
          { title: '无法读取', dataIndex: 'unreadable' },
          { title: '有错误的报告', dataIndex: 'withErrors' },
          { title: '错误', dataIndex: 'errors' },
          { title: '警告', dataIndex: 'warnings' },
        ]}
      />
    </>
  );
}
