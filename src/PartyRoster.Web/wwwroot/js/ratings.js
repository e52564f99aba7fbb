// The annual rating form (/Ratings/Record): shows each member's level as the score is typed and keeps the
// distribution and the quota warning current. The bands and quota come from the form's data attributes
// (the server's rule set); the server checks everything again when the form is saved.
(function () {
    var form = document.getElementById('form-ratings');
    if (!form) { return; }
    var max = Number(form.dataset.max);
    var bands = { excellent: Number(form.dataset.excellent), good: Number(form.dataset.good), completed: Number(form.dataset.completed) };
    var names = JSON.parse(form.dataset.names);
    var levels = ['Excellent', 'Good', 'Completed', 'NotCompleted'];
    var numbers = new Intl.NumberFormat('vi-VN');
    var percents = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
    var outstanding = document.getElementById('outstanding');

    function levelOfScore(text) {
        if (!/^\s*\d{1,3}\s*$/.test(text)) { return null; }
        var score = Number(text);
        if (score > max) { return null; }
        if (score >= bands.excellent) { return 'Excellent'; }
        if (score >= bands.good) { return 'Good'; }
        if (score >= bands.completed) { return 'Completed'; }
        return 'NotCompleted';
    }

    // A chosen level counts only when it is below the score's level (the server refuses raising it).
    function levelOfRow(row) {
        var byScore = levelOfScore(row.querySelector('.rating-score').value);
        var lowered = row.querySelector('.rating-lowered').value;
        if (byScore && lowered && levels.indexOf(lowered) > levels.indexOf(byScore)) { return lowered; }
        return byScore;
    }

    function update() {
        var counts = { Excellent: 0, Good: 0, Completed: 0, NotCompleted: 0 };
        var total = 0;
        form.querySelectorAll('.rating-row').forEach(function (row) {
            var level = levelOfRow(row);
            var badge = row.querySelector('.rating-level');
            badge.className = 'badge rating-badge rating-level' + (level ? ' rating-' + level.toLowerCase() : '');
            badge.textContent = level ? names[level] : '—';
            if (level) { counts[level]++; total++; }
        });
        levels.forEach(function (level) {
            document.getElementById('dist-count-' + level).textContent = numbers.format(counts[level]);
            document.getElementById('dist-pct-' + level).textContent =
                (total === 0 ? '0' : percents.format(100 * counts[level] / total)) + '%';
        });
        document.getElementById('dist-total').textContent = numbers.format(total);

        var percent = Number(outstanding && outstanding.checked ? form.dataset.quotaOutstanding : form.dataset.quota);
        var allowed = Math.floor(percent * counts.Good / 100);
        var warning = document.getElementById('quota-live');
        if (counts.Excellent > allowed) {
            warning.textContent = 'Vượt tỷ lệ: ' + numbers.format(counts.Excellent) + ' đảng viên xuất sắc, tối đa '
                + numbers.format(allowed) + ' (' + percent + '% của ' + numbers.format(counts.Good)
                + ' đảng viên hoàn thành tốt nhiệm vụ). Vẫn lưu được; cấp ủy cấp trên xem xét, quyết định.';
            warning.classList.remove('d-none');
        } else {
            warning.classList.add('d-none');
        }
    }

    form.addEventListener('input', update);
    form.addEventListener('change', update);
    update();
})();
