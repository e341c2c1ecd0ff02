// Article page island: copy-link (with a spoken confirmation toast), text size (remembered in
// localStorage) and the not-yet-available subscribe button. Without JavaScript the buttons stay
// hidden and the page reads the same.
const toast = document.querySelector('[data-toast]');
let toastTimer = 0;

function showToast(message) {
  if (!toast) return;
  // Emptying first makes screen readers announce a repeated message again.
  toast.textContent = '';
  toast.classList.add('toast--visible');
  requestAnimationFrame(() => {
    toast.textContent = message;
  });
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => toast.classList.remove('toast--visible'), 3500);
}

function copyWithSelection(text) {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused or unavailable: fall back to a selection copy.
    }
  }
  return copyWithSelection(text);
}

for (const button of document.querySelectorAll('[data-copy-link]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const copied = await copyText(button.dataset.copyLink);
    button.focus();
    showToast(copied ? toast?.dataset.copiedMessage : toast?.dataset.copyFailedMessage);
  });
}

const FONT_KEY = 'sosik:font-size';
const FONT_MIN = 1;
const FONT_MAX = 5;
const FONT_DEFAULT = 3;
const target = document.querySelector('[data-font-size-target]');

function readFontSize() {
  try {
    const stored = Number(localStorage.getItem(FONT_KEY));
    return Number.isInteger(stored) && stored >= FONT_MIN && stored <= FONT_MAX ? stored : FONT_DEFAULT;
  } catch {
    return FONT_DEFAULT;
  }
}

function applyFontSize(size) {
  if (!target) return;
  for (let i = FONT_MIN; i <= FONT_MAX; i++) target.classList.toggle(`font-size-${i}`, i === size);
  for (const b of document.querySelectorAll('[data-font-step]')) {
    const step = Number(b.dataset.fontStep);
    const limit = step < 0 ? size <= FONT_MIN : size >= FONT_MAX;
    b.setAttribute('aria-disabled', String(limit));
  }
}

const fontControl = document.querySelector('[data-font-size-control]');
if (target && fontControl) {
  let size = readFontSize();
  applyFontSize(size);
  fontControl.hidden = false;
  fontControl.addEventListener('click', (event) => {
    const button = event.target.closest('[data-font-step]');
    if (!button) return;
    const next = Math.min(FONT_MAX, Math.max(FONT_MIN, size + Number(button.dataset.fontStep)));
    if (next === size) return;
    size = next;
    applyFontSize(size);
    try {
      localStorage.setItem(FONT_KEY, String(size));
    } catch {
      // Private mode: the size holds for this page only.
    }
  });
}
