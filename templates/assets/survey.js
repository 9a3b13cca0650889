// Progressive enhancement of the questionnaire: it works without this file.
// Marks the submission as made with JavaScript, keeps the answered counts up to
// date, autosaves a few seconds after each change, and reports the seconds the
// page was visible and in use (counted only while visible and touched within
// the last two minutes), as a delta the server adds up across page loads, and
// on submission as the total since this page was loaded.
(function () {
  var form = document.getElementById('survey');
  if (!form || !window.fetch || !window.URLSearchParams) return;
  document.getElementById('js').value = '1';
  var problems = document.getElementById('loi');
  if (problems) problems.focus();
  var status = document.getElementById('status');
  var timer = null;
  var busy = false;
  var pending = false;
  var activeInput = document.getElementById('active');
  var spentInput = document.getElementById('spent');
  var active = 0;
  var spent = 0;
  var lastUse = Date.now();
  ['input', 'change', 'keydown', 'pointerdown', 'scroll', 'focusin'].forEach(function (e) {
    document.addEventListener(e, function () { lastUse = Date.now(); }, { passive: true, capture: true });
  });
  setInterval(function () {
    if (document.visibilityState === 'visible' && Date.now() - lastUse < 120000) { active += 1; spent += 1; }
    if (activeInput) activeInput.value = String(active);
    if (spentInput) spentInput.value = String(spent);
  }, 1000);

  function counts() {
    var total = 0;
    form.querySelectorAll('section[data-s]').forEach(function (s) {
      var names = {};
      s.querySelectorAll('input[type=radio]').forEach(function (r) { names[r.name] = names[r.name] || r.checked; });
      var keys = Object.keys(names);
      var done = keys.filter(function (k) { return names[k]; }).length;
      total += done;
      var label = document.querySelector('.progress span[data-s="' + s.getAttribute('data-s') + '"]');
      if (label) { label.textContent = done + '/' + keys.length; label.className = done === keys.length ? 'done' : ''; }
    });
    var count = document.querySelector('#count b');
    if (count) count.textContent = String(total);
  }

  function save() {
    if (busy) { pending = true; return; }
    busy = true;
    var data = new URLSearchParams(new FormData(form));
    data.set('action', 'autosave');
    var reported = active;
    data.set('active', String(reported));
    fetch(form.getAttribute('action'), { method: 'POST', body: data, credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (res) {
        if (res.ok) {
          active -= reported;
          if (activeInput) activeInput.value = String(active);
          var now = new Date();
          status.textContent = 'Đã tự động lưu lúc ' + now.getHours() + ':' + String(now.getMinutes()).padStart(2, '0');
        } else if (res.status === 410 || res.status === 404) {
          window.location.reload();
        } else {
          status.textContent = 'Chưa lưu được; hãy bấm "Lưu để trả lời tiếp sau".';
        }
      })
      .catch(function () { status.textContent = 'Mất kết nối; câu trả lời sẽ được lưu khi có mạng lại.'; pending = true; })
      .finally(function () { busy = false; if (pending) { pending = false; timer = setTimeout(save, 3000); } });
  }

  form.addEventListener('change', function () {
    counts();
    status.textContent = 'Đang chờ lưu…';
    clearTimeout(timer);
    timer = setTimeout(save, 1200);
  });
  form.addEventListener('submit', function () { clearTimeout(timer); });
})();
