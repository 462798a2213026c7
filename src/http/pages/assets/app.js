// Progressive enhancement only: every page works without this file.
// The server writes times in UTC because it cannot know the reader's time zone; the browser can.
(() => {
  const lang = document.documentElement.lang || undefined;
  const formats = {
    datetime: {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    },
    date: { dateStyle: 'medium' },
  };
  for (const element of document.querySelectorAll('time[data-local][datetime]')) {
    const options = formats[element.dataset.local];
    const at = new Date(element.getAttribute('datetime'));
    if (!options || Number.isNaN(at.getTime())) continue;
    element.textContent = new Intl.DateTimeFormat(lang, options).format(at);
  }
})();

// Recovery codes: copy and print exist only where the browser can do them, so the buttons start
// hidden and are shown here. Download needs no script (a data: link).
(() => {
  for (const button of document.querySelectorAll('button[data-copy]')) {
    if (!navigator.clipboard) continue;
    button.hidden = false;
    const label = button.textContent;
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(button.dataset.copy);
      button.textContent = button.dataset.copied || label;
      setTimeout(() => {
        button.textContent = label;
      }, 2000);
    });
  }
  for (const button of document.querySelectorAll('button[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
})();

// "You can send a new code in N seconds": the server wrote N when the page was made; count it
// down here, and drop the sentence when the wait is over.
(() => {
  for (const element of document.querySelectorAll('[data-countdown][data-countdown-text]')) {
    let left = Number(element.dataset.countdown);
    const tick = () => {
      left -= 1;
      if (left <= 0) {
        element.remove();
        return;
      }
      element.textContent = element.dataset.countdownText.replace('{seconds}', String(left));
      setTimeout(tick, 1000);
    };
    if (left > 0) setTimeout(tick, 1000);
  }
})();
