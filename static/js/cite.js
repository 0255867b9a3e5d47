/* The copy button of an article's reference (templates/articles/detail.html). The button
   stays hidden without this script; where the page is not a secure context (plain http on
   another host) the clipboard API is missing, and the text is selected for the reader to copy. */
(function () {
  "use strict";

  function select(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function fallback(element) {
    select(element);
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function setUp(button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById(button.getAttribute("data-status"));
    if (!source) { return; }
    function report(copied) {
      if (status) { status.textContent = copied ? "已复制到剪贴板" : "已选中引文，请按 Ctrl+C（或长按）复制"; }
    }
    button.addEventListener("click", function () {
      var text = source.textContent.trim();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(
          function () { report(true); },
          function () { report(fallback(source)); }
        );
      } else {
        report(fallback(source));
      }
    });
    button.hidden = false;
  }

  function init() {
    document.querySelectorAll("button[data-copy]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
