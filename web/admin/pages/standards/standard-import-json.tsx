import { useState } from 'react';
import { Alert, Button, Modal, Result, Space, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { ImportOutlined, InboxOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { StandardDetail, StandardError } from '../../../../shared/contracts/standards';
import { errorText, isApiError } from '../../api/client';
import { useCreateStandard } from '../../api/standards-hooks';
import { parseJsonText } from './standard-draft';
import { StandardErrorsTable } from './standard-errors-table';

type Outcome =
  | { kind: 'done'; standard: StandardDetail }
  | { kind: 'invalid'; errors: StandardError[]; doc: unknown }
  | { kind: 'failed'; text: string };

// A standard is a few hundred kilobytes at most; a bigger file is not one.
const maxBytes = 2 * 1024 * 1024;

/**
 * Reads a standard file in the browser (so a wrong file is refused before any upload) and creates
 * it on the server, which validates it fully; every error is listed with its path.
 */
export function StandardImportJson() {
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const create = useCreateStandard();
  const navigate = useNavigate();

  const importText = (text: string) => {
    const parsed = parseJsonText(text);
    if (!parsed.ok) return setOutcome({ kind: 'failed', text: `文件${parsed.message}，请选择从本系统导出或按标准格式编写的 .json 文件` });
    const doc = parsed.value;
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
      return setOutcome({ kind: 'failed', text: '文件内容不是一个评星标准（应为以 { 开头的 JSON 对象）' });
    }
    create.mutate(doc, {
      onSuccess: (standard) => setOutcome({ kind: 'done', standard }),
      onError: (error) => {
        if (isApiError(error) && error.code === 'standard.invalid') {
          setOutcome({ kind: 'invalid', errors: (error.details as { errors?: StandardError[] } | undefined)?.errors ?? [], doc });
        } else {
          setOutcome({ kind: 'failed', text: errorText(error) });
        }
      },
    });
  };

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess }) => {
    setOutcome(null);
    const blob = file as File;
    if (blob.size > maxBytes) {
      setOutcome({ kind: 'failed', text: '文件超过 2 MB，不是评星标准文件' });
      return;
    }
    blob
      .text()
      .then((text) => {
        onSuccess?.(null);
        importText(text.replace(/^\uFEFF/, ''));
      })
      .catch(() => setOutcome({ kind: 'failed', text: '无法读取文件' }));
  };

  const close = () => {
    if (create.isPending) return;
    setOpen(false);
    setOutcome(null);
  };

  return (
    <>
      <Button icon={<ImportOutlined />} onClick={() => setOpen(true)}>
        导入 JSON
      </Button>
      <Modal title="导入评星标准（JSON）" open={open} onCancel={close} footer={<Button onClick={close}>关闭</Button>} width={820} destroyOnHidden>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            message="选择一个评星标准 JSON 文件（可从本系统“导出 JSON”得到）。导入前会完整校验；同一编码的版本号不能重复，有错误时不会保存。"
          />
          <Upload.Dragger accept=".json,application/json" maxCount={1} multiple={false} showUploadList={false} disabled={create.isPending} customRequest={customRequest}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖拽 JSON 文件到此区域</p>
          </Upload.Dragger>
          {outcome?.kind === 'done' && (
            <Result
              status="success"
              title="导入成功"
              subTitle={`${outcome.standard.name}（版本 ${outcome.standard.version}），${outcome.standard.dimensionCount} 个维度、${outcome.standard.indicatorCount} 项指标`}
              extra={
                <Button type="primary" onClick={() => navigate(`/standards/${outcome.standard.id}`)}>
                  查看标准
                </Button>
              }
              style={{ padding: 16 }}
            />
          )}
          {outcome?.kind === 'failed' && <Alert type="error" showIcon message={outcome.text} data-testid="import-json-error" />}
          {outcome?.kind === 'invalid' && (
            <>
              <Alert type="error" showIcon message={`标准中有 ${outcome.errors.length} 处错误，未导入`} description="请按下表修改文件后重新导入。" />
              <StandardErrorsTable errors={outcome.errors} doc={outcome.doc} />
            </>
          )}
        </Space>
      </Modal>
    </>
  );
}
