// Whole-cell dues form: keep the total of the ticked rows up to date while the secretary edits.
(function () {
    var list = document.querySelector('[data-dues-collect]');
    if (!list) { return; }
    var total = document.getElementById('collect-total');
    var count = document.getElementById('collect-count');
    function amount(text) {
        var digits = (text || '').replace(/[^0-9]/g, '');
        return digits ? parseInt(digits, 10) : 0;
    }
    function update() {
        var sum = 0, n = 0;
        list.querySelectorAll('li').forEach(function (li) {
            var box = li.querySelector('input[type=checkbox]');
            var field = li.querySelector('input[inputmode=numeric]');
            if (box && box.checked) { n++; sum += amount(field && field.value); }
        });
        total.textContent = sum.toLocaleString('vi-VN');
        count.textContent = n;
    }
    list.addEventListener('input', update);
    list.addEventListener('change', update);
})();
