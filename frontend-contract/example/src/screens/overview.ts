// 工作概览 (office, leaders, supervisors): the leader dashboard in one call, then the standings of the month it
// reports on (who submitted on time, late, or not at all).
import { unwrap, type DashboardColorCount } from '@duban/frontend-contract';
import type { Api } from '../api';
import { h, label, problemBox, showProblem } from '../ui';

const lightCells = (colors: DashboardColorCount[] | undefined) =>
  (['RED', 'YELLOW', 'GREEN', 'DONE', 'NOT_DUE'] as const).map((c) =>
    h('td', { class: `light-${c}` }, colors?.find((x) => x.color === c)?.count ?? 0),
  );

export async function overviewScreen(api: Api): Promise<HTMLElement> {
  const screen = h('section', { id: 'overview' }, h('h1', {}, '工作概览'), problemBox());
  try {
    const board = await api.read((c) => unwrap(c.GET('/api/v1/dashboard')));
    const reports = board.reports;
    screen.append(
      h('p', {}, `统计日期：${board.date ?? '—'}`),
      h('h2', {}, '三色督办'),
      h(
        'table',
        { class: 'lights' },
        h('thead', {}, h('tr', {}, h('th', {}, '专项'), h('th', {}, '红灯'), h('th', {}, '黄灯'), h('th', {}, '绿灯'), h('th', {}, '已完成'), h('th', {}, '未到期'))),
        h(
          'tbody',
          {},
          h('tr', { class: 'total' }, h('th', {}, '合计'), ...lightCells(board.lights?.totals)),
          ...(board.lights?.byArea ?? []).map((a) => h('tr', {}, h('th', {}, a.areaName ?? '—'), ...lightCells(a.colors))),
        ),
      ),
      h('h2', {}, '进度滞后的任务'),
      (board.lights?.tasksBehind ?? []).length === 0
        ? h('p', {}, '没有进度滞后的任务。')
        : h(
            'ul',
            { class: 'behind' },
            ...(board.lights?.tasksBehind ?? []).map((t) =>
              h(
                'li',
                {},
                h('a', { href: `#/tasks/${t.taskId}` }, `${t.code} ${t.title}`),
                ` · ${label('color', t.light?.color)} · ${t.progressPercent ?? 0}% · ${t.light?.reason ?? ''}`,
              ),
            ),
          ),
      h(
        'ul',
        { class: 'figures' },
        h('li', {}, `重点交办事项逾期：${board.overdueKeyItems?.count ?? 0}`),
        h('li', {}, `在办督查案件：${board.openCases?.count ?? 0}`),
        h('li', {}, `待领导批示：${board.waitingOnLeaders?.count ?? 0}`),
      ),
    );
    if (reports?.month) {
      const standings = await api.read((c) =>
        unwrap(c.GET('/api/v1/reporting-months/{month}/units', { params: { path: { month: reports.month! }, query: { size: 200 } } })),
      );
      screen.append(
        h('h2', {}, `${reports.month} 月报报送情况（截止 ${reports.dueDate ?? '—'}，报送率 ${reports.ratePercent ?? 0}%）`),
        h(
          'table',
          { class: 'standings' },
          h('thead', {}, h('tr', {}, h('th', {}, '单位'), h('th', {}, '报送情况'), h('th', {}, '逾期天数'))),
          h(
            'tbody',
            {},
            ...(standings.items ?? []).map((s) =>
              h('tr', { class: `standing-${s.standing}` }, h('td', {}, s.unit?.name ?? '—'), h('td', {}, label('standing', s.standing)), h('td', {}, s.daysLate ?? '')),
            ),
          ),
        ),
      );
    }
  } catch (e) {
    showProblem(screen, e);
  }
  return screen;
}
