// The alignment review editor (web/review.py): the beads of an alignment, edited in place.
// Every change (merge, split, move a sentence to the neighbouring bead, approve, reject) is
// saved at once (POST of the beads as JSON); downloads and "add to the termbase" wait for the
// last save. Keyboard: j/k or arrows to move, a approve, r reject, m merge with the next bead,
// s split, [ ] move the first French sentence up / the last one down, { } the same in English,
// f show only the pairs to check (low-confidence, or one side empty).
(function () {
  "use strict";
  var root, data, labels, tbody, current = 0, saving = Promise.resolve(), queued = false;
  var changes = 0; // changes made so far; the status says "Saved." only once all are saved

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function button(action, label, index, side) {
    var b = el("button", {type: "button", "class": "secondary small", "data-action": action,
                          "data-index": String(index), title: label, "aria-label": label}, label);
    if (side) { b.setAttribute("data-side", side); }
    return b;
  }

  function sideCell(bead, index, side) {
    var cell = el("td", {lang: side, "class": "side"});
    var list = el("ol", {"class": "sentences"});
    bead[side].forEach(function (i) {
      var item = el("li", {value: String(i + 1)}, data[side][i]);
      list.appendChild(item);
    });
    cell.appendChild(list);
    var moves = el("div", {"class": "moves"});
    if (bead[side].length && index > 0) {
      moves.appendChild(button("up", labels.up, index, side));
    }
    if (bead[side].length && index < data.beads.length - 1) {
      moves.appendChild(button("down", labels.down, index, side));
    }
    cell.appendChild(moves);
    return cell;
  }

  function render() {
    tbody.textContent = "";
    data.beads.forEach(function (bead, index) {
      var row = el("tr", {id: "bead-" + (index + 1), tabindex: "-1", "data-index": String(index),
                          "class": "status-" + bead.status + (bead.low ? " low" : "") +
                                   (index === current ? " current" : "")});
      row.appendChild(el("td", {"class": "n"}, String(index + 1)));
      (data.source === "en" ? ["en", "fr"] : ["fr", "en"]).forEach(function (side) {
        row.appendChild(sideCell(bead, index, side)); // the original first
      });
      var score = bead.score === null ? labels.edited : bead.score.toFixed(2);
      var scoreCell = el("td", {"class": "num"}, score);
      if (bead.low) { scoreCell.appendChild(el("span", {"class": "tag status"}, labels.low)); }
      row.appendChild(scoreCell);
      var cell = el("td", {"class": "bead-actions"}), actions = el("div", {"class": "buttons"});
      cell.appendChild(actions);
      var approve = button("approve", labels.approve, index);
      approve.setAttribute("aria-pressed", String(bead.status === "approved"));
      var reject = button("reject", labels.reject, index);
      reject.setAttribute("aria-pressed", String(bead.status === "rejected"));
      actions.appendChild(approve);
      actions.appendChild(reject);
      if (index < data.beads.length - 1) { actions.appendChild(button("merge", labels.merge, index)); }
      if (Math.max(bead.fr.length, bead.en.length) > 1) {
        actions.appendChild(button("split", labels.split, index));
      }
      actions.appendChild(el("span", {"class": "state"}, labels["state_" + bead.status]));
      row.appendChild(cell);
      tbody.appendChild(row);
    });
    filter();
    counts();
  }

  function counts() {
    var c = {approved: 0, rejected: 0, pending: 0};
    data.beads.forEach(function (b) { c[b.status] += 1; });
    var node = document.getElementById("review-counts");
    node.textContent = labels.approved + " " + c.approved + " · " + labels.rejected + " " +
      c.rejected + " · " + labels.pending + " " + c.pending;
  }

  // A pair to check: a low-confidence one, or a sentence with nothing on the other side (an
  // omission in the translation, or a sentence the aligner could not place).
  function toCheck(bead) { return bead.low || !bead.fr.length || !bead.en.length; }

  function filter() {
    var only = document.getElementById("filter-low").checked;
    Array.prototype.forEach.call(tbody.rows, function (row, index) {
      row.hidden = only && !toCheck(data.beads[index]);
    });
  }

  function edited(bead) { bead.score = null; bead.low = false; bead.status = "pending"; return bead; }

  function tidy() { // drop beads left without any sentence
    data.beads = data.beads.filter(function (b) { return b.fr.length || b.en.length; });
  }

  var actions = {
    approve: function (i) { var b = data.beads[i]; b.status = b.status === "approved" ? "pending" : "approved"; },
    reject: function (i) { var b = data.beads[i]; b.status = b.status === "rejected" ? "pending" : "rejected"; },
    merge: function (i) {
      if (i >= data.beads.length - 1) { return false; }
      var a = data.beads[i], b = data.beads[i + 1];
      data.beads.splice(i, 2, edited({fr: a.fr.concat(b.fr), en: a.en.concat(b.en)}));
    },
    split: function (i) {
      var b = data.beads[i], n = Math.max(b.fr.length, b.en.length), parts = [];
      if (n < 2) { return false; }
      for (var k = 0; k < n; k += 1) {
        parts.push(edited({fr: b.fr.slice(k, k + 1), en: b.en.slice(k, k + 1)}));
      }
      data.beads.splice.apply(data.beads, [i, 1].concat(parts));
    },
    up: function (i, side) { // the first sentence of this side joins the previous bead
      if (i === 0 || !data.beads[i][side].length) { return false; }
      data.beads[i - 1][side].push(data.beads[i][side].shift());
      edited(data.beads[i - 1]); edited(data.beads[i]);
      var emptied = !data.beads[i].fr.length && !data.beads[i].en.length;
      tidy();
      return emptied ? i - 1 : i; // the pair that took the sentence when this one is gone
    },
    down: function (i, side) { // the last sentence of this side joins the next bead
      if (i >= data.beads.length - 1 || !data.beads[i][side].length) { return false; }
      data.beads[i + 1][side].unshift(data.beads[i][side].pop());
      edited(data.beads[i + 1]); edited(data.beads[i]);
      tidy();
    }
  };

  function act(action, index, side) {
    var result = actions[action](index, side);
    if (result === false) { return; }
    if (typeof result === "number") { index = result; }
    current = Math.max(0, Math.min(index, data.beads.length - 1));
    render();
    focusRow(current);
    save();
  }

  function status(text) { document.getElementById("review-status").textContent = text; }

  function save() { // one request at a time, each sending the beads as they are by then
    changes += 1;
    if (queued) { return saving; }
    queued = true;
    saving = saving.then(function () {
      queued = false;
      var sent = changes;
      status(labels.saving);
      return fetch(root.getAttribute("data-save-url"), {
        method: "POST", credentials: "same-origin",
        headers: {"Content-Type": "application/json", "X-CSRF-Token": root.getAttribute("data-csrf")},
        body: JSON.stringify({beads: data.beads})
      }).then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        status(sent === changes ? labels.saved : labels.saving);
      }).catch(function () { status(labels.save_failed); });
    });
    return saving;
  }

  function focusRow(index) {
    var rows = tbody.rows;
    if (!rows.length) { return; }
    current = Math.max(0, Math.min(index, rows.length - 1));
    Array.prototype.forEach.call(rows, function (row, i) { row.classList.toggle("current", i === current); });
    rows[current].focus({preventScroll: true});
    rows[current].scrollIntoView({block: "nearest"});
  }

  function step(delta) { // the next visible row
    var i = current + delta;
    while (i >= 0 && i < tbody.rows.length && tbody.rows[i].hidden) { i += delta; }
    if (i >= 0 && i < tbody.rows.length) { focusRow(i); }
  }

  var keys = {
    j: function () { step(1); }, ArrowDown: function () { step(1); },
    k: function () { step(-1); }, ArrowUp: function () { step(-1); },
    a: function () { act("approve", current); step(1); },
    r: function () { act("reject", current); step(1); },
    m: function () { act("merge", current); },
    s: function () { act("split", current); },
    "[": function () { act("up", current, "fr"); },
    "]": function () { act("down", current, "fr"); },
    "{": function () { act("up", current, "en"); },
    "}": function () { act("down", current, "en"); },
    f: function () { var box = document.getElementById("filter-low"); box.checked = !box.checked; filter(); }
  };

  function afterSave(event) { // downloads and the evidence form use the saved review
    event.preventDefault();
    var target = event.currentTarget;
    save().then(function () {
      if (target.tagName === "FORM") { target.submit(); } else { window.location.href = target.href; }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    root = document.getElementById("review");
    if (!root) { return; }
    data = JSON.parse(document.getElementById("review-data").textContent);
    labels = JSON.parse(root.getAttribute("data-labels"));
    tbody = document.getElementById("beads");
    render();
    tbody.addEventListener("click", function (event) {
      var target = event.target.closest("button[data-action]");
      if (target) {
        act(target.getAttribute("data-action"), Number(target.getAttribute("data-index")),
            target.getAttribute("data-side"));
        return;
      }
      var row = event.target.closest("tr");
      if (row) { focusRow(Number(row.getAttribute("data-index"))); }
    });
    document.getElementById("filter-low").addEventListener("change", filter);
    document.querySelectorAll(".exports a").forEach(function (a) { a.addEventListener("click", afterSave); });
    var form = document.getElementById("evidence-form");
    if (form) { form.addEventListener("submit", afterSave); }
    document.addEventListener("keydown", function (event) {
      var tag = (event.target.tagName || "").toLowerCase();
      if (event.ctrlKey || event.metaKey || event.altKey || tag === "input" || tag === "textarea" ||
          tag === "select" || (tag === "button" && (event.key === "Enter" || event.key === " "))) {
        return;
      }
      var handler = keys[event.key];
      if (handler) { event.preventDefault(); handler(); }
    });
  });
}());
