/**
 * 发布前自查 on the item page (docs/screening.md): what is found now in the title, body and
 * attachments (the kind in Chinese, the match highlighted in its context, what to do), the
 * attachments not screened, and every screening kept (送审, 审查通过) with who confirmed and why.
 */
import { Alert, Card, List, Tag, Typography } from 'antd';
import { FINDING_KIND_LABELS, findingPlaceLabel } from '../../../domain/items/screening.ts';
import type { Finding, ItemScreening } from '../../api/screening.ts';
import { formatInstant, labelOf } from '../../lib/format.ts';

const STAGE_LABELS: Record<string, string> = { submitted: '送保密审查时', review: '保密审查通过时' };

/** The match in its context, the match marked. */
export function FindingExcerpt({ finding }: { finding: Finding }) {
  return (
    <span>
      {finding.before && `…${finding.before}`}
      <mark style={{ background: '#ffe58f', padding: '0 2px' }}>{finding.match}</mark>
      {finding.after && `${finding.after}…`}
    </span>
  );
}

/** The findings one under another (a table would scroll sideways on a phone): kind and place, the text, what to do. */
export function FindingsList({ findings }: { findings: Finding[] }) {
  return (
    <List
      size="small"
      bordered
      dataSource={findings}
      renderItem={(f) => (
        <List.Item key={`${f.where}-${f.attachment ?? ''}-${f.offset}-${f.kind}`}>
          <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            <div>
              <Tag color={f.kind === 'secret_mark' ? 'red' : 'orange'}>
                {labelOf(FINDING_KIND_LABELS, f.kind)}
              </Tag>
              <Typography.Text type="secondary">{findingPlaceLabel(f)}</Typography.Text>
            </div>
            <div style={{ margin: '4px 0' }}>
              <FindingExcerpt finding={f} />
            </div>
            <Typography.Text type="secondary">
              {f.suggestion}
              {f.note && `（${f.note}）`}
            </Typography.Text>
          </div>
        </List.Item>
      )}
    />
  );
}

export function ScreeningCard({
  screening,
  error,
}: {
  screening: ItemScreening | null;
  error: string | null;
}) {
  return (
    <Card title="发布前自查" style={{ marginTop: 16 }}>
      {error && <Alert type="error" showIcon title={error} />}
      {screening && (
        <>
          {screening.current.findings.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`发现 ${screening.current.findings.length} 处需要核实的内容：确需修改的请退回修改；核实无误的，审查通过时勾选“已核实自查结果”并说明理由。`}
            />
          ) : (
            <Typography.Paragraph type="secondary">
              标题、正文和可读取文字的附件中未发现错敏词、身份证号码、手机号码、银行卡号或密级标志。
            </Typography.Paragraph>
          )}
          {screening.current.findings.length > 0 && <FindingsList findings={screening.current.findings} />}
          {screening.current.unscreened.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 12 }}
              title="以下附件未能自动自查，请人工核查"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {screening.current.unscreened.map((u) => (
                    <li key={u.fileName}>
                      {u.fileName}：{u.reason}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          {screening.history.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                自查记录
              </Typography.Title>
              <List
                size="small"
                dataSource={screening.history}
                renderItem={(h) => (
                  <List.Item key={h.id}>
                    <div>
                      <div>
                        {formatInstant(h.screenedAt)} {labelOf(STAGE_LABELS, h.stage)}（{h.screenedByName}）：
                        {h.findings.length > 0 ? `发现 ${h.findings.length} 处` : '未发现问题'}
                        {h.unscreened.length > 0 && `，${h.unscreened.length} 个附件未自查`}
                      </div>
                      {h.confirmedBy && (
                        <Typography.Text type="secondary">
                          {h.confirmedByName} 已核实确认{h.confirmNote ? `：${h.confirmNote}` : ''}
                        </Typography.Text>
                      )}
                    </div>
                  </List.Item>
                )}
              />
            </>
          )}
        </>
      )}
    </Card>
  );
}
