// Placeholder for the villagers' mobile pages (surveys, notices, objections). Plain DOM keeps the
// bundle a few KB until the real pages land.
const root = document.getElementById('root');
if (root) {
  root.innerHTML = `
    <header class="banner">
      <h1>五星级乡村党组织创建</h1>
      <div class="stars" aria-hidden="true">★★★★★</div>
    </header>
    <main class="card">
      <h2>公众服务页面建设中</h2>
      <p>群众满意度测评、评星结果公示、意见反馈等功能即将上线，敬请关注。</p>
    </main>
    <footer>市委组织部</footer>
  `;
}
