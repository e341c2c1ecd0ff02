// Category nav island: on narrow screens the nav scrolls sideways; bring the current category into
// view and mark which edges hide more items (the CSS fades those edges). Without it the nav still
// scrolls, it just starts at "홈".
const list = document.querySelector('.category-nav ul');

function markOverflow() {
  const more = list.scrollWidth - list.clientWidth;
  list.classList.toggle('category-nav__list--more-end', more > 1 && list.scrollLeft < more - 1);
  list.classList.toggle('category-nav__list--more-start', more > 1 && list.scrollLeft > 1);
}

if (list) {
  const current = list.querySelector('a[aria-current="page"]');
  if (current && list.scrollWidth > list.clientWidth) {
    const item = current.parentElement;
    list.scrollLeft = item.offsetLeft - (list.clientWidth - item.offsetWidth) / 2;
  }
  markOverflow();
  list.addEventListener('scroll', markOverflow, { passive: true });
  window.addEventListener('resize', markOverflow, { passive: true });
}
