/**
 * The 政务新媒体 accounts the day names (indicator newmedia.silent): silent 14 days or more (不合格,
 * 单项否决) or 7 days or more (预警), with the days left before the veto. Posting to an account's
 * channel (主动公开 → 登记其他渠道发布) updates it.
 */
import { Card, Table, Tag, Typography } from 'antd';
import type { Inspection } from '../../../contract/inspection.ts';

type AccountRow = NonNullable<Inspection['indicators'][number]['details']['accounts']>[number];

export function AccountsCard({ inspection }: { inspection: Inspection }) {
  const indicator = inspection.indicators.find((i) => i.indicator === 'newmedia.silent');
  const rows = indicator?.details.accounts ?? [];
  return (
    <Card title="政务新媒体更新">
      <Typography.Paragraph type="secondary">
        运营中的账号满7天未更新即预警，满14天为单项否决。在“主动公开”的信息上登记该账号渠道的发布即更新账号。
      </Typography.Paragraph>
      <Table<AccountRow>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 520 }}
        locale={{ emptyText: '没有7天以上未更新的账号' }}
        columns={[
          { title: '账号', width: 200, fixed: 'left', render: (_v, a) => `${a.platformLabel}“${a.name}”` },
          {
            title: '最近发布',
            dataIndex: 'lastPostedOn',
            width: 110,
            render: (d: string | null) => d ?? '尚未发布',
          },
          {
            title: '状态',
            width: 170,
            render: (_v, a) =>
              a.daysToVeto === 0 ? (
                <Tag color="error">已 {a.days} 天未更新</Tag>
              ) : (
                <Tag color="warning">
                  已 {a.days} 天，{a.daysToVeto} 天后否决
                </Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
