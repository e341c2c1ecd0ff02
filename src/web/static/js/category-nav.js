// Category nav island: on narrow screens the nav scrolls sideways; bring the current category into
// view and mark which edges hide more items (the CSS fades those edges and shows a "›" at the end).
// Without it the nav still scrolls, it just starts at "홈".
const list = document.querySelector('.category-nav ul');

function markOverflow() {
  const more = list.scrollWidth - list.clientWidth;
  const moreEnd = more > 1 && list.scrollLeft < more - 1;
  list.classList.toggle('category-nav__list--more-end', moreEnd);
  // The nav (not the scrolling list) carries the "›" sign, so it stays put while the list moves.
  list.closest('.category-nav')?.classList.toggle('category-nav--more-end', moreEnd);
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
