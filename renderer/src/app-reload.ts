/**
 * After any lock, reload the page instead of clearing state by hand: the reload drops every
 * React state, form value, cached reply and closure that could still hold record contents, so
 * nothing of the unlocked session stays in the renderer's memory. The next `app.status` answers
 * `locked` and the unlock screen appears.
 */
export function reloadAfterLock(): void {
  window.location.reload();
}
