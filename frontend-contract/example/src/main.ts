// The example console's shell: config, sign-in, the header and a hash router over the three screens.
import { unwrap } from '@duban/frontend-contract';
import { createApi, type Api } from './api';
import { loadConfig } from './config';
import { inboxScreen } from './screens/inbox';
import { overviewScreen } from './screens/overview';
import { taskScreen } from './screens/task';
import { startSession, type Session, type User } from './session';
import { h, problemText, showProblem } from './ui';
import './style.css';

const app = document.querySelector<HTMLElement>('#app')!;
const notice = document.querySelector<HTMLElement>('#notice')!;

function say(text: string | null) {
  notice.hidden = !text;
  notice.textContent = text ?? '';
}

function signInPage(session: Session, why?: string) {
  const button = h('button', { type: 'button', id: 'sign-in' }, '登录');
  button.addEventListener('click', () => void session.signIn());
  app.replaceChildren(h('section', { id: 'signed-out' }, h('h1', {}, '请登录'), why ? h('p', { class: 'problem' }, why) : null, button));
}

const isOffice = (user: User) => user.roles.some((r) => r === 'office' || r === 'leader' || r === 'supervisor');

async function route(api: Api, user: User) {
  const path = location.hash.replace(/^#/, '') || (isOffice(user) ? '/overview' : '/inbox');
  const task = /^\/tasks\/(\d+)$/.exec(path);
  document.querySelectorAll<HTMLAnchorElement>('#nav a').forEach((a) => a.classList.toggle('current', path === `/${a.dataset.screen}`));
  app.replaceChildren(h('p', { class: 'loading' }, '加载中…'));
  const screen = task
    ? await taskScreen(api, Number(task[1]))
    : path === '/inbox'
      ? await inboxScreen(api, user)
      : await overviewScreen(api);
  app.replaceChildren(screen);
}

async function main() {
  const config = await loadConfig();
  const session = await startSession(config);
  const user = session.user;
  if (!user) {
    signInPage(session);
    return;
  }
  const api = createApi(
    config,
    session,
    (seconds) => say(seconds > 0 ? `服务繁忙，${seconds} 秒后自动重试…` : null),
    () => signInPage(session, '登录已失效，请重新登录。'),
  );
  document.querySelector('#who')!.textContent = user.name;
  document.querySelector<HTMLElement>('#nav')!.hidden = false;
  const signOut = document.querySelector<HTMLButtonElement>('#sign-out')!;
  signOut.hidden = false;
  signOut.addEventListener('click', () => void session.signOut());

  const finder = document.querySelector<HTMLFormElement>('#open-task')!;
  finder.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const code = String(new FormData(finder).get('code') ?? '').trim();
    if (!code) return;
    api
      .read((c) => unwrap(c.GET('/api/v1/tasks', { params: { query: { q: code, size: 20 } } })))
      .then((page) => {
        const found = (page.items ?? []).find((t) => t.code === code) ?? page.items?.[0];
        if (found) location.hash = `#/tasks/${found.id}`;
        else say(`没有编号为 ${code} 的任务。`);
      })
      .catch((e: unknown) => say(problemText(e)));
  });

  window.addEventListener('hashchange', () => void route(api, user));
  await route(api, user);
}

main().catch((e: unknown) => {
  const box = h('section', {}, h('h1', {}, '控制台无法启动'), h('p', { class: 'problem', dataset: { problem: '' } }));
  app.replaceChildren(box);
  showProblem(box, e);
});
