import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AdminApp } from './app';
import { installAntdReact19Render } from './react19-render';
import { installCspCompatibility } from './csp-nonce';

installCspCompatibility();
installAntdReact19Render();

const container = document.getElementById('root');
if (!container) throw new Error('缺少 #root 节点');
createRoot(container).render(
  <StrictMode>
    <AdminApp />
  </StrictMode>,
);
