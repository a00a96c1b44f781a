import { Button, List, Popconfirm, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { Attachment } from '../../../shared/contracts/attachments';
import { errorText } from '../api/client';
import { notifyError, notifySuccess } from './feedback';

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);
const timeText = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/**
 * Files handed in with a piece of work (整改材料, 销号材料): download links for every reader; upload
 * and remove while the work still takes changes. The server types each file by its bytes.
 */
export function AttachmentList({
  files,
  canEdit,
  onUpload,
  onRemove,
  busy = false,
}: {
  files: Attachment[];
  canEdit: boolean;
  onUpload: (file: File) => Promise<unknown>;
  onRemove: (id: string) => Promise<unknown>;
  busy?: boolean;
}) {
  const act = (work: Promise<unknown>, done: string) => work.then(() => notifySuccess(done), (e: unknown) => notifyError(errorText(e)));
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid="attachment-list">
      {files.length > 0 && (
        <List
          size="small"
          dataSource={files}
          renderItem={(f) => (
            <List.Item
              actions={
                canEdit
                  ? [
                      <Popconfirm key="remove" title={`删除“${f.fileName}”？`} onConfirm={() => act(onRemove(f.id), '材料已删除')}>
                        <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${f.fileName}`} />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Space size="small" wrap>
                <PaperClipOutlined />
                <a href={f.downloadUrl} download={f.fileName}>
                  {f.fileName}
                </a>
                <Typography.Text type="secondary">
                  {sizeText(f.sizeBytes)} · {f.uploadedByName} · {timeText(f.uploadedAt)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {files.length === 0 && !canEdit && <Typography.Text type="secondary">未上传材料</Typography.Text>}
      {canEdit && (
        <Space wrap>
          <Upload
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              void act(onUpload(file), `已上传 ${file.name}`);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={busy}>
              上传材料
            </Button>
          </Upload>
          <Typography.Text type="secondary">PDF、JPG、PNG、Word、Excel，单个不超过 10 MB，最多 20 个</Typography.Text>
        </Space>
      )}
    </Space>
  );
}
