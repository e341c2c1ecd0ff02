// Comment thread island (src/comments): on the article page, swaps the shared thread for the
// reader's own (forms, their pending comments); posts comments, replies and votes without a
// reload; puts comments others post while the page is open in place (server-sent events). Without
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

/** Puts a rendered comment in its place (a reply under its parent, a comment first); false when it has none here. */
function place(item, thread) {
  if (!thread) return false;
  if (document.getElementById(item.id)) return true;
  const parentId = item.dataset.parentId;
  if (parentId) {
    const box = document.getElementById(`comment-${parentId}`)?.querySelector('.comment__replies');
    if (!box) return false;
    let list = box.querySelector('.comment-list--replies');
    if (!list) {
      list = document.createElement('ol');
      list.className = 'comment-list comment-list--replies';
      box.prepend(list);
    }
    list.append(document.adoptNode(item));
    return true;
  }
  let list = thread.querySelector(':scope > .comment-list');
  if (!list) {
    thread.querySelector('.comments__empty')?.remove();
    list = document.createElement('ol');
    list.className = 'comment-list';
    thread.querySelector('.comments__live')?.after(list);
  }
  list.prepend(document.adoptNode(item));
  return true;
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
    place(item, form.closest('#comments'));
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

function showLiveNotice() {
  const notice = document.querySelector('[data-live-notice]');
  if (notice) notice.hidden = false;
}

// Others' new comments appear in place, marked new, and are counted in a polite live region; one
// the page cannot place (a reply to a comment on another page) or missed changes show the notice.
function listen() {
  const thread = document.querySelector('[data-comments-live]');
  if (!thread || typeof EventSource === 'undefined') return;
  const source = new EventSource(thread.dataset.commentsLive);
  let arrived = 0;
  source.addEventListener('comment', async (event) => {
    const { id } = JSON.parse(event.data);
    if (document.getElementById(`comment-${id}`)) return;
    const res = await fetch(`/comments/${id}/fragment`, {
      credentials: 'same-origin',
      headers: { accept: 'text/html' },
    });
    if (!res.ok) return;
    const item = fragment(await res.text());
    const live = document.querySelector('#comments');
    if (!item || !live || document.getElementById(item.id)) return;
    item.classList.add('comment--new');
    if (!place(item, live)) return showLiveNotice();
    arrived++;
    const count = live.querySelector('#comments-title .comment-count__number');
    if (count && /^\d+$/.test(count.textContent)) count.textContent = String(Number(count.textContent) + 1);
    const status = live.querySelector('[data-live-count]');
    if (status) status.textContent = (status.dataset.template ?? '').replace('{n}', String(arrived));
  });
  source.addEventListener('missed', showLiveNotice);
}

swapInOwnThread()
  .catch(() => {})
  .finally(listen);
