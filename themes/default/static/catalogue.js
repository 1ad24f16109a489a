// The catalogue's combined filters, as progressive enhancement: without JavaScript the filter
// links (one static page per category, audience, place, weekday, and for free places, no
// referral and online) do the job. With it, the form shows,
// the cards are filtered in place, and the choice is kept in the address (?kategori=…&sted=…)
// so it can be shared and bookmarked.
(function () {
  const form = document.querySelector('[data-catalogue-filter]');
  if (!form) return;
  const cards = Array.from(document.querySelectorAll('.course-card')).map((card) => ({
    card,
    item: card.closest('li') || card,
  }));
  // Selects (one value each) and check boxes (on or off), by the name they have in the address.
  const fields = ['kategori', 'for', 'sted', 'ugedag'].filter((name) => form.elements[name]);
  const checks = { pladser: 'ja', henvisning: 'nej', online: 'ja' };
  const checkNames = Object.keys(checks).filter((name) => form.elements[name]);
  const result = form.querySelector('.filter-result');

  function current() {
    const choice = {};
    for (const name of fields) choice[name] = form.elements[name].value;
    for (const name of checkNames) choice[name] = form.elements[name].checked ? checks[name] : '';
    return choice;
  }

  function matches(card, choice) {
    const d = card.dataset;
    return (!choice.kategori || d.kategori === choice.kategori)
      && (!choice.for || d.for.split(' ').includes(choice.for))
      && (!choice.sted || d.sted === choice.sted)
      && (!choice.ugedag || d.ugedag.split(' ').includes(choice.ugedag))
      && (!choice.pladser || d.pladser === 'ja')
      && (!choice.henvisning || d.henvisning === 'nej')
      && (!choice.online || d.form !== 'onsite');
  }

  function apply(updateAddress) {
    const choice = current();
    let shown = 0;
    for (const { card, item } of cards) {
      const show = matches(card, choice);
      item.hidden = !show;
      if (show) shown += 1;
    }
    result.textContent = result.dataset.countTemplate
      .replace('{n}', String(shown))
      .replace('{total}', String(cards.length));
    if (updateAddress) {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(choice)) if (value) params.set(name, value);
      const query = params.toString();
      history.replaceState(null, '', query ? `?${query}` : location.pathname);
    }
  }

  const params = new URLSearchParams(location.search);
  for (const name of fields) {
    const value = params.get(name);
    const select = form.elements[name];
    if (value && Array.from(select.options).some((o) => o.value === value)) select.value = value;
  }
  for (const name of checkNames) form.elements[name].checked = params.get(name) === checks[name];
  form.hidden = false;
  form.addEventListener('change', () => apply(true));
  form.addEventListener('submit', (event) => event.preventDefault());
  apply(false);
})();
