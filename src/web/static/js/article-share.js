// Share island: on devices with a system share sheet (Web Share API: phones, some desktops) the
// "공유하기" button appears beside copy-link and opens it with the article's title and address.
// Elsewhere the button stays hidden and copy-link is the way to pass the article on.
const button = document.querySelector('[data-share-url]');

function canShare(data) {
  if (typeof navigator.share !== 'function') return false;
  if (typeof navigator.canShare !== 'function') return true;
  try {
    return navigator.canShare(data);
  } catch {
    return false;
  }
}

if (button) {
  const data = { title: button.dataset.shareTitle, url: button.dataset.shareUrl };
  if (canShare(data)) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.share(data);
      } catch {
        // The reader closed the sheet (AbortError) or the platform refused: nothing to undo.
      }
    });
  }
}
