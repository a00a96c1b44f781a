// The villagers' mobile pages: a path router over small page modules.
import { messageCard, pageFrame } from './lib/dom';
import { publicRoutes } from './routes';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const path = window.location.pathname;
  for (const route of publicRoutes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    const page = await route.load();
    await page.render(root, match.slice(1).map((p) => decodeURIComponent(p)));
    return;
  }
  root.replaceChildren(pageFrame('五星级乡村党组织创建', messageCard('页面不存在', '请核对二维码或链接是否完整。', 'error')));
}

void start();
