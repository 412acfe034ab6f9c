/* "Print this card" on drill card pages; works with Material's instant navigation. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-stride-print]") : null;
    if (button) window.print();
  });
})();
