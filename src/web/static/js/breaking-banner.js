// Breaking-news banner island: shows the close button, hides the banner once its article was
// dismissed (remembered in localStorage by article id, so a newer 속보 shows again), and moves
// focus to the page's content after a dismissal so keyboard users are not left on nothing.
const KEY = 'sosik.breaking.dismissed';
const banner = document.querySelector('[data-breaking-id]');

function dismissedId() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage refused (private mode): the banner just stays
  }
}

if (banner) {
  const id = banner.getAttribute('data-breaking-id');
  if (dismissedId() === id) {
    banner.remove();
  } else {
    const close = banner.querySelector('[data-breaking-dismiss]');
    if (close) {
      close.hidden = false;
      close.addEventListener('click', () => {
        try {
          localStorage.setItem(KEY, id);
        } catch {
          // not remembered; it is still gone for this page
        }
        banner.remove();
        document.getElementById('content')?.focus();
      });
    }
  }
}
