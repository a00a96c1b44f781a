import { unstableSetRender } from 'antd';
import { createRoot, type Root } from 'react-dom/client';

type Host = Element | DocumentFragment;
const roots = new WeakMap<Host, Root>();

/**
 * antd 5 mounts some pieces (button wave, static message/modal holders) with the legacy
 * ReactDOM.render, which React 19 removed. This is antd's documented hook for React 19; it avoids
 * pulling in the separate @ant-design/v5-patch-for-react-19 package.
 */
export function installAntdReact19Render(): void {
  unstableSetRender((node, container) => {
    let root = roots.get(container);
    if (!root) {
      root = createRoot(container);
      roots.set(container, root);
    }
    root.render(node);
    return async () => {
      // Unmounting synchronously inside React's own commit phase is not allowed.
      await new Promise((resolve) => setTimeout(resolve, 0));
      root.unmount();
      roots.delete(container);
    };
  });
}
