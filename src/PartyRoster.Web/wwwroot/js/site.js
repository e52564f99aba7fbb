// Confirmation for buttons that change something important: <button data-confirm="...">.
document.addEventListener('submit', function (e) {
    var btn = e.submitter;
    if (btn && btn.dataset.confirm && !window.confirm(btn.dataset.confirm)) { e.preventDefault(); }
});
// Print buttons: <button type="button" data-print>.
document.addEventListener('click', function (e) {
    if (e.target.closest('[data-print]')) { window.print(); }
});
