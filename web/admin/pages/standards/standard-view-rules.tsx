import { Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { StarFilled } from '@ant-design/icons';
import type { Standard } from '../../../../shared/standards/standard';
import {
  namedStarLevelText,
  num,
  prerequisiteText,
  pts,
  quotaText,
  rankingKeyText,
  satisfactionCapText,
  starsText,
  townLevelText,
  vetoEffectText,
  violationCategoryLabels,
} from './standard-words';

export function Stars({ n }: { n: number }) {
  if (n === 0) return <Typography.Text type="secondary">0 星</Typography.Text>;
  return (
    <Space size={2} aria-label={`${n} 星`}>
      {Array.from({ length: n }, (_, i) => (
        <StarFilled key={i} style={{ color: '#faad14' }} />
      ))}
      <span style={{ marginLeft: 4 }}>{n} 星</span>
    </Space>
  );
}

const none = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

export function LevelSchemeView({ standard }: { standard: Standard }) {
  const scheme = standard.levelScheme;
  if (scheme.type === 'thresholds') {
    return (
      <>
        <Typography.Paragraph>按最终得分定星：从高到低，达到哪一档的最低分即评为该星级。</Typography.Paragraph>
        <Table
          size="small"
          pagination={false}
          rowKey="stars"
          dataSource={scheme.thresholds}
          columns={[
            { title: '星级', dataIndex: 'stars', width: 160, render: (n: number) => <Stars n={n} /> },
            { title: '最终得分', key: 'range', render: (_, t, i) => (i === 0 ? `${num(t.minScore)} 分及以上` : `${num(t.minScore)} 分及以上，不足 ${num(scheme.thresholds[i - 1]?.minScore)} 分`) },
          ]}
          footer={() => `低于 ${num(scheme.thresholds[scheme.thresholds.length - 1]?.minScore)} 分：${starsText(scheme.minStars)}`}
        />
      </>
    );
  }
  return (
    <>
      <Typography.Paragraph>按命名星定星：各维度得分达到其命名星分数即获得该命名星；从高到低，条件全部满足即评为该星级。</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        {standard.dimensions.map((d) => (
          <Tag key={d.id} color="gold" icon={<StarFilled />}>
            {d.namedStar ? `${d.namedStar.name}：${d.name}达到 ${pts(d.namedStar.minPoints)}` : `${d.name}（未设命名星）`}
          </Tag>
        ))}
      </Space>
      <Table
        size="small"
        pagination={false}
        rowKey="stars"
        dataSource={scheme.levels}
        columns={[
          { title: '星级', dataIndex: 'stars', width: 160, render: (n: number) => <Stars n={n} /> },
          { title: '条件', key: 'cond', render: (_, l) => namedStarLevelText(l, standard) },
        ]}
        footer={() => `都不满足：${starsText(scheme.minStars)}`}
      />
    </>
  );
}

export function SatisfactionView({ standard }: { standard: Standard }) {
  const s = standard.satisfaction;
  if (!s) return none('未使用群众满意度。');
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="计入得分">
        {s.weightPercent > 0
          ? `占最终得分的 ${s.weightPercent}%：最终得分 = 指标得分 × ${100 - s.weightPercent}% + 满意率 × 总分 × ${s.weightPercent}%`
          : '不计入得分'}
      </Descriptions.Item>
      <Descriptions.Item label="满意率计算">{`（满意 + 基本满意 × ${s.basicallySatisfiedCredit ?? 100}%）÷ 有效样本`}</Descriptions.Item>
      {s.minSampleSize !== undefined && <Descriptions.Item label="最少有效样本">{s.minSampleSize} 份</Descriptions.Item>}
      <Descriptions.Item label="星级封顶">
        {s.caps?.length ? s.caps.map((c) => <div key={`${c.belowPercent}-${c.maxStars}`}>{satisfactionCapText(c)}</div>) : '无'}
      </Descriptions.Item>
    </Descriptions>
  );
}

export function PrerequisitesView({ standard }: { standard: Standard }) {
  const list = standard.prerequisites ?? [];
  if (!list.length) return none('无前置条件。');
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }}>
      {list.map((p, i) => (
        <li key={i}>{prerequisiteText(p, standard.figures)}</li>
      ))}
    </ul>
  );
}

export function VetoesView({ standard }: { standard: Standard }) {
  const list = standard.vetoes ?? [];
  if (!list.length) return none('未设一票否决或降星规则。');
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="category"
      data-testid="veto-rules"
      dataSource={list}
      columns={[
        { title: '违规类别', dataIndex: 'name', width: 200, render: (name: string, v) => <Tag color="red">{name || violationCategoryLabels[v.category] || v.category}</Tag> },
        { title: '类别编码', dataIndex: 'category', width: 140, render: (c: string) => <Typography.Text type="secondary">{c}</Typography.Text> },
        { title: '处理', key: 'effect', render: (_, v) => vetoEffectText(v.effect) },
      ]}
      footer={() => '经纪检监察、信访等部门确认的违规才适用；同一类别多起只处理一次，原因全部记入评定说明。'}
    />
  );
}

export function AdjustmentsView({ standard, group }: { standard: Standard; group: 'bonus' | 'deductions' }) {
  const g = standard[group];
  if (!g) return none(group === 'bonus' ? '无加分项。' : '无扣分项。');
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={g.items}
      columns={[
        { title: '项目', dataIndex: 'name' },
        { title: '最多', dataIndex: 'maxPoints', width: 90, render: (v: number) => pts(v) },
        { title: '计分说明', dataIndex: 'guidance' },
      ]}
      footer={() => `${group === 'bonus' ? '加分' : '扣分'}合计封顶 ${pts(g.cap)}`}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有项目" /> }}
    />
  );
}

export function RankingView({ standard }: { standard: Standard }) {
  const q = standard.quotas;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>排名依据（依次比较）</Typography.Text>
      <ol style={{ margin: 0, paddingLeft: 20 }} data-testid="ranking-keys">
        {standard.ranking.keys.map((k, i) => (
          <li key={i}>{rankingKeyText(k, standard)}</li>
        ))}
      </ol>
      <Typography.Text type="secondary">全部相同的并列同一名次，下一名次顺延（如 1、1、3）；被一票否决的村不参加排名。</Typography.Text>
      <Typography.Text strong style={{ marginTop: 8 }}>
        名额限制
      </Typography.Text>
      {q ? (
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {quotaText(q).map((t) => (
            <li key={t}>{t}</li>
          ))}
          <li>超出名额时保留星级的顺序：{(q.order ?? standard.ranking.keys).map((k) => rankingKeyText(k, standard)).join(' → ')}</li>
        </ul>
      ) : (
        none('不限名额。')
      )}
    </Space>
  );
}

export function TownSchemeView({ standard }: { standard: Standard }) {
  const t = standard.townScheme;
  if (!t) return none('镇党委不评定星级。');
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="stars"
      dataSource={t.levels}
      columns={[
        { title: '星级', dataIndex: 'stars', width: 160, render: (n: number) => <Stars n={n} /> },
        { title: `条件（镇党委自身考核满分 ${num(t.ownScoreMax)} 分）`, key: 'cond', render: (_, l) => townLevelText(l) },
      ]}
      footer={() =>
        `都不满足：${starsText(t.minStars)}` +
        (t.capWhenVillageVetoed !== undefined ? `；所辖村有被一票否决的，镇党委最高 ${starsText(t.capWhenVillageVetoed)}` : '')
      }
    />
  );
}

export function RuleCard({ title, children, id }: { title: string; children: React.ReactNode; id?: string }) {
  return (
    <Card size="small" title={title} id={id}>
      {children}
    </Card>
  );
}
