import { messageCard, pageFrame } from '../lib/dom';

export function render(root: HTMLElement): void {
  root.replaceChildren(
    pageFrame(
      '五星级乡村党组织创建',
      messageCard('欢迎', '请扫描村务公开栏、培训现场或公示材料上的二维码，进入对应的测评、签到或公示页面。'),
    ),
  );
}
