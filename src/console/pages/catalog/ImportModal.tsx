/** 导入标准目录: the chosen XLSX previewed (entries with their 时限 read back, rows skipped), then imported. */
import { Alert, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { type CatalogImport, catalogApi } from '../../api/catalog.ts';
import { messageOf } from '../../api/client.ts';

export function ImportModal(props: {
  agency: string;
  file: { fileName: string; contentBase64: string } | null;
  preview: CatalogImport | null;
  onClose(): void;
  onDone(result: CatalogImport): void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { preview } = props;
  const commit = async () => {
    if (!props.file) return;
    setBusy(true);
    setError(null);
    try {
      props.onDone(await catalogApi.import(props.agency, props.file, false));
    } catch (thrown) {
      setError(messageOf(thrown));
    } finally {
      setBusy(false);
    }
  };
  const domains = preview?.domains.map((d) => d || '（未分领域）').join('、') ?? '';
  return (
    <Modal
      open={preview !== null}
      title={`导入预览：${props.file?.fileName ?? ''}`}
      okText="确认导入"
      cancelText="取消"
      confirmLoading={busy}
      onOk={commit}
      onCancel={() => {
        setError(null);
        props.onClose();
      }}
      width={860}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {preview && (
        <>
          <Typography.Paragraph>
            共 {preview.entries.length} 项，领域：{domains}（表头在第 {preview.headerRow} 行）。
            导入后替换这些领域原有的 {preview.replaced} 项，其中 {preview.mappingsKept}{' '}
            项沿用原来的发布栏目；其他领域不变。
          </Typography.Paragraph>
          {preview.skipped.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={`跳过 ${preview.skipped.length} 行：${preview.skipped.map((s) => `第${s.row}行（${s.reason}）`).join('；')}`}
            />
          )}
          <Table
            size="small"
            rowKey="row"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 640 }}
            dataSource={preview.entries}
            columns={[
              { title: '行', dataIndex: 'row', width: 56 },
              { title: '公开事项', dataIndex: 'title', width: 200 },
              {
                title: '公开时限',
                key: 'deadline',
                render: (_v, e) => (
                  <>
                    <div>{e.deadline}</div>
                    <Typography.Text type={e.checkable ? 'success' : 'secondary'}>
                      {e.ruleLabel}
                    </Typography.Text>
                  </>
                ),
              },
              { title: '公开方式', dataIndex: 'mannerLabel', width: 110 },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
