// Photo lightbox island: a photo link opens the full-size image in a modal <dialog> (Esc and the
// close button shut it; focus goes back to the photo that opened it). Without JavaScript, or with
// a modified click (new tab), the link simply opens the image.
const dialog = document.querySelector('dialog.lightbox');

if (dialog && typeof dialog.showModal === 'function') {
  const image = dialog.querySelector('.lightbox__image');
  const caption = dialog.querySelector('.lightbox__caption');
  let opener = null;

  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-lightbox]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const thumb = link.querySelector('img');
    image.src = link.href;
    image.alt = thumb ? thumb.alt : '';
    const figcaption = link.closest('figure')?.querySelector('figcaption');
    caption.replaceChildren(...(figcaption ? [...figcaption.cloneNode(true).childNodes] : []));
    caption.hidden = !figcaption;
    opener = link;
    dialog.showModal();
  });

  dialog.querySelector('[data-lightbox-close]')?.addEventListener('click', () => dialog.close());
  // A click on the backdrop (the dialog box itself, outside the figure) closes too.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => {
    image.removeAttribute('src');
    opener?.focus();
    opener = null;
  });
}
