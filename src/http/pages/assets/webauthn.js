// Security keys: the form carries the options the server made; the browser asks the key, and the
// form posts the key's answer. @simplewebauthn/browser (served from our own assets) does the
// encoding. Without script, the page says that security keys need it.
(() => {
  const form = document.querySelector('form[data-webauthn]');
  const library = window.SimpleWebAuthnBrowser;
  if (!form || !library) return;
  const failed = document.querySelector('[data-webauthn-failed]');
  const answer = form.querySelector('input[name="answer"]');
  form.hidden = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (failed) failed.hidden = true;
    const optionsJSON = JSON.parse(form.dataset.options);
    try {
      const result =
        form.dataset.webauthn === 'register'
          ? await library.startRegistration({ optionsJSON })
          : await library.startAuthentication({ optionsJSON });
      answer.value = JSON.stringify(result);
      form.submit();
    } catch {
      // Cancelled, timed out, or a key this account does not know: the same options work again.
      if (failed) failed.hidden = false;
    }
  });
})();
