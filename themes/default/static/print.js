// Shows the "Print" buttons of exercise sheets and printable manuals and makes them print.
// Without JavaScript the buttons stay hidden and a hint says how to print from the browser.
document.querySelectorAll('[data-print]').forEach((button) => {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
});
