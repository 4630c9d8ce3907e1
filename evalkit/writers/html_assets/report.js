// evalkit HTML report: notes on hover and keyboard focus, linked highlights, keyboard moves, sortable table.
// Reads only data-* attributes the writer put there and writes only textContent: no HTML is ever parsed.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");

  // ---- the note (tooltip) of any element with data-tip-title, and of missing words ----
  var tip = document.createElement("div");
  tip.id = "tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  var tipTitle = document.createElement("strong");
  var tipBody = document.createElement("span");
  tip.appendChild(tipTitle);
  tip.appendChild(tipBody);
  document.body.appendChild(tip);
  var shownFor = null;
  var lit = [];

  function light(element) {
    lit.forEach(function (node) { node.classList.remove("hl", "hl-peer"); });
    lit = [];
    var id = element && element.getAttribute("data-fid");
    if (!id) { return; }
    document.querySelectorAll('[data-fid="' + CSS.escape(id) + '"]').forEach(function (node) {
      node.classList.add(node === element ? "hl" : "hl-peer");
      lit.push(node);
    });
  }

  function show(element) {
    if (shownFor === element) { return; }
    shownFor = element;
    if (element.classList.contains("uw")) {
      tipTitle.textContent = "Not supported by the original";
      tipBody.textContent = "No close match for \u201c" + element.textContent + "\u201d in the aligned part of the original.";
    } else if (element.classList.contains("mw")) {
      tipTitle.textContent = "Not found in the rewrite";
      tipBody.textContent = "No close match for \u201c" + element.textContent + "\u201d in the aligned part of the rewrite.";
    } else {
      var note = element.getAttribute("data-tip");
      if (note === null) {  // a finding: its note is the message cell of its row in the findings table
        var cell = document.getElementById(element.getAttribute("data-fid") + "-msg");
        note = cell ? cell.textContent : "";
      }
      tipTitle.textContent = element.getAttribute("data-tip-title") || "";
      tipBody.textContent = note;
    }
    tipTitle.hidden = !tipTitle.textContent;
    tip.hidden = false;
    var rects = element.getClientRects();
    var box = rects.length ? rects[0] : element.getBoundingClientRect();
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    var left = Math.min(Math.max(8, box.left), window.innerWidth - width - 8);
    var top = box.bottom + 8;
    if (top + height > window.innerHeight - 8 && box.top - height - 8 > 0) { top = box.top - height - 8; }
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (top + window.scrollY) + "px";
    light(element);
  }

  function hide() {
    shownFor = null;
    tip.hidden = true;
    light(null);
  }

  document.addEventListener("mouseover", function (event) {
    var target = event.target.closest ? event.target.closest("[data-tip-title], .mw") : null;
    if (target) { show(target); }
    else if (!(document.activeElement && document.activeElement.hasAttribute("data-tip-title"))) { hide(); }
    else if (shownFor !== document.activeElement) { show(document.activeElement); }
  });
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target.hasAttribute && target.hasAttribute("data-tip-title")) { show(target); } else { hide(); }
  });
  document.addEventListener("focusout", function (event) {
    if (event.target === shownFor) { hide(); }
  });
  window.addEventListener("resize", hide);

  // ---- keyboard: n / p move through the marks, Esc hides the note ----
  function marks() { return Array.prototype.slice.call(document.querySelectorAll(".m[tabindex], .hard-flag")); }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hide(); return; }
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var active = document.activeElement;
    if (active && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)) { return; }
    if (event.key !== "n" && event.key !== "p") { return; }
    var list = marks();
    if (!list.length) { return; }
    var index = list.indexOf(active);
    if (index < 0) {
      index = event.key === "n" ? -1 : list.length;
      for (var i = 0; i < list.length; i += 1) {
        if (active && active.compareDocumentPosition(list[i]) & Node.DOCUMENT_POSITION_FOLLOWING) {
          index = event.key === "n" ? i - 1 : i;
          break;
        }
      }
    }
    var next = list[(index + (event.key === "n" ? 1 : -1) + list.length) % list.length];
    next.focus();
    next.scrollIntoView({ block: "center" });
    event.preventDefault();
  });

  // ---- in-page links move keyboard focus to what they point at ----
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
    if (!link) { return; }
    var target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (target && (target.hasAttribute("tabindex") || /^(A|BUTTON|INPUT)$/.test(target.tagName))) {
      window.setTimeout(function () { target.focus(); }, 0);
    }
  });

  // ---- sortable tables: buttons in the header cells ----
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var body = table.tBodies[0];
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (header, column) {
      var button = header.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var descending = header.getAttribute("aria-sort") === "ascending";
        var numeric = header.getAttribute("data-type") === "number";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute("data-v");
          var y = b.cells[column].getAttribute("data-v");
          var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
          if (descending) { order = -order; }
          if (order === 0) { order = parseFloat(a.getAttribute("data-rank")) - parseFloat(b.getAttribute("data-rank")); }
          return order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var status = table.querySelector("caption .sort-status");
        if (status) { status.textContent = "sorted by " + button.textContent + (descending ? ", descending" : ", ascending"); }
      });
    });
  });
})();
