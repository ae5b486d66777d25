// The direction selector of the check and align pages: which text is the original ("auto" on
// the check page: detected from the texts' "Original" lines). The choice is remembered in the
// "source" cookie (the server reads it to preselect it) and the labels of the two sides follow
// it at once.
(function () {
  "use strict";
  function apply(source) {
    document.querySelectorAll("label[data-source]").forEach(function (label) {
      var isSource = label.getAttribute("for").indexOf(source) === 0;
      if (source === "auto" && label.hasAttribute("data-auto")) {
        label.textContent = label.getAttribute("data-auto");
        return;
      }
      label.textContent = label.getAttribute(isSource ? "data-source" : "data-target");
    });
    var pairs = ".pair.source-fr, .pair.source-en, .pair.source-auto";
    document.querySelectorAll("form " + pairs).forEach(function (pair) {
      pair.classList.remove("source-fr", "source-en", "source-auto");
      pair.classList.add("source-" + source);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("#direction input[name=source]").forEach(function (radio) {
      radio.addEventListener("change", function () {
        if (!radio.checked) { return; }
        document.cookie = "source=" + radio.value + "; path=/; max-age=31536000; samesite=lax";
        apply(radio.value);
      });
    });
  });
}());
