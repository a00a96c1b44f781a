import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Badge, Button, Card, Form, Space, Tabs, Tag, Typography } from 'antd';
import { CheckCircleOutlined, LoadingOutlined, LockOutlined, SaveOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { StandardDetail, StandardError } from '../../../../shared/contracts/standards';
import { errorText, isApiError } from '../../api/client';
import { useCreateStandard, useUpdateStandard, validateStandardDocument } from '../../api/standards-hooks';
import { notifySuccess } from '../../components/feedback';
import { EditBasic } from './edit-basic';
import { EditDimensions } from './edit-dimensions';
import { EditorContext } from './edit-fields';
import { EditFigures } from './edit-figures';
import { EditJson } from './edit-json';
import { EditLevels } from './edit-levels';
import { EditRanking } from './edit-ranking';
import { EditRules } from './edit-rules';
import { formShapeProblem, indexErrors, parseJsonText, setIn, type Draft, type Path } from './standard-draft';
import { StandardErrorsTable } from './standard-errors-table';
import { TabErrorBoundary } from './tab-error-boundary';
import { tabOfPath, type EditorTab } from './standard-paths';

type Props = {
  initial: Draft;
  /** The stored version being edited; absent when creating a new one. */
  existing?: StandardDetail;
  readOnly: boolean;
  lockedReason?: string | null;
};

type Validation = { doc: Draft; ok: boolean; errors: StandardError[] } | null;

const tabLabels: Record<EditorTab, string> = {
  basic: '基本信息与阶段',
  dimensions: '维度与指标',
  figures: '数据项',
  levels: '定级规则',
  rules: '否决与加减分',
  ranking: '排名、名额与镇星级',
  json: '高级（JSON）',
};

// Long enough not to call the server on every keystroke, short enough to feel live.
const validateDelayMs = 400;

export function StandardEditor({ initial, existing, readOnly, lockedReason }: Props) {
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const [doc, setDoc] = useState<Draft>(initial);
  const [tab, setTab] = useState<EditorTab>('basic');
  const [jsonText, setJsonText] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [validation, setValidation] = useState<Validation>(null);
  const [validationFailed, setValidationFailed] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const create = useCreateStandard();
  const save = useUpdateStandard();
  const latest = useRef(doc);

  useEffect(() => {
    latest.current = doc;
    // Nothing can be saved read-only, and checking needs the write permission.
    if (readOnly) return;
    const timer = setTimeout(() => {
      validateStandardDocument(doc)
        .then((result) => {
          // An answer for a draft the user has already changed again is dropped.
          if (latest.current === doc) {
            setValidation({ doc, ...result });
            setValidationFailed(null);
          }
        })
        .catch((error: unknown) => latest.current === doc && setValidationFailed(errorText(error)));
    }, validateDelayMs);
    return () => clearTimeout(timer);
  }, [doc, readOnly]);

  // Closing the tab or reloading would drop the draft; the browser asks first.
  useEffect(() => {
    if (readOnly || doc === initial) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [doc, initial, readOnly]);

  const update = useCallback((path: Path, value: unknown) => setDoc((d) => setIn(d, path, value)), []);
  const errors = useMemo(() => validation?.errors ?? [], [validation]);
  const context = useMemo(() => ({ doc, update, errors: indexErrors(errors), readOnly }), [doc, update, errors, readOnly]);
  const checked = validation?.doc === doc;
  const dirty = doc !== initial;
  const canSave = !readOnly && (dirty || !existing) && checked && validation.ok && !jsonError;
  const countByTab = useMemo(() => {
    const counts = new Map<EditorTab, number>();
    for (const e of errors) counts.set(tabOfPath(e.path), (counts.get(tabOfPath(e.path)) ?? 0) + 1);
    return counts;
  }, [errors]);

  const changeTab = (next: string) => {
    if (tab === 'json' && jsonError) {
      void message.error('JSON 有错误，请先修正再切换到表单');
      return;
    }
    if (next === 'json') {
      setJsonText(JSON.stringify(doc, null, 2));
      setJsonError(null);
    }
    setTab(next as EditorTab);
  };

  const onJsonChange = (text: string) => {
    setJsonText(text);
    const parsed = parseJsonText(text);
    if (!parsed.ok) return setJsonError(parsed.message);
    const problem = formShapeProblem(parsed.value);
    if (problem) return setJsonError(`JSON 结构不符合标准格式：${problem}`);
    setJsonError(null);
    setDoc(parsed.value as Draft);
  };

  const openPath = (path: string) => {
    changeTab(tabOfPath(path));
    // The field renders with the tab; then bring it into view.
    setTimeout(() => document.querySelector(`[data-path="${CSS.escape(path)}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'center' }), 50);
  };

  const onSaved = (saved: StandardDetail) => {
    notifySuccess(existing ? '评星标准已保存' : '评星标准已创建');
    void navigate(`/standards/${saved.id}`);
  };
  const onSaveError = (error: unknown) => {
    if (isApiError(error) && error.code === 'standard.invalid') {
      const list = (error.details as { errors?: StandardError[] } | undefined)?.errors ?? [];
      setValidation({ doc, ok: false, errors: list });
      setSaveError(null);
    } else if (isApiError(error) && error.code === 'standard.duplicate_version') {
      setValidation({ doc, ok: false, errors: [{ path: 'version', code: error.code, message: error.message }] });
      setSaveError(error.message);
    } else {
      setSaveError(errorText(error));
    }
  };
  const onSave = () => {
    setSaveError(null);
    if (existing) save.mutate({ id: existing.id, document: doc }, { onSuccess: onSaved, onError: onSaveError });
    else create.mutate(doc, { onSuccess: onSaved, onError: onSaveError });
  };
  const onBack = () => {
    const target = existing ? `/standards/${existing.id}` : '/standards';
    if (!dirty || readOnly) return navigate(target);
    modal.confirm({ title: '放弃未保存的修改？', content: '离开后本次修改将丢失。', okText: '放弃修改', cancelText: '继续编辑', onOk: () => navigate(target) });
  };

  const status = readOnly ? null : !checked ? (
    <Tag icon={<LoadingOutlined />} color="processing">
      校验中
    </Tag>
  ) : validation.ok ? (
    <Tag icon={<CheckCircleOutlined />} color="success" data-testid="validation-ok">
      校验通过
    </Tag>
  ) : (
    <Tag color="error">有 {errors.length} 处问题</Tag>
  );

  const tabs = (Object.keys(tabLabels) as EditorTab[]).map((key) => ({
    key,
    label: (
      <Badge count={key === 'json' ? 0 : (countByTab.get(key) ?? 0)} size="small" offset={[8, -2]}>
        {tabLabels[key]}
      </Badge>
    ),
    children:
      key === 'json' ? (
        <EditJson text={jsonText} error={jsonError} readOnly={readOnly} onChange={onJsonChange} />
      ) : (
        <TabErrorBoundary resetKey={doc} onOpenJson={() => changeTab('json')}>
          <TabBody tab={key} />
        </TabErrorBoundary>
      ),
  }));

  return (
    <EditorContext.Provider value={context}>
      <Card
        title={
          <Space wrap>
            <span>{existing ? '编辑评星标准' : '新建评星标准'}</span>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {String(doc.name ?? '')} · 版本 {String(doc.version ?? '')}
            </Typography.Text>
            {readOnly && lockedReason !== undefined && (
              <Tag icon={<LockOutlined />} color="default">
                已锁定
              </Tag>
            )}
            {dirty && !readOnly && <Tag color="warning">未保存</Tag>}
            {status}
          </Space>
        }
        extra={
          <Space>
            <Button onClick={onBack}>{readOnly ? '返回' : '取消'}</Button>
            {!readOnly && (
              <Button type="primary" icon={<SaveOutlined />} disabled={!canSave} loading={save.isPending || create.isPending} onClick={onSave}>
                保存
              </Button>
            )}
          </Space>
        }
      >
        {readOnly && (
          <Alert
            type="warning"
            showIcon
            icon={<LockOutlined />}
            style={{ marginBottom: 16 }}
            message={lockedReason ? `此标准已锁定，只读：${lockedReason}` : '您没有修改评星标准的权限，只能查看'}
            description={lockedReason ? '已被评星年度使用的标准不能修改；如需调整规则，请在标准列表中“复制为新版本”后编辑。' : undefined}
          />
        )}
        {validationFailed && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`暂时无法校验：${validationFailed}`} />}
        {saveError && <Alert type="error" showIcon closable style={{ marginBottom: 16 }} message={saveError} onClose={() => setSaveError(null)} />}
        {!readOnly && errors.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={`标准有 ${errors.length} 处问题，修正后才能保存（点击位置可跳转）`}
            description={<StandardErrorsTable errors={errors} doc={doc} onOpen={openPath} />}
          />
        )}
        <Form layout="vertical" disabled={readOnly} component={false}>
          <Tabs activeKey={tab} onChange={changeTab} items={tabs} destroyOnHidden />
        </Form>
      </Card>
    </EditorContext.Provider>
  );
}

function TabBody({ tab }: { tab: Exclude<EditorTab, 'json'> }) {
  switch (tab) {
    case 'basic':
      return <EditBasic />;
    case 'dimensions':
      return <EditDimensions />;
    case 'figures':
      return <EditFigures />;
    case 'levels':
      return <EditLevels />;
    case 'rules':
      return <EditRules />;
    case 'ranking':
      return <EditRanking />;
  }
}
