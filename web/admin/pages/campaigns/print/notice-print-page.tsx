import { Button, Result } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useCampaign, useResults } from '../../../api/campaigns-hooks';
import { errorText } from '../../../api/client';
import { useOrgTree } from '../../../api/org-units-hooks';
import { PageLoading } from '../../../components/page-loading';
import { starLabels } from '../campaign-labels';
import './notice-print.css';

const starText = (s: number | null) => (s ? '★'.repeat(s) : '未定级');

/**
 * 公示名单: the notice of the proposed (or final) results, laid out for paper. Rendered outside the
 * admin layout so that what prints is the notice alone.
 */
export function NoticePrintPage() {
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  const results = useResults(id);
  const tree = useOrgTree();
  if (campaign.isPending || results.isPending) return <PageLoading />;
  if (!campaign.data || !results.data) return <Result status="404" title="无法打开公示名单" subTitle={errorText(campaign.error ?? results.error)} />;
  const c = campaign.data;
  const r = results.data;
  const city = tree.data?.[0]?.name ?? '';
  const final = r.status === 'final';
  const period = c.noticeStarts ? `${c.noticeStarts} 至 ${c.noticeEnds ?? ''}` : null;
  // The whole results answer carries the towns (asked without `towns=false`).
  const towns = r.towns ?? [];
  const villages = [...r.villages].sort((a, b) => (a.rankInCity ?? 1e9) - (b.rankInCity ?? 1e9));

  return (
    <div style={{ background: '#f0f2f5', minHeight: '100%', paddingBottom: 24 }}>
      <div className="notice-toolbar">
        <Link to={`/campaigns/${id}?tab=results`}>
          <Button icon={<ArrowLeftOutlined />}>返回</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
      </div>
      <article className="notice-sheet" data-testid="notice-sheet">
        <h1>{final ? `${c.year}年度村党组织星级评定结果` : `${c.year}年度村党组织星级评定结果公示`}</h1>
        <div className="notice-subtitle">{c.name}</div>
        {r.status === 'none' ? (
          <p className="notice-draft">定星建议尚未生成，暂无可公示的结果。</p>
        ) : (
          <>
            {!final && !period && <p className="notice-draft">（草稿：尚未进入公示期）</p>}
            <p>
              按照{c.standardName}，经摸底互评、部门点评、市级考评三个阶段逐项评定，{final ? '现将' : '拟定'}
              {c.year}年度全市 {villages.length} 个村党组织的星级评定结果{final ? '予以公布' : '予以公示'}。
              {period && !final && `公示时间为 ${period}（${c.noticeDays} 个工作日）。公示期间，对评定结果有异议的，可向市委组织部反映。`}
            </p>
            <h2>一、村党组织星级及排名</h2>
            <table>
              <thead>
                <tr>
                  <th style={{ width: 64 }}>全市排名</th>
                  <th>所属镇（街道）</th>
                  <th>村（社区）</th>
                  <th style={{ width: 80 }}>综合得分</th>
                  <th style={{ width: 120 }}>星级</th>
                  <th style={{ width: 64 }}>镇内排名</th>
                </tr>
              </thead>
              <tbody>
                {villages.map((v) => (
                  <tr key={v.orgUnitId}>
                    <td>{v.rankInCity ?? '—'}</td>
                    <td>{v.townName}</td>
                    <td className="notice-left">{v.name}</td>
                    <td>{v.score.toFixed(2)}</td>
                    <td className="notice-stars" title={v.stars ? starLabels[v.stars] : undefined}>
                      {starText(v.stars)}
                    </td>
                    <td>{v.rankInTown ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {towns.length > 0 && (
              <>
                <h2>二、镇（街道）党委星级</h2>
                <table>
                  <thead>
                    <tr>
                      <th>镇（街道）党委</th>
                      <th style={{ width: 160 }}>星级</th>
                    </tr>
                  </thead>
                  <tbody>
                    {towns.map((t) => (
                      <tr key={t.orgUnitId}>
                        <td className="notice-left">{t.name}党委</td>
                        <td className="notice-stars">{starText(t.stars)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
            <div className="notice-sign">
              <div>中共{city}委员会组织部</div>
              <div>{final ? c.noticeEnds ?? '' : c.noticeStarts ?? ''}</div>
            </div>
          </>
        )}
      </article>
    </div>
  );
}
