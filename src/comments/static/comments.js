// Comment thread island (src/comments): on the article page, swaps the shared thread for the
// reader's own (forms, their pending comments); posts comments, replies and votes without a
// reload; shows a notice when others post while the page is open (server-sent events). Without
// JavaScript every form posts and returns to the thread.
const parser = new DOMParser();

function fragment(html) {
  // The server rendered this markup with preact (escaped); parsed inertly, then adopted.
  const doc = parser.parseFromString(`<!doctype html><body>${html}`, 'text/html');
  return doc.body.firstElementChild;
}

async function swapInOwnThread() {
  const slot = document.querySelector('[data-comments-fragment]');
  if (!slot) return;
  const res = await fetch(slot.dataset.commentsFragment, {
    credentials: 'same-origin',
    headers: { accept: 'text/html' },
  });
  if (!res.ok) return;
  const fresh = fragment(await res.text());
  const old = slot.querySelector('#comments');
  if (fresh && old) old.replaceWith(document.adoptNode(fresh));
}

function alertIn(form, message) {
  let box = form.querySelector('[data-form-alert]');
  if (!box) {
    box = document.createElement('p');
    box.setAttribute('role', 'alert');
    box.dataset.formAlert = '';
    box.className = 'comment-form__alert';
    form.append(box);
  }
  box.textContent = message;
}

async function send(form, submitter) {
  const body = new URLSearchParams(new FormData(form, submitter));
  const res = await fetch(form.action, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
      'x-csrf-token': body.get('_csrf') ?? '',
    },
    body,
  });
  const data = await res.json().catch(() => ({}));
  return { ok: res.ok, data };
}

document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  if (form.matches('[data-comment-form]')) {
    event.preventDefault();
    const { ok, data } = await send(form, event.submitter);
    if (!ok) return alertIn(form, data?.error?.message ?? form.dataset.failed ?? '');
    form.querySelector('textarea').value = '';
    form.querySelector('[data-form-alert]')?.remove();
    const item = data.html ? fragment(data.html) : null;
    if (!item) return;
    const parentId = new FormData(form).get('parentId');
    if (parentId) {
      const parent = document.getElementById(`comment-${parentId}`);
      const box = parent?.querySelector('.comment__replies');
      let list = box?.querySelector('.comment-list--replies');
      if (box && !list) {
        list = document.createElement('ol');
        list.className = 'comment-list comment-list--replies';
        box.prepend(list);
      }
      list?.append(document.adoptNode(item));
    } else {
      const thread = form.closest('#comments');
      let list = thread?.querySelector(':scope > .comment-list');
      if (thread && !list) {
        thread.querySelector('.comments__empty')?.remove();
        list = document.createElement('ol');
        list.className = 'comment-list';
        thread.querySelector('.comments__sorts')?.after(list);
      }
      list?.prepend(document.adoptNode(item));
    }
    item.querySelector('.comment__text')?.setAttribute('tabindex', '-1');
    return;
  }
  if (form.matches('[data-vote-form]')) {
    event.preventDefault();
    const { ok, data } = await send(form, event.submitter);
    if (!ok) return alertIn(form, data?.error?.message ?? '');
    form.querySelector('.comment__likes').textContent = String(data.likes);
    form.querySelector('.comment__dislikes').textContent = String(data.dislikes);
    for (const b of form.querySelectorAll('button[name="vote"]'))
      b.setAttribute('aria-pressed', String(b.value === data.mine));
    form.querySelector('[data-form-alert]')?.remove();
  }
});

function listen() {
  const thread = document.querySelector('[data-comments-live]');
  if (!thread || typeof EventSource === 'undefined') return;
  const source = new EventSource(thread.dataset.commentsLive);
  source.addEventListener('comment', (event) => {
    const { id } = JSON.parse(event.data);
    if (document.getElementById(`comment-${id}`)) return;
    const notice = document.querySelector('[data-live-notice]');
    if (notice) notice.hidden = false;
  });
}

swapInOwnThread()
  .catch(() => {})
  .finally(listen);
