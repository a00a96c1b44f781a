import { useState } from 'react';
import { App, Alert, Button, Card, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EyeOutlined, LinkOutlined } from '@ant-design/icons';
import type { Campaign } from '../../../../../shared/contracts/campaigns';
import {
  objectionDecisionLabels,
  objectionStatusLabels,
  objectionStatuses,
  type Correction,
  type Objection,
  type ObjectionStatus,
} from '../../../../../shared/contracts/evaluation-results';
import { errorText } from '../../../api/client';
import { useCorrections, useObjections, useRevealObjection, type ObjectionFilters } from '../../../api/evaluation-results-hooks';
import { useSession } from '../../../auth/session';
import { AnswerObjectionModal, HandleObjectionModal } from './objection-modals';

const statusColors: Record<ObjectionStatus, string> = { received: 'orange', handled: 'blue', answered: 'green' };
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');
const starsText = (s: number | null) => (s === null ? '不定级' : `${s} 星`);

/** 公示与异议: the public notice, the objections lodged against it, and every star correction. */
export function NoticeTab({ campaign }: { campaign: Campaign }) {
  const { can } = useSession();
  const manage = can('campaign:manage');
  const { modal } = App.useApp();
  const [filters, setFilters] = useState<ObjectionFilters>({ page: 1, pageSize: 10 });
  const objections = useObjections(campaign.id, filters, manage);
  const [correctionPage, setCorrectionPage] = useState(1);
  const corrections = useCorrections(campaign.id, correctionPage, 10);
  const reveal = useRevealObjection(campaign.id);
  const [handling, setHandling] = useState<Objection | null>(null);
  const [answering, setAnswering] = useState<Objection | null>(null);
  const publicUrl = `${window.location.origin}/m/campaigns/${campaign.id}/notice`;
  const open = campaign.status === 'notice';

  const showContact = (o: Objection) =>
    reveal.mutate(o.id, {
      onSuccess: (d) => void modal.info({ title: `异议人联系方式 · ${o.receiptNo}`, content: d.contact ?? '未留联系方式', okText: '关闭' }),
      onError: (e) => void modal.error({ title: '无法查看', content: errorText(e) }),
    });

  const columns: TableColumnsType<Objection> = [
    { title: '回执编号', dataIndex: 'receiptNo', width: 120 },
    { title: '村', key: 'village', width: 150, render: (_, o) => `${o.village.townName} · ${o.village.name}` },
    { title: '异议内容', dataIndex: 'content', ellipsis: true },
    { title: '提出时间', dataIndex: 'lodgedAt', width: 160, render: time },
    {
      title: '状态',
      key: 'status',
      width: 160,
      render: (_, o) => (
        <Space size={0} wrap>
          <Tag color={statusColors[o.status]}>{objectionStatusLabels[o.status]}</Tag>
          {o.decision && <Tag color={o.decision === 'accepted' ? 'red' : 'default'}>{objectionDecisionLabels[o.decision]}</Tag>}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_, o) => (
        <Space size={0}>
          {o.status === 'received' && open && (
            <Button type="link" size="small" onClick={() => setHandling(o)}>
              核查
            </Button>
          )}
          {o.status === 'handled' && (
            <Button type="link" size="small" onClick={() => setAnswering(o)}>
              答复
            </Button>
          )}
          {o.contactMasked && (
            <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => showContact(o)}>
              联系方式
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="结果公示" size="small">
        {campaign.noticeStarts ? (
          <Descriptions column={2} size="small">
            <Descriptions.Item label="公示时间">
              {campaign.noticeStarts} 至 {campaign.noticeEnds}（{campaign.noticeDays} 个工作日）
            </Descriptions.Item>
            <Descriptions.Item label="状态">{open ? <Tag color="orange">公示中，受理异议</Tag> : <Tag color="green">公示已结束</Tag>}</Descriptions.Item>
            <Descriptions.Item label="群众查看与提出异议" span={2}>
              <Typography.Link href={publicUrl} target="_blank" copyable={{ text: publicUrl }}>
                <LinkOutlined /> {publicUrl}
              </Typography.Link>
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Alert type="info" showIcon message="全部村定星后推进到“结果公示”，公示期按工作日计算，期间群众可在手机上查看结果并提出异议。" />
        )}
      </Card>
      {manage && (
        <Card
          title="群众异议"
          size="small"
          extra={
            <Select
              placeholder="状态"
              allowClear
              style={{ width: 120 }}
              value={filters.status}
              onChange={(status?: ObjectionStatus) => setFilters((f) => ({ ...f, status, page: 1 }))}
              options={objectionStatuses.map((s) => ({ value: s, label: objectionStatusLabels[s] }))}
            />
          }
        >
          <Typography.Paragraph type="secondary">
            每条异议须核查并答复；还有异议未答复时不能最终定星。异议成立需要调整星级的，在核查时一并更正。
          </Typography.Paragraph>
          <Table<Objection>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={objections.data?.items}
            loading={objections.isFetching}
            expandable={{
              expandedRowRender: (o) => (
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label="异议内容">{o.content}</Descriptions.Item>
                  <Descriptions.Item label="核查情况">{o.handlingNote ? `${o.handlingNote}（${o.handledByName}，${time(o.handledAt)}）` : '—'}</Descriptions.Item>
                  <Descriptions.Item label="答复">{o.answer ? `${o.answer}（${o.answeredByName}，${time(o.answeredAt)}）` : '—'}</Descriptions.Item>
                </Descriptions>
              ),
            }}
            locale={{ emptyText: '暂无异议' }}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: objections.data?.total ?? 0,
              showTotal: (t) => `共 ${t} 条`,
              onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
            }}
          />
        </Card>
      )}
      <Card title="星级更正记录" size="small">
        <Table<Correction>
          rowKey="id"
          size="small"
          dataSource={corrections.data?.items}
          loading={corrections.isFetching}
          locale={{ emptyText: '暂无更正' }}
          pagination={{ current: correctionPage, pageSize: 10, total: corrections.data?.total ?? 0, onChange: setCorrectionPage }}
          columns={[
            { title: '村', key: 'village', width: 150, render: (_, c) => `${c.village.townName} · ${c.village.name}` },
            { title: '阶段', dataIndex: 'phase', width: 110, render: (p: Correction['phase']) => (p === 'notice' ? '公示期调整' : '定星后更正') },
            { title: '星级变化', key: 'change', width: 140, render: (_, c) => `${starsText(c.starsBefore)} → ${starsText(c.starsAfter)}` },
            { title: '理由', dataIndex: 'reason', ellipsis: true },
            { title: '异议回执', dataIndex: 'objectionReceiptNo', width: 110, render: (r: string | null) => r ?? '—' },
            { title: '更正人', key: 'by', width: 200, render: (_, c) => `${c.correctedByName} · ${time(c.correctedAt)}` },
          ]}
        />
      </Card>
      {handling && <HandleObjectionModal campaignId={campaign.id} objection={handling} onClose={() => setHandling(null)} />}
      {answering && <AnswerObjectionModal campaignId={campaign.id} objection={answering} onClose={() => setAnswering(null)} />}
    </Space>
  );
}
