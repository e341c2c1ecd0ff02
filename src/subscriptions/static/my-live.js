// My news live notice: listens to the page's event stream and shows "새 기사 3건" as a link that
// reloads My news. Without JavaScript (or EventSource) the page simply stays as it was rendered.
const notice = document.querySelector('.live-notice[data-live-url]');

if (notice && 'EventSource' in window) {
  const link = notice.querySelector('.live-notice__link');
  const text = notice.querySelector('.live-notice__text');
  const source = new EventSource(notice.getAttribute('data-live-url'));
  source.addEventListener('news', (event) => {
    let news;
    try {
      news = JSON.parse(event.data);
    } catch {
      return;
    }
    if (typeof news.count !== 'number' || typeof news.text !== 'string') return;
    text.textContent = news.text;
    link.hidden = news.count === 0;
    notice.setAttribute('data-live-count', String(news.count));
  });
  // Leaving the page closes the stream at once rather than when the socket times out.
  window.addEventListener('pagehide', () => source.close());
}
