/**
 * Moves focus to the element with this id as soon as it is in the page (trying for about a second): for
 * something that appears after the control that was pressed has gone, such as a form opened in its place or a
 * new item on the timeline. Without it, focus falls back to the page body and a keyboard user starts again
 * from the top.
 */
export function focusWhenShown(id: string, framesLeft = 60): void {
  const el = document.getElementById(id);
  if (el) {
    el.focus({ preventScroll: false });
    return;
  }
  if (framesLeft > 0) requestAnimationFrame(() => focusWhenShown(id, framesLeft - 1));
}
