// Progress of a member import (Pages/Members/Import/Progress): polls the status handler once a second,
// moves the progress bar and the text, and reloads the page when the import has ended, so the outcome and
// its links are rendered by the server.
(function () {
    var box = document.getElementById('import-status');
    if (!box || box.dataset.finished === 'true') { return; }
    var bar = document.getElementById('import-progress');
    var text = document.getElementById('import-text');
    var url = box.dataset.statusUrl;

    function poll() {
        fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
            .then(function (response) {
                if (!response.ok) { throw new Error('HTTP ' + response.status); }
                return response.json();
            })
            .then(function (status) {
                if (status.finished) { window.location.reload(); return; }
                bar.value = status.percent;
                bar.textContent = status.percent + '%';
                text.textContent = status.text;
                window.setTimeout(poll, 1000);
            })
            .catch(function () {
                // A dropped connection: try again a little later rather than give up.
                window.setTimeout(poll, 3000);
            });
    }

    window.setTimeout(poll, 500);
})();
