/** One narrative section: its paragraphs (generated sentences kept, or taken over as staff text) and the generated draft beside it. */
import { Button, Col, Flex, Input, Row, Tag, Typography } from 'antd';
import type { Paragraph } from '../../api/reports.ts';
import {
  addParagraph,
  addText,
  paragraphText,
  removeSegment,
  setText,
  takeOver,
} from '../../lib/narrative.ts';

export function NarrativeEditor(props: {
  heading: string;
  paragraphs: Paragraph[];
  generated: Paragraph[];
  readOnly: boolean;
  onChange(next: Paragraph[]): void;
}) {
  const { paragraphs, onChange, readOnly } = props;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        {paragraphs.map((paragraph, p) => (
          <fieldset
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs in order, edited in place
            key={p}
            style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: 12, marginBottom: 12 }}
          >
            <legend style={{ fontSize: 14, padding: '0 4px', width: 'auto', border: 0, margin: 0 }}>
              {paragraph.title || `第 ${p + 1} 段`}
            </legend>
            {paragraph.segments.map((segment, s) =>
              segment.kind === 'generated' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: segments in order
                <Flex key={s} gap={8} align="start" style={{ marginBottom: 8 }}>
                  <Tag color="blue">自动</Tag>
                  <Typography.Text style={{ flex: 1 }}>{segment.text}</Typography.Text>
                  {!readOnly && (
                    <Button size="small" onClick={() => onChange(takeOver(paragraphs, p, s))}>
                      改写
                    </Button>
                  )}
                </Flex>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: segments in order
                <Flex key={s} gap={8} align="start" style={{ marginBottom: 8 }}>
                  <Input.TextArea
                    aria-label={`${props.heading} ${paragraph.title || `第 ${p + 1} 段`} 文字 ${s + 1}`}
                    autoSize={{ minRows: 2 }}
                    value={segment.text}
                    disabled={readOnly}
                    onChange={(e) => onChange(setText(paragraphs, p, s, e.target.value))}
                  />
                  {!readOnly && (
                    <Button size="small" danger onClick={() => onChange(removeSegment(paragraphs, p, s))}>
                      删除
                    </Button>
                  )}
                </Flex>
              ),
            )}
            {!readOnly && (
              <Button size="small" type="dashed" onClick={() => onChange(addText(paragraphs, p))}>
                添加文字
              </Button>
            )}
          </fieldset>
        ))}
        {!readOnly && (
          <Button type="dashed" onClick={() => onChange(addParagraph(paragraphs))}>
            添加段落
          </Button>
        )}
      </Col>
      <Col xs={24} lg={10}>
        <section
          aria-label={`${props.heading} 自动生成的草稿`}
          style={{ background: '#fafafa', padding: 12, borderRadius: 4 }}
        >
          <Typography.Text type="secondary">根据数据生成的草稿</Typography.Text>
          {props.generated.map((paragraph, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs in order
            <Typography.Paragraph key={i} type="secondary" style={{ marginTop: 8 }}>
              {paragraphText(paragraph)}
            </Typography.Paragraph>
          ))}
        </section>
      </Col>
    </Row>
  );
}
