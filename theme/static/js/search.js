// Search page enhancement: runs the query of ?q= (or the form) against the Pagefind index of
// the page's language (chosen by <html lang>). Everything is self-hosted; no inline script.
(function () {
  "use strict";
  var form = document.querySelector("[data-search-page]");
  if (!form) { return; }
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  var pagefind = null;

  function say(key, vars) {
    var text = status.getAttribute("data-text-" + key) || "";
    Object.keys(vars || {}).forEach(function (name) {
      text = text.split("%(" + name + ")s").join(vars[name]);
    });
    status.textContent = text;
  }

  function load() {
    if (!pagefind) {
      pagefind = import("/pagefind/pagefind.js").then(function (module) {
        return module.options({ baseUrl: "/" }).then(function () { return module; });
      });
    }
    return pagefind;
  }

  function render(results) {
    list.textContent = "";
    results.forEach(function (data) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = data.url;
      link.textContent = (data.meta && data.meta.title) || data.url;
      var heading = document.createElement("h2");
      heading.className = "search-results__title";
      heading.appendChild(link);
      var excerpt = document.createElement("p");
      excerpt.innerHTML = data.excerpt; // Pagefind's excerpt of our own pages, with <mark>
      item.appendChild(heading);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
  }

  function run(query) {
    query = query.trim();
    if (!query) { status.textContent = ""; list.textContent = ""; return; }
    say("loading");
    load().then(function (module) { return module.search(query); })
      .then(function (search) {
        return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }))
          .then(function (results) {
            render(results);
            var n = search.results.length;
            say(n === 0 ? "none" : (n === 1 ? "one" : "many"), { n: String(n), q: query });
          });
      })
      .catch(function () { say("none", { q: query }); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.replaceState(null, "", url);
    run(input.value);
  });
  var initial = new URLSearchParams(window.location.search).get("q") || "";
  if (initial) { input.value = initial; run(initial); }
})();
