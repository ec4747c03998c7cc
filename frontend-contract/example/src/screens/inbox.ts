// 交办事项 (a unit liaison's inbox; the office sees every unit's): the items the unit leads or cooperates on,
// with 签收 (on an item waiting to be signed for) and 办结 (on a signed or returned one). Who may act is left to the
// service: a refusal (an item the unit only cooperates on, a state that moved on) is shown beside the item in the
// service's own words.
import { unwrap, ConflictProblem, type TicketItemView } from '@duban/frontend-contract';
import type { Api } from '../api';
import type { User } from '../session';
import { act, dateTime, h, label, problemBox, showProblem } from '../ui';

function itemRow(api: Api, user: User, initial: TicketItemView): HTMLElement {
  let item = initial;
  const row = h('article', { class: 'item', dataset: { itemId: String(item.id) } });

  const reload = async () => {
    item = await api.read((c) => unwrap(c.GET('/api/v1/ticket-items/{id}', { params: { path: { id: item.id! } } })));
    render();
  };
  // A refused change leaves the item as it was; after a 409 someone else changed it, so show it as it is now.
  const afterFailure = async (e: unknown) => {
    if (e instanceof ConflictProblem) await reload().catch(() => undefined);
    showProblem(row, e);
  };

  const render = () => {
    const lead = item.leadUnit?.code === user.unitCode;
    const role = user.unitCode ? (lead ? '牵头' : '配合') : (item.leadUnit?.name ?? '—');
    const sign = h('button', { type: 'button', class: 'sign' }, '签收');
    sign.addEventListener('click', () =>
      act(sign, row, async () => {
        try {
          item = await api.write((c, key) =>
            unwrap(
              c.POST('/api/v1/ticket-items/{id}/acknowledgements', {
                params: { path: { id: item.id! }, header: { 'Idempotency-Key': key } },
                body: { version: item.version! },
              }),
            ),
          );
          render();
        } catch (e) {
          await afterFailure(e);
        }
      }),
    );
    const text = h('textarea', { name: 'text', rows: 2, placeholder: '办结情况', dataset: { field: 'text' } });
    const done = h('button', { type: 'button', class: 'done' }, '办结');
    done.addEventListener('click', () =>
      act(done, row, async () => {
        try {
          const body = text.value.trim() ? { text: text.value.trim(), version: item.version! } : { version: item.version! };
          item = await api.write((c, key) =>
            unwrap(
              c.POST('/api/v1/ticket-items/{id}/completions', { params: { path: { id: item.id! }, header: { 'Idempotency-Key': key } }, body }),
            ),
          );
          render();
        } catch (e) {
          await afterFailure(e);
        }
      }),
    );
    row.replaceChildren(
      ...([
      h(
        'header',
        {},
        h('strong', { class: 'number' }, item.ticket?.number ?? `事项 ${item.id}`),
        ' ',
        h('span', { class: 'state' }, label('itemState', item.state)),
        ' ',
        h('span', { class: `light-${item.light?.color ?? ''}` }, label('color', item.light?.color)),
        item.key ? h('span', { class: 'key' }, ' 重点') : null,
      ),
      h('p', { class: 'requirement' }, item.requirement ?? ''),
      h('p', { class: 'meta' }, `问题：${item.problem ?? '—'} · 牵头单位：${item.leadUnit?.name ?? '—'} · ${role} · 截止 ${item.deadline ?? '—'}`),
      item.acknowledgedAt ? h('p', { class: 'meta' }, `签收于 ${dateTime(item.acknowledgedAt)}`) : null,
      item.returnReason ? h('p', { class: 'meta' }, `退回理由：${item.returnReason}`) : null,
      item.doneReport ? h('p', { class: 'meta' }, `办结情况：${item.doneReport}`) : null,
      h('div', { class: 'actions' }, ...(item.state === 'ISSUED' ? [sign] : []), ...(item.state === 'ACKNOWLEDGED' || item.state === 'RETURNED' ? [text, done] : [])),
      problemBox(),
      ].filter((x): x is HTMLElement => x !== null)),
    );
  };
  render();
  return row;
}

export async function inboxScreen(api: Api, user: User): Promise<HTMLElement> {
  const list = h('div', { class: 'items' });
  const opened = h('div', { class: 'opened' });
  const id = h('input', { name: 'id', inputmode: 'numeric', placeholder: '事项编号', 'aria-label': '事项编号' });
  const open = h('button', { type: 'submit' }, '打开');
  const finder = h('form', { class: 'finder' }, id, open, problemBox());
  finder.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void act(open, finder, async () => {
      opened.replaceChildren();
      const item = await api.read((c) => unwrap(c.GET('/api/v1/ticket-items/{id}', { params: { path: { id: Number(id.value) } } })));
      opened.append(itemRow(api, user, item));
    });
  });

  const screen = h('section', { id: 'inbox' }, h('h1', {}, user.unitCode ? `本单位交办事项（${user.unitCode}）` : '交办事项'), problemBox());
  try {
    const page = await api.read((c) => unwrap(c.GET('/api/v1/ticket-items', { params: { query: { size: 100 } } })));
    const items = page.items ?? [];
    list.append(...(items.length ? items.map((item) => itemRow(api, user, item)) : [h('p', {}, '没有交办事项。')]));
    screen.append(h('p', {}, `共 ${page.totalItems ?? items.length} 项`), list, h('h2', {}, '按编号打开事项'), finder, opened);
  } catch (e) {
    showProblem(screen, e);
  }
  return screen;
}
