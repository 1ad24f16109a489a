// The editor's one script: the preview under the text area follows the text as it is typed.
// Without it the form works the same, with the "Vis forhåndsvisning" button; with it the text
// is sent (with the form's token, never written) a moment after typing stops, and the section
// shows what the Markdown stage makes of it.
(() => {
  const body = document.querySelector('textarea[data-preview]');
  const region = document.getElementById('forhaandsvisning');
  const shown = region?.querySelector('.rendered');
  if (!body || !shown) return;
  const token = body.form.elements.namedItem('token').value;
  let timer;
  let asked = 0;
  const update = async () => {
    const mine = ++asked;
    const response = await fetch(body.dataset.preview, {
      method: 'POST',
      body: new URLSearchParams({ token, body: body.value }),
    }).catch(() => null);
    // Only the answer to the latest text is shown.
    if (!response?.ok || mine !== asked) return;
    shown.innerHTML = await response.text();
    region.hidden = false;
  };
  body.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 300);
  });
})();
