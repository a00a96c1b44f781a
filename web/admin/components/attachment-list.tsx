import { useState } from 'react';
import { Button, List, Popconfirm, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { Attachment } from '../../../shared/contracts/attachments';
import { evidenceContentTypes, maxEvidenceBytes } from '../../../shared/contracts/evaluation-results';
import { errorText } from '../api/client';
import { notifyError, notifySuccess } from './feedback';

type Props = {
  files: Attachment[];
  /** Whether the caller may add and remove files now (the server decides and checks again). */
  canEdit: boolean;
  onUpload: (file: File) => Promise<unknown>;
  onRemove: (fileId: string) => Promise<unknown>;
  emptyText?: string;
};

const accept = Object.values(evidenceContentTypes).map((t) => `.${t.extension}`).join(',');
const typeLabel = (contentType: string) => evidenceContentTypes[contentType as keyof typeof evidenceContentTypes]?.label ?? contentType;
const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);
const timeText = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** Files on a work item (销号材料, 整改材料): listed for every reader, added and removed while allowed. */
export function AttachmentList({ files, canEdit, onUpload, onRemove, emptyText = '暂无材料' }: Props) {
  const [sending, setSending] = useState(0);

  const send = (file: File) => {
    // Checked here only to spare a slow upload; the server checks size and type by content again.
    if (file.size > maxEvidenceBytes) {
      notifyError(`“${file.name}”超过 10 MB，不能上传`);
      return;
    }
    setSending((n) => n + 1);
    onUpload(file)
      .then(() => notifySuccess(`已上传“${file.name}”`), (e: unknown) => notifyError(`“${file.name}”：${errorText(e)}`))
      .finally(() => setSending((n) => n - 1));
  };

  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }}>
      {canEdit && (
        <Space wrap>
          <Upload
            accept={accept}
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              send(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={sending > 0}>
              上传文件
            </Button>
          </Upload>
          <Typography.Text type="secondary">PDF、JPG、PNG、Word、Excel，单个不超过 10 MB</Typography.Text>
        </Space>
      )}
      <List<Attachment>
        size="small"
        bordered
        dataSource={files}
        locale={{ emptyText }}
        renderItem={(f) => (
          <List.Item
            actions={[
              <a key="download" href={f.downloadUrl} download={f.fileName}>
                <DownloadOutlined /> 下载
              </a>,
              ...(canEdit
                ? [
                    <Popconfirm
                      key="delete"
                      title={`删除“${f.fileName}”？`}
                      okText="删除"
                      cancelText="取消"
                      onConfirm={() => onRemove(f.id).then(() => notifySuccess('已删除'), (e: unknown) => notifyError(errorText(e)))}
                    >
                      <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${f.fileName}`}>
                        删除
                      </Button>
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              avatar={<PaperClipOutlined />}
              title={f.fileName}
              description={`${typeLabel(f.contentType)} · ${sizeText(f.sizeBytes)} · ${f.uploadedByName} 于 ${timeText(f.uploadedAt)} 上传`}
            />
          </List.Item>
        )}
      />
    </Space>
  );
}
