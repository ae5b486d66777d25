// termalign: suggestions as you type in the search box (an ARIA combobox with a listbox).
// The page works without this file: the search box is a plain GET form.
(function () {
  "use strict";

  var DELAY = 150;   // debounce, in milliseconds
  var LIMIT = 8;     // suggestions shown
  // Matches that are the query as typed (case aside): shown without a label.
  var ANSWERED_PLAINLY = { exact: true, acronym: true };

  function bestTerm(terms) {
    if (!terms || !terms.length) return "";
    var full = terms.filter(function (t) { return t.type !== "acronym"; })[0];
    var acronym = terms.filter(function (t) { return t.type === "acronym"; })[0];
    if (full && acronym) return full.term + " (" + acronym.term + ")";
    return (full || acronym).term;
  }

  function setupCombobox(input) {
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var api = input.getAttribute("data-api");
    var entryBase = input.getAttribute("data-entry");
    var kinds = {};
    var matches = {};  // match kind -> its label, the words of the search page
    try { kinds = JSON.parse(input.getAttribute("data-kinds") || "{}"); } catch (e) { kinds = {}; }
    try { matches = JSON.parse(input.getAttribute("data-matches") || "{}"); } catch (e) { matches = {}; }
    var timer = null;
    var controller = null;
    var active = -1;
    var lastQuery = null;

    function options() { return list.querySelectorAll("[role=option]"); }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      if (!options().length) { close(); return; }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function setActive(index) {
      var opts = options();
      if (!opts.length) return;
      if (index < 0) index = opts.length - 1;
      if (index >= opts.length) index = 0;
      opts.forEach(function (o, i) { o.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      input.setAttribute("aria-activedescendant", opts[index].id);
      opts[index].scrollIntoView({ block: "nearest" });
    }

    function go(option) { window.location.href = option.getAttribute("data-href"); }

    function render(data) {
      list.textContent = "";
      (data.results || []).slice(0, LIMIT).forEach(function (r, i) {
        var li = document.createElement("li");
        li.id = "suggestion-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.setAttribute("data-href", entryBase + r.id);
        var fr = document.createElement("span");
        fr.className = "s-fr"; fr.lang = "fr"; fr.textContent = bestTerm(r.fr);
        var en = document.createElement("span");
        en.className = "s-en"; en.lang = "en"; en.textContent = bestTerm(r.en);
        var kind = document.createElement("span");
        kind.className = "tag kind"; kind.textContent = kinds[r.kind] || r.kind;
        li.appendChild(fr); li.appendChild(en); li.appendChild(kind);
        if (r.match && !ANSWERED_PLAINLY[r.match]) {
          // Not the query itself (accents aside, nearest spellings...): say how it matched.
          li.className = "match-" + r.match;
          var match = document.createElement("span");
          match.className = "tag match"; match.textContent = matches[r.match] || r.match;
          li.appendChild(match);
        }
        li.addEventListener("mousedown", function (event) { event.preventDefault(); go(li); });
        list.appendChild(li);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      open();
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) { open(); return; }
      lastQuery = query;
      if (!query) { list.textContent = ""; close(); return; }
      if (controller) controller.abort();
      controller = new AbortController();
      var url = api + "?q=" + encodeURIComponent(query) + "&limit=" + LIMIT;
      fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (input.value.trim() === query) render(data); })
        .catch(function (error) { if (error.name !== "AbortError") close(); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      var expanded = !list.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!expanded) { open(); } else { setActive(active + 1); }
      } else if (event.key === "ArrowUp") {
        if (expanded) { event.preventDefault(); setActive(active - 1); }
      } else if (event.key === "Enter") {
        if (expanded && active >= 0) { event.preventDefault(); go(options()[active]); }
      } else if (event.key === "Escape") {
        if (expanded) { event.preventDefault(); close(); }
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[role=combobox][data-api]").forEach(setupCombobox);
  });
})();
