// Search, in the page's language only, with Welsh mutations folded exactly as
// the index was (the rules come with the index, in meta.json). Fetches only the
// index files a query needs. No inline script, no other host.

// How a query is cut into words and each word into the terms it may be indexed
// under: the same as hooks/strategy/welsh.py words() and search.py's terms, word
// for word (tests/test_welsh_folding.py runs both on the same words).
var strategySearchTerms = (function () {
  "use strict";

  function plain(word) { return word.normalize("NFD").replace(/\p{Mn}/gu, ""); }

  function fold(word, rules) {  // welsh.py radicals()
    word = word.toLowerCase().normalize("NFC");
    var forms = [word];
    rules.forEach(function (rule) {
      if (word.indexOf(rule[0]) === 0 && word.length > rule[0].length) forms.push(rule[1] + word.slice(rule[0].length));
    });
    forms.slice().forEach(function (form) { forms.push(plain(form)); });
    return forms.filter(function (form, i) { return forms.indexOf(form) === i; });
  }

  function terms(word, rules) {  // search.py: Welsh radicals, or the word with and without accents
    if (rules.length) return fold(word, rules);
    return [word, plain(word)].filter(function (form, i, forms) { return forms.indexOf(form) === i; });
  }

  function wordsOf(text) {  // welsh.py words()
    return (text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) || [])
      .filter(function (w) { return !/^\p{N}+$/u.test(w); });
  }

  function shardOf(term, letters) {  // search.py shard_key()
    return plain(term).slice(0, letters).replace(/[^a-z0-9]/g, "_");
  }

  return {plain: plain, terms: terms, wordsOf: wordsOf, shardOf: shardOf};
})();
if (typeof module === "object") module.exports = strategySearchTerms;  // for the tests, in Node

(function () {
  "use strict";
  if (typeof document === "undefined") return;

  var form = document.querySelector("form[data-strategy-search]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector(".strategy-search__status");
  var list = document.querySelector(".strategy-search__results");
  var indexRoot = new URL(form.getAttribute("data-index"), location.href);
  var siteRoot = new URL(form.getAttribute("data-site-root"), location.href);
  var cache = {};
  var MOST = 20;
  var wordsOf = strategySearchTerms.wordsOf, shardOf = strategySearchTerms.shardOf;

  function json(path) {
    if (!cache[path]) {
      cache[path] = fetch(new URL(path, indexRoot)).then(function (r) { return r.ok ? r.json() : {}; });
    }
    return cache[path];
  }

  function matches(word, isLast, meta) {
    var forms = strategySearchTerms.terms(word, meta.rules);
    forms = forms.filter(function (form) { return meta.shards.indexOf(shardOf(form, meta.shard_letters)) >= 0; });
    return Promise.all(forms.map(function (form) {
      return json("terms/" + shardOf(form, meta.shard_letters) + ".json").then(function (terms) {
        var found = {};
        Object.keys(terms).forEach(function (term) {
          var exact = term === form;
          var prefix = isLast && form.length >= 3 && term.indexOf(form) === 0;  // finds words as they are typed
          if (exact || prefix) {
            terms[term].forEach(function (posting) {
              found[posting[0]] = Math.max(found[posting[0]] || 0, exact ? posting[1] : posting[1] / 2);
            });
          }
        });
        return found;
      });
    })).then(function (perForm) {
      var best = {};  // a page matches a word through whichever of its forms scores best
      perForm.forEach(function (found) {
        Object.keys(found).forEach(function (doc) { best[doc] = Math.max(best[doc] || 0, found[doc]); });
      });
      return best;
    });
  }

  function show(results, meta) {
    var count = results.length;
    var message = count === 0 ? form.dataset.none : count === 1 ? form.dataset.one : form.dataset.many;
    var top = results.slice(0, MOST);
    var chunks = top.map(function (r) { return Math.floor(r.doc / meta.chunk); });
    return Promise.all(chunks.map(function (c) { return json("docs/" + c + ".json"); })).then(function (loaded) {
      list.textContent = "";
      top.forEach(function (result, i) {
        var entry = loaded[i][result.doc % meta.chunk];
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = new URL(entry[0], siteRoot).href;
        link.textContent = entry[1];
        item.appendChild(link);
        if (entry[2]) {
          var summary = document.createElement("p");
          summary.textContent = entry[2];
          item.appendChild(summary);
        }
        list.appendChild(item);
      });
      // Announced once the results are on the page, not before.
      status.textContent = message.replace("{count}", String(count));
    });
  }

  function search(query) {
    var words = wordsOf(query);
    if (!words.length) { status.textContent = ""; list.textContent = ""; return; }
    json("meta.json").then(function (meta) {
      return Promise.all(words.map(function (w, i) { return matches(w, i === words.length - 1, meta); }))
        .then(function (perWord) {
          var docs = Object.keys(perWord[0]).filter(function (doc) {
            return perWord.every(function (found) { return doc in found; });  // every word must match
          });
          var results = docs.map(function (doc) {
            return {doc: Number(doc), score: perWord.reduce(function (sum, found) { return sum + found[doc]; }, 0)};
          }).sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
          return show(results, meta);
        });
    });
  }

  // The language switch takes the search along: the other language's search
  // page opens with the same words.
  function keepQueryInLanguageSwitch(query) {
    document.querySelectorAll(".strategy-language-switch__link[href]").forEach(function (link) {
      var target = new URL(link.getAttribute("href"), location.href);
      if (query) target.searchParams.set("q", query); else target.searchParams.delete("q");
      link.href = target.href;
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var url = new URL(location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    keepQueryInLanguageSwitch(input.value);
    search(input.value);
  });
  var initial = new URL(location.href).searchParams.get("q");
  if (initial) { input.value = initial; keepQueryInLanguageSwitch(initial); search(initial); }
  form.hidden = false;  // without this script, the page says so and links every post instead
  // The header's Search link leads to the box (#strategy-search-query): the
  // reader types at once, rather than Tabbing through the page to it.
  function focusWhenAsked() { if (location.hash === "#" + input.id) input.focus(); }
  focusWhenAsked();
  window.addEventListener("hashchange", focusWhenAsked);  // the link followed on the search page itself
})();
