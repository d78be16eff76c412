// Small islands of behaviour for server-rendered pages. No inline scripts anywhere: a strict CSP fits.
(function () {
  "use strict";
  var lang = document.documentElement.lang || "th";
  var texts = {
    th: { failed: "โหลดข้อมูลไม่สำเร็จ", network: "เชื่อมต่อเซิร์ฟเวอร์ไม่ได้ โปรดลองใหม่", uploading: "กำลังอัปโหลด", processing: "กำลังประมวลผลไฟล์…" },
    en: { failed: "Loading failed", network: "The server cannot be reached; please try again", uploading: "Uploading", processing: "Processing the file…" }
  }[lang === "en" ? "en" : "th"];

  function flash(message) {
    var box = document.getElementById("flash");
    if (!box) { return; }
    box.textContent = message;
    box.hidden = false;
  }

  function clearFlash() {
    var box = document.getElementById("flash");
    if (box) { box.hidden = true; box.textContent = ""; }
  }

  // A select with class autosubmit submits its form when changed (the year pickers).
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.classList && target.classList.contains("autosubmit") && target.form && !target.form.hasAttribute("hx-get")) {
      target.form.submit();
    }
  });

  // htmx: never a blank page — say what failed.
  document.addEventListener("htmx:beforeRequest", clearFlash);
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    flash(texts.failed + " (" + xhr.status + ")");
  });
  document.addEventListener("htmx:sendError", function () { flash(texts.network); });

  // Sortable tables: a button in each header cell sorts by the cells' data-sort (or text).
  function sortTable(table, column, button) {
    var th = button.closest("th");
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.querySelectorAll("thead th"), function (cell) { cell.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = th.classList.contains("num");
    rows.sort(function (a, b) {
      var x = key(a.cells[column]), y = key(b.cells[column]);
      var result;
      if (numeric) {
        var nx = parseFloat(x), ny = parseFloat(y);
        if (isNaN(nx) && isNaN(ny)) { result = 0; } else if (isNaN(nx)) { return 1; } else if (isNaN(ny)) { return -1; } else { result = nx - ny; }
      } else {
        result = x.localeCompare(y, lang === "en" ? "en" : "th");
      }
      return ascending ? result : -result;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function key(cell) {
    if (!cell) { return ""; }
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }

  function enableSorting(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll("table.sortable"), function (table) {
      if (table.dataset.sortReady) { return; }
      table.dataset.sortReady = "1";
      Array.prototype.forEach.call(table.querySelectorAll("thead th"), function (th, index) {
        var button = th.querySelector("button.sort");
        if (button) {
          button.addEventListener("click", function () { sortTable(table, index, button); });
        }
      });
    });
  }

  // Upload progress: htmx reports the bytes sent; the server then parses and loads the file.
  document.addEventListener("htmx:xhr:progress", function (event) {
    var form = event.target.closest ? event.target.closest("form") : null;
    if (!form) { return; }
    var bar = form.querySelector("progress");
    var label = form.querySelector(".progress-label");
    if (bar && event.detail.lengthComputable) {
      var percent = Math.round(event.detail.loaded / event.detail.total * 100);
      bar.value = percent;
      if (label) { label.textContent = percent < 100 ? texts.uploading + " " + percent + "%" : texts.processing; }
    }
  });

  document.addEventListener("DOMContentLoaded", function () { enableSorting(document); });
  document.addEventListener("htmx:afterSettle", function (event) { enableSorting(event.target); });
})();
