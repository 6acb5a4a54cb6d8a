// The console's only script. Every change is a POST form; this sends it with the session's CSRF token
// in the X-CSRF-Token header, which the server requires of every change (a form posted from another
// site cannot set it), asks first when the form says data-confirm, and shows the answer.
document.addEventListener('submit', async (event) => {
  const form = event.target;
  const token = document.querySelector('meta[name="csrf-token"]');
  if (form.method.toLowerCase() !== 'post' || !token) {
    return; // the sign-in form posts itself: it carries its own token
  }
  event.preventDefault();
  if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    return;
  }
  const response = await fetch(form.action, {
    method: 'POST',
    headers: {'X-CSRF-Token': token.content, 'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams(new FormData(form)),
    credentials: 'same-origin',
  });
  if (response.redirected) {
    window.location.assign(response.url);
    return;
  }
  const html = await response.text();
  document.open();
  document.write(html);
  document.close();
});
