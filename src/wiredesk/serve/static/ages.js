// Keeps the ages in an open page true ("1 uur geleden" becomes "2 uur geleden").
// The server wrote each age when it sent the page; this only updates them, by
// the same rule (Babel's format_timedelta: the largest unit of which at least
// 0.85 has passed, rounded), so the page reads right without it too.
(function () {
  "use strict";
  var UNITS = [
    ["year", 31536000], ["month", 2592000], ["week", 604800],
    ["day", 86400], ["hour", 3600], ["minute", 60], ["second", 1]
  ];
  var THRESHOLD = 0.85;
  var JUST_NOW = 60;
  function age(format, seconds) {
    if (seconds < JUST_NOW) { return document.body.dataset.justNow; }
    for (var i = 0; i < UNITS.length; i++) {
      var value = seconds / UNITS[i][1];
      if (value >= THRESHOLD) {
        return format.format(-Math.max(1, Math.round(value)), UNITS[i][0]);
      }
    }
    return document.body.dataset.justNow;
  }
  function update() {
    if (!window.Intl || !Intl.RelativeTimeFormat) { return; }
    var format = new Intl.RelativeTimeFormat(document.documentElement.lang, {numeric: "always"});
    var now = Date.now();
    document.querySelectorAll("time[data-age]").forEach(function (node) {
      var then = Date.parse(node.getAttribute("datetime"));
      if (!isNaN(then)) { node.textContent = age(format, (now - then) / 1000); }
    });
  }
  update();
  setInterval(update, 30000);
})();
