/**
 * 网站自查 死链 (issue 15, docs/inspection.md “Links”): the latest link check — when, how many pages
 * and links, whether external links were checked — and each dead link with the page(s) holding it
 * (clickable: the portal's page opens in a new tab), why it is dead and the day it was first seen.
 * A list rather than a table, so that long addresses wrap at 390 px. The 机关管理员 checks now.
 */
import { Alert, Button, Card, Flex, List, Space, Tag, Typography } from 'antd';
import type { DeadLinkJson, LinkCheck } from '../../../contract/inspection.ts';
import { inspectionApi } from '../../api/inspection.ts';
import { useApi } from '../../lib/use-api.ts';
import { useChange } from '../../lib/use-change.ts';

const wrap = { wordBreak: 'break-all' as const, overflowWrap: 'anywhere' as const };

/** An address as a link that opens in a new tab, shown as written. */
function Address({ url }: { url: string }) {
  return (
    <a href={url} target="_blank" rel="noreferrer" style={wrap} data-identifier>
      {url}
    </a>
  );
}

function summary(check: NonNullable<LinkCheck['check']>): string {
  const external = check.external.enabled
    ? `外部链接本次检查 ${check.external.checked} 个${check.external.deferred > 0 ? `，${check.external.deferred} 个留待下次` : ''}`
    : '未检查外部链接（未开启）';
  const bound = check.truncated ? '；已达页面上限，其余页面未检查' : '';
  return `${check.day} 检查：读取页面 ${check.pages} 个，检查链接 ${check.links} 个；${external}${bound}。`;
}

function DeadLinkItem({ link }: { link: DeadLinkJson }) {
  const more = link.pageCount - link.pages.length;
  return (
    <List.Item>
      <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
        <Space wrap size={4}>
          <Tag color="error">{link.reason}</Tag>
          <Tag>{link.kindLabel}</Tag>
          <Typography.Text type="secondary">首次发现 {link.firstSeen}</Typography.Text>
        </Space>
        <Address url={link.url} />
        <Typography.Text type="secondary">
          所在页面{link.pages.length === 0 ? '：起始页面本身' : '：'}
        </Typography.Text>
        {link.pages.map((page) => (
          <Address key={page} url={page} />
        ))}
        {more > 0 && <Typography.Text type="secondary">另有 {more} 个页面</Typography.Text>}
      </Flex>
    </List.Item>
  );
}

export function DeadLinksCard({
  code,
  canCheck,
  onChecked,
}: {
  code: string;
  canCheck: boolean;
  onChecked: () => void;
}) {
  const loaded = useApi(() => inspectionApi.links(code), [code]);
  const change = useChange(() => {
    loaded.reload();
    onChecked();
  });
  const data = loaded.data;
  return (
    <Card
      title="死链"
      extra={
        canCheck && (
          <Button onClick={() => change('已检查链接并保存结果', () => inspectionApi.checkLinks(code))}>
            检查链接
          </Button>
        )
      }
    >
      {loaded.error && <Alert type="error" title={loaded.error} />}
      {data && !data.check && (
        <Typography.Paragraph type="secondary">
          尚未检查链接。检查会读取本机关门户的栏目、信息、公开指南和年度报告页面及附件，列出打不开的链接及其所在页面。
        </Typography.Paragraph>
      )}
      {data?.check && <Typography.Paragraph type="secondary">{summary(data.check)}</Typography.Paragraph>}
      {data?.check && (
        <List
          size="small"
          dataSource={data.deadLinks}
          rowKey={(l) => `${l.kind}:${l.url}`}
          locale={{ emptyText: '没有发现死链' }}
          renderItem={(link) => <DeadLinkItem link={link} />}
        />
      )}
    </Card>
  );
}
