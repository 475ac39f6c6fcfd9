/**
 * The link between a policy document (政策文件) and its interpretations (解读材料): a policy lists
 * its interpretations; an interpretation shows its policy, and staff link it to one (picked by
 * searching the agency's policy documents by title or 文号) or unlink it.
 */
import { App, Button, Card, Empty, Flex, List, Popconfirm, Select, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { messageOf } from '../../api/client.ts';
import { type ItemDetail, itemsApi, type RelatedItem } from '../../api/items.ts';
import { labelOf } from '../../lib/format.ts';
import { useSession } from '../../session-context.tsx';
import { ITEM_STATE_LABELS } from './labels.ts';

function Related({ item }: { item: RelatedItem }) {
  return (
    <Flex gap={8} align="center" wrap>
      <Link to={`/items/${item.id}`}>{item.title}</Link>
      {item.docNumber && <Typography.Text type="secondary">{item.docNumber}</Typography.Text>}
      <Tag color={item.status === 'published' ? 'green' : 'default'}>
        {labelOf(ITEM_STATE_LABELS, item.status)}
      </Tag>
    </Flex>
  );
}

/** A search-as-you-type picker over the agency's policy documents. */
function PolicyPicker(props: { agency: string; exclude: number; onPick(id: number): void; busy: boolean }) {
  const [words, setWords] = useState('');
  const [options, setOptions] = useState<Array<{ value: number; label: string }>>([]);
  const [loading, setLoading] = useState(false);
  const { agency, exclude } = props;

  useEffect(() => {
    let current = true;
    setLoading(true);
    const timer = setTimeout(() => {
      itemsApi
        .list(agency, { q: words, policyDocument: true, limit: 20, offset: 0 })
        .then((page) => {
          if (!current) return;
          setOptions(
            page.items
              .filter((i) => i.id !== exclude && i.status !== 'withdrawn')
              .map((i) => ({ value: i.id, label: `${i.title}${i.docNumber ? `（${i.docNumber}）` : ''}` })),
          );
        })
        .catch(() => current && setOptions([]))
        .finally(() => current && setLoading(false));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [agency, exclude, words]);

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setWords }}
      aria-label="选择政策文件"
      placeholder="输入标题或文号检索本机关的政策文件"
      style={{ width: '100%' }}
      loading={loading}
      disabled={props.busy}
      options={options}
      notFoundContent={loading ? '检索中…' : '没有符合条件的政策文件'}
      onChange={(value: number) => props.onPick(value)}
    />
  );
}

export function PolicyLinksCard(props: { agency: string; item: ItemDetail; onChanged(): void }) {
  const { message } = App.useApp();
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const { allows } = useSession();
  const { agency, item } = props;
  if (!item.isPolicyDocument && !item.isInterpretation) return null;
  const canLink = item.allowedActions.includes('link') && allows('items/link');

  const link = async (policyItemId: number | null) => {
    setBusy(true);
    try {
      await itemsApi.act(agency, item.id, 'policy', { expectedVersion: item.version, policyItemId });
      message.success(policyItemId === null ? '已取消关联政策文件' : '已关联政策文件');
      setPicking(false);
      props.onChanged();
    } catch (thrown) {
      message.error(messageOf(thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {item.isInterpretation && (
        <Card
          title="解读的政策文件"
          style={{ marginTop: 16 }}
          extra={
            canLink && (
              <Flex gap={8}>
                <Button onClick={() => setPicking((p) => !p)} disabled={busy}>
                  {item.policy ? '更换政策文件' : '关联政策文件'}
                </Button>
                {item.policy && (
                  <Popconfirm
                    title="取消与该政策文件的关联？"
                    okText="取消关联"
                    cancelText="保留"
                    onConfirm={() => link(null)}
                  >
                    <Button danger disabled={busy}>
                      取消关联
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
            )
          }
        >
          {item.policy ? (
            <Related item={item.policy} />
          ) : (
            <Typography.Text type="secondary">尚未关联政策文件。</Typography.Text>
          )}
          {picking && (
            <div style={{ marginTop: 12 }}>
              <PolicyPicker agency={agency} exclude={item.id} busy={busy} onPick={(id) => link(id)} />
            </div>
          )}
        </Card>
      )}
      {item.isPolicyDocument && (
        <Card title="解读材料" style={{ marginTop: 16 }}>
          {item.interpretations.length > 0 ? (
            <List
              size="small"
              dataSource={item.interpretations}
              renderItem={(i) => (
                <List.Item>
                  <Related item={i} />
                </List.Item>
              )}
            />
          ) : (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description="暂无解读材料。在解读材料的页面上可关联本政策文件。"
            />
          )}
        </Card>
      )}
    </>
  );
}
