// The breadcrumb of every page below a menu entry, written once: the menu entry is the first crumb,
// then the route's own steps. A detail page's name is filled in by the page (useCrumbName) or, for a
// campaign, by the breadcrumb itself from the campaign already in the query cache.
import { matchPath } from 'react-router-dom';
import { navEntries } from './nav-entries';

export type Crumb = { label: string; to?: string };

/** A step: a fixed label, or a name looked up by kind and route parameter, with its fallback. */
type Step = { label: string; to?: string } | { kind: string; param: string; fallback: Crumb; to?: string; suffix?: string };

type Trail = {
  pattern: string;
  /** The first crumb when it is not the menu entry the path falls under (a pattern, resolved). */
  root?: string;
  rootLabel?: string;
  steps: Step[];
};

const campaign: Step = { kind: 'campaign', param: 'id', fallback: { label: '评星年度' }, to: '/campaigns/:id' };
const mutual: Step = { label: '摸底互评', to: '/campaigns/:id/mutual' };
const village = (suffix?: string): Step => ({ kind: 'village', param: 'villageId', fallback: { label: '村（社区）' }, suffix });

const trails: Trail[] = [
  { pattern: '/campaigns/:id', steps: [campaign] },
  { pattern: '/campaigns/:id/villages/:villageId', steps: [campaign, { label: '定星结果', to: '/campaigns/:id?tab=results' }, village()] },
  { pattern: '/campaigns/:id/villages/:villageId/self-evaluation', root: '/self-evaluations', steps: [village(' · 自评')] },
  {
    pattern: '/campaigns/:id/sheets/:stage/:villageId',
    steps: [campaign, { kind: 'sheet-list', param: 'villageId', fallback: { label: '评分进度', to: '/campaigns/:id?tab=progress&stage=:stage' } }, village(' · 评分表')],
  },
  { pattern: '/campaigns/:id/grid/:stage', root: '/my-tasks/:stage', rootLabel: '我的评分任务', steps: [{ label: '表格录入' }] },
  { pattern: '/campaigns/:id/mutual', steps: [campaign, { label: '摸底互评' }] },
  { pattern: '/campaigns/:id/surveys', steps: [campaign, mutual, { label: '群众测评' }] },
  { pattern: '/campaigns/:id/towns/:townId/summary', steps: [campaign, mutual, { kind: 'town', param: 'townId', fallback: { label: '镇（街道）' }, suffix: ' · 评星定级汇总表' }] },
  { pattern: '/campaigns/:id/department', steps: [campaign, { label: '部门点评' }] },
  { pattern: '/campaigns/:id/department/grid/:kind', steps: [campaign, { label: '部门点评', to: '/campaigns/:id/department' }, { label: '表格录入' }] },
  { pattern: '/campaigns/:id/raters', steps: [campaign, { label: '评价质量' }] },
  { pattern: '/standards/new', steps: [{ label: '新建标准' }] },
  { pattern: '/standards/:id', steps: [{ kind: 'standard', param: 'id', fallback: { label: '评星标准' } }] },
  { pattern: '/standards/:id/edit', steps: [{ kind: 'standard', param: 'id', fallback: { label: '评星标准' }, to: '/standards/:id' }, { label: '编辑' }] },
  { pattern: '/training/sessions', steps: [{ label: '课程与场次' }] },
  { pattern: '/training/sessions/:id', steps: [{ kind: 'session-list', param: 'id', fallback: { label: '课程与场次', to: '/training/sessions' } }, { kind: 'session', param: 'id', fallback: { label: '培训场次' } }] },
  { pattern: '/training/tours', steps: [{ label: '研修提升课' }] },
  { pattern: '/training/records', steps: [{ label: '培训档案' }] },
  { pattern: '/training/experts', steps: [{ label: '乡土人才库' }] },
];

const fill = (pattern: string, params: Record<string, string | undefined>) =>
  pattern.replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(params[key] ?? ''));

/** The menu entry a path falls under (the longest matching prefix; '/' only for itself). */
export function menuEntryOf(pathname: string): string {
  const match = navEntries
    .filter((e) => e.path !== '/' && (pathname === e.path || pathname.startsWith(`${e.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.path ?? '/';
}

export type ResolvedTrail = { menuKey: string; crumbs: Crumb[]; campaignId?: string };

/**
 * The crumbs of a path: empty for a menu's top-level page and for paths no trail names. `nameOf`
 * answers a page-supplied name by key `kind:id`.
 */
export function resolveTrail(pathname: string, nameOf: (key: string) => Crumb | string | undefined = () => undefined): ResolvedTrail {
  for (const trail of trails) {
    const match = matchPath({ path: trail.pattern, end: true }, pathname);
    if (!match) continue;
    const params = match.params;
    const rootPath = trail.root ? fill(trail.root, params) : menuEntryOf(pathname);
    const entry = navEntries.find((e) => e.path === rootPath);
    const crumbs: Crumb[] = [{ label: entry?.label ?? trail.rootLabel ?? '', to: rootPath }];
    for (const step of trail.steps) {
      if ('kind' in step) {
        const named = nameOf(`${step.kind}:${params[step.param] ?? ''}`);
        const base: Crumb = typeof named === 'string' ? { label: named, to: step.to } : (named ?? { ...step.fallback, to: step.fallback.to ?? step.to });
        const to = base.to && fill(base.to, params);
        // A crumb leading to a menu entry says what the menu says.
        const menuLabel = navEntries.find((e) => e.path === to)?.label;
        crumbs.push({ label: menuLabel ?? `${base.label}${named && step.suffix ? step.suffix : ''}`, to });
      } else {
        crumbs.push({ label: step.label, to: step.to && fill(step.to, params) });
      }
    }
    // The last crumb is the page itself: not a link.
    crumbs[crumbs.length - 1] = { label: crumbs[crumbs.length - 1]!.label };
    const campaignId = trail.pattern.startsWith('/campaigns/:id') ? params.id : undefined;
    return { menuKey: entry ? rootPath : menuEntryOf(pathname), crumbs, campaignId };
  }
  return { menuKey: menuEntryOf(pathname), crumbs: [] };
}
