// termalign: copy buttons of the search results (term, acronym, "name (ACRONYM)").
// Without this file the page works the same, without the buttons (they stay hidden).
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  function setup(button) {
    var label = button.textContent;
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-copy");
      copyText(text).then(function () {
        button.classList.add("done");
        button.textContent = button.getAttribute("data-done") || label;
        button.setAttribute("data-copied", text);
        setTimeout(function () { button.classList.remove("done"); button.textContent = label; }, 1500);
      }, function () { button.classList.remove("done"); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("p.copies[hidden]").forEach(function (p) { p.hidden = false; });
    document.querySelectorAll("button.copy[data-copy]").forEach(setup);
  });
})();
