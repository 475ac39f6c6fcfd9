/**
 * 数据备份（全平台）: the platform administrator's backups — the ones made (who, when, the file on the
 * server, its size, rows and attachments, SHA-256) and a new one into the server's backup folder
 * (GONGKAI_BACKUP_DIR). Restoring is done on the server with `gongkai restore` (docs/operations.md).
 */
import { Alert, Button, Flex, Popconfirm, Table, Typography } from 'antd';
import { useState } from 'react';
import { type Backup, backupsApi } from '../api/backups.ts';
import { formatBytes, formatInstant } from '../lib/format.ts';
import { useApi } from '../lib/use-api.ts';
import { useChange } from '../lib/use-change.ts';

const KIND_LABELS = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

export default function PlatformBackupsPage() {
  const { data, error, reload } = useApi(() => backupsApi.list(), []);
  const change = useChange(reload);
  const [running, setRunning] = useState(false);
  const directory = data?.directory ?? null;

  const backUp = async () => {
    setRunning(true);
    await change('已完成备份', () => backupsApi.create());
    setRunning(false);
  };

  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Title level={2}>数据备份（全平台）</Typography.Title>
        <Popconfirm
          title="立即备份数据库和全部附件？"
          description={`备份文件写入服务器的 ${directory ?? '备份文件夹'}。`}
          okText="备份"
          cancelText="取消"
          onConfirm={backUp}
          disabled={!directory}
        >
          <Button type="primary" loading={running} disabled={!directory}>
            立即备份
          </Button>
        </Popconfirm>
      </Flex>
      <Typography.Paragraph type="secondary">
        每份备份是一个文件：数据库（原样复制，证件号码等保持库中原样）、全部附件，以及列明各表行数和每个文件校验和的清单。
        恢复须由运维人员在服务器上停止平台后，按运维手册用命令行恢复；恢复前逐项校验，损坏的备份不会写入任何内容。
        直接复制正在使用的数据库文件不是备份。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {data && !directory && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="服务器未设置备份文件夹，不能在此备份"
          description="请运维人员按运维手册设置备份文件夹（绝对路径）后重启平台，或在服务器上用命令行备份。"
        />
      )}
      <Table<Backup>
        rowKey="sha256"
        loading={!data && !error}
        dataSource={data?.backups ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '尚无备份记录' }}
        // on a phone the table scrolls in its box with readable columns, not squeezed a character wide
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '时间', dataIndex: 'at', render: (at: string) => formatInstant(at) },
          { title: '操作人', dataIndex: 'actorName' },
          {
            title: '文件',
            dataIndex: 'file',
            // the path breaks anywhere, so the other columns keep their one line at 1366 px
            width: 260,
            render: (file: string) => (
              <Typography.Text code style={{ wordBreak: 'break-all' }}>
                {file}
              </Typography.Text>
            ),
          },
          { title: '大小', dataIndex: 'bytes', render: (bytes: number) => formatBytes(bytes) },
          { title: '数据库', dataIndex: 'kind', render: (kind: Backup['kind']) => KIND_LABELS[kind] },
          { title: '数据行数', dataIndex: 'rows', render: (rows: number) => rows.toLocaleString('zh-CN') },
          {
            title: '附件',
            dataIndex: 'attachments',
            render: (a: Backup['attachments']) => (
              <>
                {a.count} 个（{formatBytes(a.bytes)}）
                {a.damaged.length > 0 && (
                  <Typography.Text type="danger" title={a.damaged.join('\n')}>
                    ，{a.damaged.length} 个内容与存储名不符（可能已损坏）
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: '校验和（SHA-256）',
            dataIndex: 'sha256',
            render: (sha: string) => (
              <Typography.Text copyable={{ text: sha }} title={sha}>
                {sha.slice(0, 12)}…
              </Typography.Text>
            ),
          },
        ]}
      />
    </>
  );
}
