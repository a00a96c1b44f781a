import { useMemo } from 'react';
import { Result } from 'antd';
import { useParams, useSearchParams } from 'react-router-dom';
import { useStandard } from '../../api/standards-hooks';
import { useSession } from '../../auth/session';
import { PageLoading } from '../../components/page-loading';
import { useCrumbName } from '../../layout/crumb-names';
import { canonicalOrder, skeletonStandard, type Draft } from './standard-draft';
import { StandardEditor } from './standard-editor';

export function StandardEditPage() {
  const { id } = useParams<{ id: string }>();
  const { can } = useSession();
  const standard = useStandard(id);
  useCrumbName('standard', id ?? '', standard.data?.name);
  // One object per loaded version: the editor compares the draft with it to know what changed.
  const initial = useMemo(() => (standard.data ? canonicalOrder(standard.data.document as Draft) : null), [standard.data]);
  if (standard.isPending) return <PageLoading />;
  if (!standard.data || !initial) return <Result status="404" title="评星标准不存在" />;
  const s = standard.data;
  return (
    <StandardEditor
      // A new version from the server (after an import) starts a fresh draft.
      key={`${s.id}-${s.updatedAt}`}
      initial={initial}
      existing={s}
      readOnly={s.locked || !can('standard:write')}
      lockedReason={s.locked ? s.lockedReason : undefined}
    />
  );
}

/** /standards/new?from=<id>&code=…&version=…&name=…&region=… (from the 新建 dialog). */
export function StandardCreatePage() {
  const [params] = useSearchParams();
  const from = params.get('from') ?? undefined;
  const base = useStandard(from);
  const meta = useMemo(
    () => ({ id: params.get('code') ?? '', version: params.get('version') ?? '', name: params.get('name') ?? '', region: params.get('region') ?? '' }),
    [params],
  );
  const initial = useMemo<Draft | null>(() => {
    if (!from) return skeletonStandard(meta);
    if (!base.data) return null;
    return canonicalOrder({ ...(base.data.document as Draft), ...meta });
  }, [from, base.data, meta]);
  if (from && base.isPending) return <PageLoading />;
  if (!initial) return <Result status="404" title="作为起点的评星标准不存在" />;
  return <StandardEditor initial={initial} readOnly={false} />;
}
