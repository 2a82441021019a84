/*
 * Site search: the header's search box (Material's markup and styles, partials/search.html) answered by
 * Pagefind. Nothing is fetched until a reader opens search; then Pagefind loads its small entry file and
 * WebAssembly, and for each query only the index chunks for the typed words and the fragments of the
 * results shown — a few hundred KB whatever the size of the archive.
 */
(function () {
  "use strict";
  var PAGE = 10; // results shown at once; "More results" shows the next ones

  var toggle = document.getElementById("__search");
  var dialog = document.querySelector("[data-digest-search]");
  if (!toggle || !dialog) return;
  var form = dialog.querySelector("[data-digest-search-form]");
  var input = form.querySelector("input[name=query]");
  var meta = dialog.querySelector("[data-digest-search-meta]");
  var list = dialog.querySelector("[data-digest-search-list]");
  var more = dialog.querySelector("[data-digest-search-more]");

  var config = JSON.parse(document.getElementById("__config").textContent);
  var words = config.translations || {};
  var base = new URL(String(config.base || ".").replace(/\/?$/, "/"), location.href);
  var engine = null; // the Pagefind module, once loaded
  var shown = [];    // results of the current query
  var count = 0;     // how many of them are on screen
  var latest = 0;    // number of the newest query, so a slow answer never overwrites a newer one

  function say(text) {
    meta.textContent = text;
  }

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", base).href).then(function (pagefind) {
        return pagefind.options({ baseUrl: base.pathname, excerptLength: 30 }).then(function () {
          pagefind.init();
          return pagefind;
        });
      });
      engine.catch(function () {
        engine = null;
        say("Search is unavailable: the search index was not built (python -m pagefind --site site).");
      });
    }
    return engine;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // Pagefind's excerpts are text it escaped itself, with <mark> around the matched words.
  function excerpt(html) {
    var p = element("p");
    p.innerHTML = html;
    return p;
  }

  function item(data) {
    var li = element("li", "md-search-result__item");
    var link = element("a", "md-search-result__link");
    link.href = data.url;
    var article = element("article", "md-search-result__article md-search-result__article--document md-typeset");
    article.appendChild(element("div", "md-search-result__icon md-icon"));
    article.appendChild(element("h1", null, (data.meta && data.meta.title) || data.url));
    article.appendChild(excerpt(data.excerpt));
    link.appendChild(article);
    li.appendChild(link);
    (data.sub_results || []).filter(function (sub) {
      return sub.url !== data.url && sub.title !== (data.meta && data.meta.title);
    }).slice(0, 3).forEach(function (sub) {
      var subLink = element("a", "md-search-result__link");
      subLink.href = sub.url;
      var section = element("article", "md-search-result__article md-typeset");
      section.appendChild(element("h2", null, sub.title));
      section.appendChild(excerpt(sub.excerpt));
      subLink.appendChild(section);
      li.appendChild(subLink);
    });
    return li;
  }

  function showMore(query) {
    var batch = shown.slice(count, count + PAGE);
    count += batch.length;
    more.hidden = true;
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (all) {
      if (query !== latest) return;
      all.forEach(function (data) { list.appendChild(item(data)); });
      more.hidden = count >= shown.length;
    });
  }

  function search() {
    var query = ++latest;
    var term = input.value.trim();
    if (!term) {
      list.textContent = "";
      more.hidden = true;
      say(words["search.result.placeholder"] || "Type to start searching");
      return;
    }
    load().then(function (pagefind) {
      return pagefind.debouncedSearch(term, {}, 200);
    }).then(function (answer) {
      if (!answer || query !== latest) return; // a newer query is on its way
      shown = answer.results;
      count = 0;
      list.textContent = "";
      var n = shown.length;
      say(n === 0 ? (words["search.result.none"] || "No matching documents")
        : n === 1 ? (words["search.result.one"] || "1 matching document")
        : (words["search.result.other"] || "# matching documents").replace("#", n));
      return showMore(query);
    });
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      load();
      setTimeout(function () { input.focus(); }, 50);
    } else {
      input.blur();
    }
  });
  input.addEventListener("input", search);
  input.addEventListener("focus", function () { open(); load(); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) location.href = first.href;
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { search(); input.focus(); }, 0);
  });
  more.addEventListener("click", function () { showMore(latest); });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (!toggle.checked) {
      if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && /^[sf/]$/.test(event.key)) {
        event.preventDefault();
        open();
      }
      return;
    }
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && all.length) {
      event.preventDefault();
      if (at <= 0) input.focus();
      else all[at - 1].focus();
    }
  });
})();
