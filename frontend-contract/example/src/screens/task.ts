// 任务 (#/tasks/:id): one task, its progress history (newest first) and a form to report progress. An invalid
// report (a percentage over 100, a note too long) comes back as violations, each shown under its field.
import { unwrap, ConflictProblem, type TaskStatus, type TaskView } from '@duban/frontend-contract';
import type { Api } from '../api';
import { act, dateTime, h, label, LABELS, problemBox, showProblem } from '../ui';

export async function taskScreen(api: Api, id: number): Promise<HTMLElement> {
  const screen = h('section', { id: 'task' }, problemBox());
  let task: TaskView;
  try {
    task = await api.read((c) => unwrap(c.GET('/api/v1/tasks/{id}', { params: { path: { id } } })));
  } catch (e) {
    screen.prepend(h('h1', {}, '任务'));
    showProblem(screen, e);
    return screen;
  }
  const history = h('tbody');
  const loadHistory = async () => {
    const page = await api.read((c) => unwrap(c.GET('/api/v1/tasks/{id}/progress', { params: { path: { id }, query: { size: 50 } } })));
    history.replaceChildren(
      ...(page.items ?? []).map((p) =>
        h(
          'tr',
          {},
          h('td', {}, dateTime(p.reportedAt)),
          h('td', {}, p.unit?.name ?? label('source', p.source)),
          h('td', {}, label('taskStatus', p.status)),
          h('td', {}, `${p.progressPercent ?? 0}%`),
          h('td', {}, p.note ?? ''),
          h('td', {}, p.reportedByName ?? p.reportedBy ?? ''),
        ),
      ),
    );
  };
  const summary = h('dl');
  const showTask = () =>
    summary.replaceChildren(
      h('dt', {}, '状态'),
      h('dd', { class: 'status' }, label('taskStatus', task.status)),
      h('dt', {}, '进度'),
      h('dd', { class: 'progress' }, `${task.progressPercent ?? 0}%`),
      h('dt', {}, '督办灯'),
      h('dd', { class: `light-${task.light?.color ?? ''}` }, `${label('color', task.light?.color)} ${task.light?.reason ?? ''}`),
      h('dt', {}, '截止日期'),
      h('dd', {}, task.deadline ?? '—'),
      h('dt', {}, '责任单位'),
      h('dd', {}, (task.responsibleUnits ?? []).map((r) => r.unit?.name).filter(Boolean).join('、') || '—'),
    );
  showTask();

  const status = h(
    'select',
    { name: 'status', dataset: { field: 'status' } },
    ...Object.entries(LABELS.taskStatus).map(([code, text]) => h('option', { value: code, selected: code === task.status }, text)),
  );
  const percent = h('input', { name: 'progressPercent', type: 'number', value: task.progressPercent ?? 0, dataset: { field: 'progressPercent' } });
  const note = h('textarea', { name: 'note', rows: 2, dataset: { field: 'note' } });
  const submit = h('button', { type: 'submit' }, '报送进度');
  const form = h(
    'form',
    { class: 'progress-form', novalidate: true },
    h('label', {}, '状态 ', status),
    h('label', {}, '进度（%）', percent),
    h('label', {}, '进展说明 ', note),
    submit,
    problemBox(),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void act(submit, form, async () => {
      const body = { status: status.value as TaskStatus, progressPercent: Number(percent.value), note: note.value, version: task.version! };
      try {
        await api.write((c, key) =>
          unwrap(c.POST('/api/v1/tasks/{id}/progress', { params: { path: { id }, header: { 'Idempotency-Key': key } }, body })),
        );
      } catch (e) {
        // 409: the task changed since it was read; show it as it is now, with the service's explanation.
        if (e instanceof ConflictProblem) {
          task = await api.read((c) => unwrap(c.GET('/api/v1/tasks/{id}', { params: { path: { id } } })));
          showTask();
        }
        throw e;
      }
      task = await api.read((c) => unwrap(c.GET('/api/v1/tasks/{id}', { params: { path: { id } } })));
      showTask();
      note.value = '';
      await loadHistory();
    });
  });

  screen.append(
    h('h1', {}, `${task.code} ${task.title}`),
    summary,
    h('h2', {}, '报送进度'),
    form,
    h('h2', {}, '进度记录'),
    h(
      'table',
      { class: 'history' },
      h('thead', {}, h('tr', {}, h('th', {}, '报送时间'), h('th', {}, '报送单位'), h('th', {}, '状态'), h('th', {}, '进度'), h('th', {}, '说明'), h('th', {}, '报送人'))),
      history,
    ),
  );
  try {
    await loadHistory();
  } catch (e) {
    showProblem(screen, e);
  }
  return screen;
}
