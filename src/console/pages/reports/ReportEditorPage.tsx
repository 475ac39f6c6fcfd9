/**
 * One year's report: narrative sections editable beside their generated draft, tables read-only
 * (each cell opens the records behind it), live validation, preview, publish, and corrections as
 * new versions with a reason (every version stays listed).
 */
import { Alert, App, Button, Card, Col, Flex, Input, List, Modal, Row, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { cellLabel } from '../../../domain/report/cell-labels.ts';
import { formatById } from '../../../domain/report/formats/registry.ts';
import { messageOf } from '../../api/client.ts';
import {
  NARRATIVE_KEYS,
  type NarrativeKey,
  type Paragraph,
  reportsApi,
  type SectionsInput,
  type Violation,
} from '../../api/reports.ts';
import { formatInstant } from '../../lib/format.ts';
import { toBody } from '../../lib/narrative.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAgencyCode, useSession } from '../../session-context.tsx';
import { CellRecordsDrawer } from './CellRecordsDrawer.tsx';
import { NarrativeEditor } from './NarrativeEditor.tsx';
import { ReportTables, TABLE_TITLES } from './ReportTables.tsx';

type Sections = Record<NarrativeKey, Paragraph[]>;
const ORDER: Array<NarrativeKey | 't2' | 't3' | 't4'> = ['overview', 't2', 't3', 't4', 'problems', 'other'];

/** The sections as the API takes them. */
const bodyOf = (sections: Sections): SectionsInput =>
  Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, toBody(sections[k])]));

export default function ReportEditorPage() {
  const agency = useAgencyCode();
  const year = Number(useParams().year);
  const { message } = App.useApp();
  const draft = useApi(() => reportsApi.draft(agency, year), [agency, year]);
  const versions = useApi(() => reportsApi.versions(agency, year), [agency, year]);
  const [sections, setSections] = useState<Sections | null>(null);
  const [dirty, setDirty] = useState(false);
  const [violations, setViolations] = useState<Violation[]>([]);
  const [cell, setCell] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const { allows } = useSession();
  const canPublish = allows('reports/publish');

  useEffect(() => {
    if (!draft.data) return;
    const d = draft.data;
    setSections(Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, d.sections[k].merged])) as Sections);
    setViolations(d.violations);
    setDirty(false);
  }, [draft.data]);

  // Live validation: the text as it stands, checked a moment after the last keystroke (nothing saved).
  useEffect(() => {
    if (!sections || !dirty) return;
    const timer = setTimeout(() => {
      reportsApi.validate(agency, year, bodyOf(sections)).then(
        (result) => setViolations(result.violations),
        () => undefined,
      );
    }, 600);
    return () => clearTimeout(timer);
  }, [sections, dirty, agency, year]);

  const flagged = useMemo(() => new Set(violations.flatMap((v) => v.cells)), [violations]);
  const d = draft.data;
  if (draft.error) return <Alert type="error" showIcon title={draft.error} />;
  if (!d || !sections) return null;
  const published = d.publishedVersion > 0;
  // 发布 is refused while an error stands, unless the approver writes a 说明 (printed with the report).
  const errors = violations.filter((v) => v.severity === 'error');
  const blocked = errors.length > 0 && !note.trim();

  const run = async (what: string, call: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await call();
      message.success(what);
      draft.reload();
      versions.reload();
      return true;
    } catch (thrown) {
      message.error(messageOf(thrown));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = () => run('已保存', () => reportsApi.save(agency, year, d.version, bodyOf(sections)));
  const noteIfErrors = errors.length > 0 ? { note: note.trim() } : {};
  const publish = async () => {
    const ok = await run('已发布', async () => {
      if (dirty) await reportsApi.save(agency, year, d.version, bodyOf(sections));
      return reportsApi.publish(agency, year, noteIfErrors);
    });
    if (ok) {
      setConfirming(false);
      setNote('');
    }
  };
  const correct = async () => {
    const ok = await run('已发布更正版本', () =>
      reportsApi.correct(agency, year, {
        reason,
        sections: bodyOf(sections),
        expectedVersion: d.version,
        ...noteIfErrors,
      }),
    );
    if (ok) {
      setCorrecting(false);
      setReason('');
      setNote('');
    }
  };
  const guard = <PublishGuard errors={errors} canPublish={canPublish} note={note} onNote={setNote} />;

  const update = (key: NarrativeKey) => (next: Paragraph[]) => {
    setSections({ ...sections, [key]: next });
    setDirty(true);
  };

  return (
    <>
      <Link to="/reports">← 返回</Link>
      <Flex justify="space-between" align="center" wrap>
        <Flex gap={12} align="center">
          <Typography.Title level={2} style={{ margin: 0 }}>
            {year} 年度报告
          </Typography.Title>
          {published ? <Tag color="green">已发布（第 {d.publishedVersion} 版）</Tag> : <Tag>草稿</Tag>}
          {dirty && <Tag color="orange">有未保存的修改</Tag>}
        </Flex>
        <Flex gap={8}>
          <Button href={reportsApi.fileUrl(agency, year, 'html')} target="_blank">
            预览
          </Button>
          {!published && (
            <Button onClick={save} loading={busy} disabled={!dirty}>
              保存
            </Button>
          )}
          {published ? (
            <Button type="primary" onClick={() => setCorrecting(true)} disabled={!canPublish}>
              发布更正
            </Button>
          ) : (
            <Button
              type="primary"
              onClick={() => setConfirming(true)}
              loading={busy}
              disabled={!canPublish || blocked}
              title={blocked ? `有 ${errors.length} 个错误，不能发布` : undefined}
            >
              发布
            </Button>
          )}
        </Flex>
      </Flex>
      {!published && (errors.length > 0 || !canPublish) && <div style={{ marginTop: 12 }}>{guard}</div>}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={17}>
          {ORDER.map((key) =>
            key.startsWith('t') ? (
              <Card key={key} title={TABLE_TITLES[key as 't2']} style={{ marginBottom: 16 }}>
                <ReportTables
                  format={d.format}
                  cells={d.cells}
                  only={key as 't2'}
                  flagged={flagged}
                  renderCell={(code, text) => (
                    <button
                      type="button"
                      className="gk-cell"
                      aria-label={`${cellLabel(formatById(d.format), code)}：${text}，查看来源记录`}
                      onClick={() => setCell(code)}
                    >
                      {text}
                    </button>
                  )}
                />
              </Card>
            ) : (
              <Card key={key} title={d.sections[key as NarrativeKey].heading} style={{ marginBottom: 16 }}>
                <NarrativeEditor
                  heading={d.sections[key as NarrativeKey].heading}
                  paragraphs={sections[key as NarrativeKey]}
                  generated={d.sections[key as NarrativeKey].generated}
                  readOnly={false}
                  onChange={update(key as NarrativeKey)}
                />
              </Card>
            ),
          )}
        </Col>
        <Col xs={24} xl={7}>
          <ValidationPanel violations={violations} />
          <Card title="版本" style={{ marginTop: 16 }}>
            <List
              dataSource={versions.data?.versions ?? []}
              locale={{ emptyText: '尚未发布' }}
              renderItem={(v) => (
                <List.Item>
                  <div>
                    <a
                      href={reportsApi.versionUrl(agency, year, v.version, 'html')}
                      target="_blank"
                      rel="noreferrer"
                    >
                      第 {v.version} 版
                    </a>{' '}
                    {v.publishedOn}
                    <div>
                      <Typography.Text type="secondary">
                        {v.reason ? `更正原因：${v.reason}` : '首次发布'} · {v.actorName} ·{' '}
                        {formatInstant(v.recordedAt)}
                      </Typography.Text>
                      {v.note && <div>说明（带错发布）：{v.note}</div>}
                    </div>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <CellRecordsDrawer
        agency={agency}
        year={year}
        format={d.format}
        cell={cell}
        onClose={() => setCell(null)}
      />
      <Modal
        open={correcting}
        title="发布更正版本"
        okText="发布更正"
        cancelText="取消"
        confirmLoading={busy}
        okButtonProps={{ disabled: !reason.trim() || blocked }}
        onOk={correct}
        onCancel={() => setCorrecting(false)}
      >
        <Typography.Paragraph>
          更正将作为新版本发布，原版本仍然保留并可查看。发布后不可修改，只能发布更正。
        </Typography.Paragraph>
        <Input.TextArea
          aria-label="更正原因"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {errors.length > 0 && <div style={{ marginTop: 12 }}>{guard}</div>}
      </Modal>
      <Modal
        open={confirming}
        title={`确认发布 ${year} 年度报告`}
        okText="确认发布"
        cancelText="取消"
        confirmLoading={busy}
        okButtonProps={{ disabled: blocked }}
        onOk={publish}
        onCancel={() => setConfirming(false)}
      >
        <Alert type="warning" showIcon title="发布后不可修改，只能发布更正。" />
        {errors.length > 0 && (
          <Typography.Paragraph style={{ marginTop: 12 }}>
            报告有 {errors.length} 个错误，将带说明发布，说明与报告一同公布：{note.trim()}
          </Typography.Paragraph>
        )}
      </Modal>
    </>
  );
}

/** The longest 说明 (as the publish command allows). */
const NOTE_MAX = 500;

/**
 * Why 发布 is disabled: the errors that block it, and for an approver the 说明 that lets the
 * report go out anyway (stored with the version and printed on the published report).
 */
export function PublishGuard({
  errors,
  canPublish,
  note,
  onNote,
}: {
  errors: Violation[];
  canPublish: boolean;
  note: string;
  onNote: (note: string) => void;
}) {
  if (errors.length === 0)
    return canPublish ? null : (
      <Alert type="info" showIcon title="发布和发布更正须由审批负责人或机关管理员办理。" />
    );
  return (
    <Alert
      type="error"
      showIcon
      title={`有 ${errors.length} 个错误，不能发布`}
      description={
        <>
          <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
            {errors.map((v) => (
              <li key={`${v.code}:${v.message}`}>
                {v.code}（{v.rule}）：{v.message}
              </li>
            ))}
          </ul>
          {canPublish ? (
            <>
              <Typography.Paragraph style={{ margin: '8px 0 4px' }}>
                请先更正数据或正文。确需带错发布时，请填写说明（将作为“说明”与报告一同公布）：
              </Typography.Paragraph>
              <Input.TextArea
                aria-label="说明"
                rows={3}
                maxLength={NOTE_MAX}
                showCount
                value={note}
                onChange={(e) => onNote(e.target.value)}
              />
            </>
          ) : (
            <Typography.Paragraph style={{ margin: '8px 0 0' }}>
              发布和发布更正须由审批负责人或机关管理员办理。
            </Typography.Paragraph>
          )}
        </>
      }
    />
  );
}

/** The live validation panel: every violation of R1–R10. */
export function ValidationPanel({ violations }: { violations: Violation[] }) {
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
              title={
                errors
                  ? `${errors} 个错误须改正后才能发布（或由审批负责人填写说明后发布）`
                  : '仅有提示，可以发布'
              }
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
