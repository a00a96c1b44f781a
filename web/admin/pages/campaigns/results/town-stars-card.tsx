import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Campaign, CampaignResultsTown } from '../../../../../shared/contracts/campaigns';
import { useSetTownScore } from '../../../api/campaigns-hooks';
import { useTownResults } from '../../../api/evaluation-results-hooks';
import { errorText } from '../../../api/client';
import { notifySuccess } from '../../../components/feedback';
import { scoreRule } from '../../../components/score-field';
import { useStandard } from '../../../api/standards-hooks';
import { allowedRangeText } from '../../../../../shared/score-cell';
import { Stars } from '../campaign-labels';

type Town = CampaignResultsTown;

/** Town Party committees' stars: from their own assessment and their villages' results. */
export function TownStarsCard({ campaign, towns, canManage }: { campaign: Campaign; towns: Town[]; canManage: boolean }) {
  const [scoring, setScoring] = useState<Town | null>(null);
  // The engine's steps for each town, shown as villages' are: own score, villages, the rule.
  const explained = useTownResults(campaign.id, towns.length > 0);
  const stepsOf = (t: Town) => explained.data?.towns.find((x) => x.orgUnitId === t.orgUnitId)?.steps ?? [];
  const columns: TableColumnsType<Town> = [
    { title: '镇（街道）党委', dataIndex: 'name' },
    { title: '星级', dataIndex: 'stars', width: 200, render: (s: number | null) => <Stars value={s} /> },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 160,
            render: (_: unknown, t: Town) => (
              <Button type="link" size="small" onClick={() => setScoring(t)}>
                录入镇党委考核得分
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card title="镇（街道）党委星级">
      <Typography.Paragraph type="secondary">
        镇党委星级由其自身考核得分和所辖村的定星结果共同决定，展开一行可逐步查看评定过程；录入或修改考核得分后，请重新生成定星建议。
      </Typography.Paragraph>
      <Table<Town>
        rowKey="orgUnitId"
        size="middle"
        columns={columns}
        dataSource={towns}
        pagination={false}
        locale={{ emptyText: '生成定星建议后显示' }}
        expandable={{
          rowExpandable: (t) => stepsOf(t).length > 0,
          expandedRowRender: (t) => (
            <ol className="town-steps" aria-label={`${t.name}党委星级评定过程`} style={{ margin: 0, paddingLeft: 20 }}>
              {stepsOf(t).map((step, k) => (
                <li key={k}>{step.text}</li>
              ))}
            </ol>
          ),
        }}
      />
      {scoring && <TownScoreModal campaign={campaign} town={scoring} onClose={() => setScoring(null)} />}
    </Card>
  );
}

function TownScoreModal({ campaign, town, onClose }: { campaign: Campaign; town: Town; onClose: () => void }) {
  const [form] = Form.useForm<{ score: string }>();
  const setScore = useSetTownScore(campaign.id);
  // The standard's own maximum bounds the score; the server checks the same and says so if unknown here.
  const scheme = useStandard(campaign.standardId).data?.document.townScheme as { ownScoreMax?: unknown } | undefined;
  const max = typeof scheme?.ownScoreMax === 'number' ? scheme.ownScoreMax : null;
  const [banner, setBanner] = useState<string | null>(null);
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setScore.mutate(
      { townId: town.orgUnitId, score: Number(values.score.trim()) },
      { onSuccess: () => (notifySuccess(`已录入${town.name}党委考核得分`), onClose()), onError: (e) => setBanner(errorText(e)) },
    );
  };
  return (
    <Modal title={`${town.name}党委考核得分`} open onCancel={onClose} onOk={() => void submit()} okText="保存" confirmLoading={setScore.isPending} destroyOnHidden>
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" name="town-score">
        <Form.Item
          name="score"
          label="考核得分"
          extra={max !== null ? allowedRangeText(max) : undefined}
          rules={max !== null ? [scoreRule(max)] : [{ required: true, whitespace: true, message: '请填写得分' }, { pattern: /^\d+(\.\d{1,2})?$/, message: '应为数字，最多 2 位小数' }]}
        >
          <Input inputMode="decimal" style={{ width: 200 }} addonAfter="分" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
