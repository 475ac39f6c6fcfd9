/**
 * An image of a site's settings — the 党政机关网站 mark or the icon — in the 网站信息 card: its
 * address (editable: an https:// image elsewhere still works), an upload that stores the file and
 * sets the address at once (the server checks the type by content and the size, and names the
 * field when it refuses), a preview, and 清除 (saved with the card's 保存网站信息).
 */
import { App, Button, Form, type FormInstance, Input, Space, Upload } from 'antd';
import { useState } from 'react';
import type { SiteSettingsInput } from '../../contract/site-settings.ts';
import {
  type SiteImageField as Field,
  SITE_IMAGE_RULES,
  SITE_IMAGE_TYPES,
} from '../../domain/site/images.ts';
import { SITE_FIELD_LABELS, type SiteSettings } from '../../domain/site/settings.ts';
import { messageOf } from '../api/client.ts';

/** What the file dialog offers (the server decides by content). */
function acceptOf(field: Field): string {
  const extensions = SITE_IMAGE_RULES[field].kinds.flatMap((k) =>
    k === 'jpg' ? ['.jpg', '.jpeg'] : [`.${SITE_IMAGE_TYPES[k].extension}`],
  );
  return extensions.join(',');
}

export function SiteImageField(props: {
  field: Field;
  extra: string;
  form: FormInstance<SiteSettingsInput>;
  upload: (field: Field, file: File) => Promise<SiteSettings>;
}) {
  const { field, form } = props;
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const value = Form.useWatch(field, form);
  const label = SITE_FIELD_LABELS[field];

  const send = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await props.upload(field, file);
      form.setFieldValue(field, saved[field]);
      message.success(`${label}已上传并生效`);
    } catch (thrown) {
      // kept beside the field (a toast would vanish before a long sentence is read)
      setError(messageOf(thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form.Item
      label={label}
      extra={props.extra}
      help={error ?? undefined}
      validateStatus={error ? 'error' : undefined}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Form.Item name={field} noStyle>
          <Input maxLength={500} aria-label={label} />
        </Form.Item>
        <Space wrap>
          <Upload
            accept={acceptOf(field)}
            showUploadList={false}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button loading={busy}>上传{label}</Button>
          </Upload>
          {value ? (
            <>
              <Button onClick={() => form.setFieldValue(field, '')}>清除</Button>
              <img src={value} alt={`${label}预览`} style={{ maxHeight: 40, maxWidth: 160 }} />
            </>
          ) : null}
        </Space>
      </Space>
    </Form.Item>
  );
}
