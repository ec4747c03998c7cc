// A few DOM helpers (no framework), the Chinese labels of the contract's codes, and how a problem is shown:
// its `detail` beside the action that failed, each of its `violations` beside the field it names.
import { ProblemError } from '@duban/frontend-contract';

type Child = Node | string | number | null | undefined | false;

/** h('button', { type: 'button', onclick }, '签收'): an element with attributes/properties and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, unknown>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value as EventListener);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'object' ? child : String(child));
  }
  return el;
}

export const LABELS = {
  itemState: { ISSUED: '待签收', ACKNOWLEDGED: '已签收', DONE_REPORTED: '已报办结', VERIFIED: '已核验', RETURNED: '已退回' },
  taskStatus: { NOT_STARTED: '未开始', IN_PROGRESS: '推进中', COMPLETED: '已完成', SUSPENDED: '已暂停' },
  color: { GREEN: '绿灯', YELLOW: '黄灯', RED: '红灯', DONE: '已完成', NOT_DUE: '未到期' },
  standing: { SUBMITTED_ON_TIME: '按时报送', SUBMITTED_LATE: '逾期报送', NOT_SUBMITTED: '未提交', MISSING: '未报送' },
  source: { OFFICE: '督办办公室', UNIT: '责任单位', PARTNER: '协作城市' },
} as const;

export function label<G extends keyof typeof LABELS>(group: G, code: string | undefined): string {
  if (code === undefined) return '—';
  return (LABELS[group] as Record<string, string>)[code] ?? code;
}

export function dateTime(iso: string | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** The text a person reads for a failure: the problem's Chinese detail (or title), never a bare status code. */
export function problemText(e: unknown): string {
  if (e instanceof ProblemError) {
    if (!e.isProblemJson) return '服务暂时无法应答，请稍后再试。';
    return e.detail ?? e.title;
  }
  if (e instanceof TypeError) return '无法连接督办服务，请检查网络后重试。';
  return e instanceof Error ? e.message : String(e);
}

/**
 * Shows a failure inside `scope`: each violation under the field it names (an element with data-field="text",
 * "progressPercent", …), the detail in the scope's [data-problem] box. Clears what an earlier failure left there.
 */
export function showProblem(scope: HTMLElement, e: unknown): void {
  clearProblem(scope);
  const box = scope.querySelector<HTMLElement>('[data-problem]');
  const unplaced: string[] = [];
  if (e instanceof ProblemError) {
    for (const v of e.violations) {
      const field = v.field ? scope.querySelector<HTMLElement>(`[data-field="${CSS.escape(v.field)}"]`) : null;
      if (field) {
        field.setAttribute('aria-invalid', 'true');
        field.after(h('span', { class: 'violation', role: 'alert' }, v.message ?? ''));
      } else if (v.message) {
        unplaced.push(v.field ? `${v.field}：${v.message}` : v.message);
      }
    }
  }
  if (box) {
    box.hidden = false;
    box.replaceChildren(h('span', {}, problemText(e)), ...unplaced.map((m) => h('span', { class: 'violation' }, m)));
  }
}

export function clearProblem(scope: HTMLElement): void {
  scope.querySelectorAll('.violation').forEach((el) => el.remove());
  scope.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  const box = scope.querySelector<HTMLElement>('[data-problem]');
  if (box) {
    box.hidden = true;
    box.replaceChildren();
  }
}

/** An empty problem box, placed where a failure of the surrounding action should be read. */
export const problemBox = () => h('p', { class: 'problem', role: 'alert', hidden: true, dataset: { problem: '' } });

/** Runs a button's action with the button disabled; a failure is shown in `scope`. */
export async function act(button: HTMLButtonElement, scope: HTMLElement, action: () => Promise<void>): Promise<void> {
  button.disabled = true;
  clearProblem(scope);
  try {
    await action();
  } catch (e) {
    showProblem(scope, e);
  } finally {
    button.disabled = false;
  }
}
