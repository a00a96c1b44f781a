import { Alert, Input, Space, Typography } from 'antd';

type Props = { text: string; error: string | null; readOnly: boolean; onChange: (text: string) => void };

/**
 * The escape hatch: the whole standard as JSON. Every valid edit here updates the same draft the
 * forms show; text that does not parse stays here until it is fixed.
 */
export function EditJson({ text, error, readOnly, onChange }: Props) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        直接编辑整个标准的 JSON（字段含义见标准格式说明）。可解析的修改会立即同步到各表单页，并重新校验。
      </Typography.Text>
      {error && <Alert type="error" showIcon message={error} data-testid="json-parse-error" />}
      <Input.TextArea
        value={text}
        readOnly={readOnly}
        spellCheck={false}
        aria-label="标准 JSON"
        status={error ? 'error' : undefined}
        autoSize={{ minRows: 24, maxRows: 48 }}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 }}
        onChange={(e) => onChange(e.target.value)}
      />
    </Space>
  );
}
