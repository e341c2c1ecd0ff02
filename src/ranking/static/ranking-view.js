// View beacon of the ranking capability (src/ranking/bots.ts has the rules): counts the article
// once the page is really shown (a prerendered page waits until it is), with a cookie that says
// only "this client keeps cookies". Nothing is sent if the page is not displayed.
const node = document.querySelector('[data-count-view]');

function send() {
  const article = node.getAttribute('data-count-view');
  // biome-ignore lint/suspicious/noDocumentCookie: one constant value; the Cookie Store API is missing in Safari and Firefox
  document.cookie = 'sosik_vc=1; path=/; max-age=31536000; SameSite=Lax';
  const body = new URLSearchParams({ article });
  if (!navigator.sendBeacon?.('/ranking/views', body)) {
    fetch('/ranking/views', { method: 'POST', body, keepalive: true, credentials: 'same-origin' }).catch(() => {});
  }
}

if (node) {
  if (document.prerendering) document.addEventListener('prerenderingchange', send, { once: true });
  else send();
}
