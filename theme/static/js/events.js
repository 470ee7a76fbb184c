/* MIA-DO-KI – events list: move events that have ended since the last build from
   "upcoming" into "past" (under their year), in the reader's browser. The page is complete
   without this script; it only keeps the split right between two daily builds.
   Each event carries data-event-end (ISO 8601 with offset) and data-event-year. */
(function () {
  "use strict";
  var upcoming = document.querySelector('[data-events="upcoming"]');
  var past = document.querySelector('[data-events="past"]');
  if (!upcoming || !past || !Date.parse) { return; }
  var now = Date.now();
  var ended = Array.prototype.filter.call(
    upcoming.querySelectorAll("[data-event-end]"),
    function (item) { var end = Date.parse(item.getAttribute("data-event-end")); return !isNaN(end) && end <= now; }
  );
  if (!ended.length) { return; }

  function yearGroup(year) {
    var groups = past.querySelectorAll("[data-events-year]");
    for (var i = 0; i < groups.length; i += 1) {
      var y = parseInt(groups[i].getAttribute("data-events-year"), 10);
      if (y === year) { return groups[i]; }
      if (y < year) { return past.insertBefore(newGroup(year), groups[i]); }
    }
    return past.appendChild(newGroup(year));
  }

  function newGroup(year) {
    var group = document.createElement("div");
    group.className = "event-year";
    group.setAttribute("data-events-year", String(year));
    var heading = document.createElement("h3");
    heading.textContent = String(year);
    group.appendChild(heading);
    return group;
  }

  /* One heading level deeper: upcoming items are h3 under h2, past ones h4 under the year. */
  function demote(item) {
    var heading = item.querySelector(".card__title");
    if (!heading || heading.tagName !== "H3") { return; }
    var deeper = document.createElement("h4");
    deeper.className = heading.className;
    while (heading.firstChild) { deeper.appendChild(heading.firstChild); }
    heading.parentNode.replaceChild(deeper, heading);
  }

  /* Upcoming is soonest first, past is latest first: prepend in upcoming order. */
  ended.forEach(function (item) {
    var group = yearGroup(parseInt(item.getAttribute("data-event-year"), 10));
    demote(item);
    var heading = group.querySelector("h3");
    group.insertBefore(item, heading ? heading.nextSibling : group.firstChild);
  });
  past.hidden = false;
  if (!upcoming.querySelector("[data-event-end]")) {
    var none = upcoming.querySelector("[data-events-none]");
    if (none) { none.hidden = false; }
  }
}());
