import { useState } from 'react';
import { Alert, Button, Drawer, List, Popconfirm, Space, Tag, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { DeleteOutlined, DownloadOutlined, InboxOutlined, LockOutlined, PaperClipOutlined } from '@ant-design/icons';
import { evidenceContentTypes, maxEvidenceBytes, type Evidence } from '../../../../../shared/contracts/evaluation-results';
import { errorText } from '../../../api/client';
import { useRemoveEvidence, useUploadEvidence, type EvidenceList } from '../../../api/evaluation-results-hooks';
import { notifySuccess } from '../../../components/feedback';

type Props = {
  campaignId: string;
  villageId: string;
  indicator: { id: string; name: string; evidence: string[] };
  list: EvidenceList | undefined;
  onClose: () => void;
};

const accept = Object.values(evidenceContentTypes).map((t) => `.${t.extension}`).join(',');
const typeLabel = (contentType: string) => evidenceContentTypes[contentType as keyof typeof evidenceContentTypes]?.label ?? contentType;
const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export function evidenceOf(list: EvidenceList | undefined, indicatorId: string): Evidence[] {
  return (list?.items ?? []).filter((e) => e.indicatorId === indicatorId);
}

/** 查阅考评材料: an indicator's evidence files, viewed by anyone who reads the sheet, uploaded by the city team. */
export function EvidenceDrawer({ campaignId, villageId, indicator, list, onClose }: Props) {
  const upload = useUploadEvidence(campaignId, villageId);
  const remove = useRemoveEvidence(campaignId, villageId);
  const [error, setError] = useState<string | null>(null);
  const files = evidenceOf(list, indicator.id);
  const lock = list?.uploadLockReason ?? null;

  const customRequest: UploadProps['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    setError(null);
    const f = file as File;
    // Checked here only to spare a slow upload; the server checks size and type by content again.
    if (f.size > maxEvidenceBytes) {
      setError(`“${f.name}”超过 10 MB，不能上传`);
      onError?.(new Error('too large'));
      return;
    }
    upload.mutate(
      { indicatorId: indicator.id, file: f, onProgress: (percent) => onProgress?.({ percent }) },
      {
        onSuccess: (e) => {
          onSuccess?.(e);
          notifySuccess(`已上传“${e.fileName}”`);
        },
        onError: (e) => {
          onError?.(e as Error);
          setError(`“${f.name}”：${errorText(e)}`);
        },
      },
    );
  };

  return (
    <Drawer title={`考评材料 · ${indicator.name}`} open width={560} onClose={onClose} destroyOnHidden>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {indicator.evidence.length > 0 && (
          <Space size={[4, 4]} wrap>
            <Typography.Text type="secondary">标准要求的材料：</Typography.Text>
            {indicator.evidence.map((e) => (
              <Tag key={e}>{e}</Tag>
            ))}
          </Space>
        )}
        {lock ? (
          <Alert type="info" showIcon icon={<LockOutlined />} message={lock} />
        ) : (
          <Upload.Dragger accept={accept} multiple showUploadList={false} customRequest={customRequest} disabled={upload.isPending}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖拽文件到此处上传</p>
            <p className="ant-upload-hint">支持 PDF、JPG、PNG、Word（.docx）、Excel（.xlsx），单个文件不超过 10 MB</p>
          </Upload.Dragger>
        )}
        {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
        <List<Evidence>
          bordered
          dataSource={files}
          locale={{ emptyText: '尚未上传材料' }}
          renderItem={(e) => (
            <List.Item
              actions={[
                <a key="download" href={e.downloadUrl} download={e.fileName}>
                  <DownloadOutlined /> 下载
                </a>,
                ...(lock
                  ? []
                  : [
                      <Popconfirm key="delete" title={`删除“${e.fileName}”？`} onConfirm={() => remove.mutate(e.id, { onSuccess: () => notifySuccess('已删除') })}>
                        <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                          删除
                        </Button>
                      </Popconfirm>,
                    ]),
              ]}
            >
              <List.Item.Meta
                avatar={<PaperClipOutlined />}
                title={e.fileName}
                description={`${typeLabel(e.contentType)} · ${sizeText(e.sizeBytes)} · ${e.uploadedByName} 于 ${new Date(e.uploadedAt).toLocaleString('zh-CN', { hour12: false })} 上传`}
              />
            </List.Item>
          )}
        />
      </Space>
    </Drawer>
  );
}
