/**
 * The attachments of a case or an item: the list with downloads, an upload button (antd Upload,
 * the file sent as base64 JSON) and, where the owner allows it, removal. Whether uploading or
 * removing is offered follows what the server allows; the server's Chinese message is shown when
 * it refuses.
 */
import { Alert, App, Button, Card, Popconfirm, Table, Typography, Upload } from 'antd';
import { type CSSProperties, useState } from 'react';
import { messageOf } from '../api/client.ts';
import { formatBytes, formatInstant } from '../lib/format.ts';

export interface AttachmentRow {
  id: number;
  fileName: string;
  size: number;
  createdAt?: string;
  createdBy?: string;
  /** who uploaded it, by name (姓名): shown instead of the username */
  createdByName?: string;
}

export interface AttachmentsCardProps {
  attachments: AttachmentRow[];
  /** the staff download address of an attachment */
  downloadUrl(attachment: AttachmentRow): string;
  /** uploads a file (the caller's API call with its expected version); absent: no upload button */
  upload?(file: File): Promise<unknown>;
  /** removes an attachment; absent: no remove links */
  remove?(attachment: AttachmentRow): Promise<unknown>;
  /** why uploading and removing are not offered now (e.g. the item's state), shown instead */
  lockedReason?: string | null;
  /** a consequence to know before changing the files (e.g. an approved item goes back to draft) */
  notice?: string | null;
  onChanged(): void;
  style?: CSSProperties;
}

/** The file types the server accepts (it checks the content; this only narrows the file dialog). */
const ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';

export function AttachmentsCard(props: AttachmentsCardProps) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { upload, remove, lockedReason } = props;

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      message.success(done);
      props.onChanged();
    } catch (thrown) {
      // kept in the card (a toast would vanish before a long sentence is read)
      setError(messageOf(thrown));
    } finally {
      setBusy(false);
    }
  };

  const extra = lockedReason ? (
    <Typography.Text type="secondary">{lockedReason}</Typography.Text>
  ) : upload ? (
    <Upload
      beforeUpload={(file) => {
        void run(() => upload(file), `已上传 ${file.name}`);
        return false;
      }}
      showUploadList={false}
      accept={ACCEPT}
    >
      <Button loading={busy}>上传附件</Button>
    </Upload>
  ) : null;

  return (
    <Card title="附件" style={props.style} extra={extra}>
      {props.notice && !lockedReason && (
        <Alert type="warning" showIcon title={props.notice} style={{ marginBottom: 12 }} />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setError(null)}
          title={error}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={props.attachments}
        locale={{ emptyText: '暂无附件' }}
        columns={[
          {
            title: '文件',
            dataIndex: 'fileName',
            render: (name: string, a) => (
              <a href={props.downloadUrl(a)} download>
                {name}
              </a>
            ),
          },
          { title: '大小', dataIndex: 'size', render: formatBytes },
          ...(props.attachments.some((a) => a.createdAt)
            ? [
                {
                  title: '上传',
                  key: 'created',
                  render: (_: unknown, a: AttachmentRow) =>
                    a.createdAt ? `${formatInstant(a.createdAt)} ${a.createdByName ?? ''}` : '—',
                },
              ]
            : []),
          ...(remove && !lockedReason
            ? [
                {
                  title: '操作',
                  key: 'remove',
                  render: (_: unknown, a: AttachmentRow) => (
                    <Popconfirm
                      title={`删除附件“${a.fileName}”？`}
                      okText="删除"
                      cancelText="取消"
                      onConfirm={() => run(() => remove(a), `已删除 ${a.fileName}`)}
                    >
                      <Button type="link" danger size="small" disabled={busy}>
                        删除
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
