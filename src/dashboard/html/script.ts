/**
 * The only script the dashboard may carry: present only when the caller gives `actions`. It
 * POSTs a recycle request for one invoice (URL template and Bearer token read from the `<main>`
 * element's data attributes, so no value is ever written into script text) and updates the
 * reject rows of that invoice with `textContent` (never markup).
 *
 * Expected answer of the recycle endpoint: 2xx with JSON `{ "numero": <new invoice number> }`
 * (other fields ignored); any other status shows a failure and keeps the button.
 */
export const RECYCLE_SCRIPT = `(function () {
  var main = document.querySelector('main');
  if (!main) return;
  var template = main.getAttribute('data-recycle-url') || '';
  var token = main.getAttribute('data-token') || '';
  function rowsOf(id) {
    return Array.prototype.filter.call(document.querySelectorAll('tr[data-invoice]'), function (tr) { return tr.getAttribute('data-invoice') === id; });
  }
  function say(id, text) {
    rowsOf(id).forEach(function (tr) { var s = tr.querySelector('[data-status]'); if (s) s.textContent = text; });
  }
  Array.prototype.forEach.call(document.querySelectorAll('button[data-recycle]'), function (button) {
    button.addEventListener('click', function () {
      var id = button.getAttribute('data-recycle') || '';
      var headers = { Accept: 'application/json' };
      if (token) headers.Authorization = 'Bearer ' + token;
      button.disabled = true;
      say(id, 'Recyclage en cours…');
      fetch(template.split('{id}').join(encodeURIComponent(id)), { method: 'POST', headers: headers, credentials: 'same-origin' })
        .then(function (r) { return r.json().catch(function () { return {}; }).then(function (j) { return { ok: r.ok, status: r.status, body: j || {} }; }); })
        .then(function (x) {
          if (!x.ok) { button.disabled = false; say(id, 'Échec du recyclage (HTTP ' + x.status + ')'); return; }
          var numero = typeof x.body.numero === 'number' ? ' : nouvelle facture n° ' + x.body.numero : '';
          rowsOf(id).forEach(function (tr) {
            tr.setAttribute('data-state', 'recyclee');
            var b = tr.querySelector('button[data-recycle]');
            if (b) b.remove();
          });
          say(id, 'Recyclée' + numero);
          var s = rowsOf(id)[0] && rowsOf(id)[0].querySelector('[data-status]');
          if (s) s.focus();
        })
        .catch(function () { button.disabled = false; say(id, 'Échec du recyclage (réseau)'); });
    });
  });
})();`;
