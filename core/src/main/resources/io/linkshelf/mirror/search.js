/* linkshelf mirror search: our own small script, no library, no network. Reads window.LINKSHELF_SEARCH
   (search-index.js, built by SearchIndex.java) and tokenizes queries exactly as SearchTokens.java tokenizes text. */
(function () {
  'use strict';
  var input = document.getElementById('q');
  var list = document.getElementById('results');
  var status = document.getElementById('search-status');
  if (!input || !list || !status) { return; }
  var data = window.LINKSHELF_SEARCH;
  if (!data) { status.textContent = 'The search index (search-index.js) is missing.'; return; }
  if (data.v !== 2) { status.textContent = 'The search index (search-index.js) is from another version: rebuild the mirror.'; return; }
  var docs = data.docs, parts = null, MAX_RESULTS = 50, MAX_WORD = 32, K1 = 1.2, B = 0.75;
  var avgLength = Math.max(1, docs.reduce(function (sum, d) { return sum + d[4]; }, 0) / Math.max(1, docs.length));
  /* Number digits, as SearchCodec.ALPHABET: '(' to '~' without the backslash; BASE terminal digits, then as many
     continuation digits. */
  var BASE = 43, DIGIT = [];
  (function () {
    for (var c = 40, i = 0; c <= 126; c++) { if (c !== 92) { DIGIT[c] = i++; } }
  })();

  /* BM25, as SearchIndex.weight computes it. */
  function weight(tf, df, length) {
    var idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
    return idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avgLength));
  }

  function isCjk(cp) {
    return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF);
  }
  var LETTER = /^[\p{L}\p{N}]$/u;
  function isWordChar(ch) { return LETTER.test(ch) && !isCjk(ch.codePointAt(0)); }

  /* Runs of the query: {cjk: bool, text: string}; the tokens and the highlight needles both come from them. */
  function runs(text) {
    var chars = Array.from(text.normalize('NFKC').toLowerCase()), out = [], i = 0;
    while (i < chars.length) {
      var start = i;
      if (isCjk(chars[i].codePointAt(0))) {
        while (i < chars.length && isCjk(chars[i].codePointAt(0))) { i++; }
        out.push({ cjk: true, text: chars.slice(start, i).join('') });
      } else if (isWordChar(chars[i])) {
        while (i < chars.length && isWordChar(chars[i])) { i++; }
        out.push({ cjk: false, text: chars.slice(start, Math.min(i, start + MAX_WORD)).join('') });
      } else {
        i++;
      }
    }
    return out;
  }

  function tokens(text) {
    var seen = {}, out = [];
    runs(text).forEach(function (run) {
      var parts = [], c = Array.from(run.text);
      if (!run.cjk || c.length === 1) { parts.push(run.text); }
      for (var k = 0; run.cjk && k + 1 < c.length; k++) { parts.push(c[k] + c[k + 1]); }
      parts.forEach(function (p) { if (!seen[p]) { seen[p] = true; out.push(p); } });
    });
    return out;
  }

  /* Reads the numbers of s from `from` up to the first character that is no digit; returns [numbers, end]. */
  function numbers(s, from) {
    var out = [], x = 0, i = from;
    for (; i < s.length; i++) {
      var d = DIGIT[s.charCodeAt(i)];
      if (d === undefined) { break; }
      if (d >= BASE) { x = x * BASE + d - BASE; } else { out.push(x * BASE + d); x = 0; }
    }
    return [out, i];
  }

  /* The sorted terms of SearchCodec.terms: a bigram chunk may go on with numbered bigrams of the same first char. */
  function decodeTerms(s) {
    var out = [];
    if (!s) { return out; }
    s.split(' ').forEach(function (chunk) {
      if (chunk.length < 2 || !isCjk(chunk.charCodeAt(0)) || !isCjk(chunk.charCodeAt(1))) { out.push(chunk); return; }
      var first = chunk.charAt(0), second = chunk.charCodeAt(1);
      out.push(chunk.substring(0, 2));
      numbers(chunk, 2)[0].forEach(function (gap) {
        second += gap + 1;
        out.push(first + String.fromCharCode(second));
      });
    });
    return out;
  }

  /* Both parts (title/author and body), decoded on the first search rather than at page load. */
  function index() {
    if (!parts) {
      parts = [data.head, data.body].map(function (p) {
        return { terms: decodeTerms(p.terms), postings: p.postings ? p.postings.split(' ') : [] };
      });
    }
    return parts;
  }

  function lowerBound(list, term) {
    var lo = 0, hi = list.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid] < term) { lo = mid + 1; } else { hi = mid; } }
    return lo;
  }

  /* Adds one part's postings record to tf (doc id → tf): doc gaps, then "!" and (posting gap, tf - 2) pairs, or
     "#" and a bitmap of six documents a character. */
  function addPostings(record, tf) {
    var doc, k;
    if (record.charAt(0) === '#') {
      for (k = 1; k < record.length; k++) {
        var six = DIGIT[record.charCodeAt(k)];
        for (var bit = 0; bit < 6; bit++) {
          if (six & (1 << bit)) { doc = (k - 1) * 6 + bit; tf[doc] = (tf[doc] || 0) + 1; }
        }
      }
      return;
    }
    var gaps = numbers(record, 0), docsOf = [], extra = {}, last = -1;
    gaps[0].forEach(function (gap) { last += gap + 1; docsOf.push(last); });
    if (record.charAt(gaps[1]) === '!') {
      var pairs = numbers(record, gaps[1] + 1)[0], at = -1;
      for (k = 0; k + 1 < pairs.length; k += 2) { at += pairs[k] + 1; extra[at] = pairs[k + 1] + 1; }
    }
    docsOf.forEach(function (d, i) { tf[d] = (tf[d] || 0) + 1 + (extra[i] || 0); });
  }

  /* doc id → BM25 weight for one index term, its tf summed over both parts. */
  function postings(term) {
    var tf = {}, out = {};
    index().forEach(function (part) {
      var at = lowerBound(part.terms, term);
      if (part.terms[at] === term) { addPostings(part.postings[at], tf); }
    });
    var keys = Object.keys(tf);
    keys.forEach(function (d) { out[d] = weight(tf[d], keys.length, docs[d][4]); });
    return out;
  }

  /* A query token that is no index term (a lone CJK character, a word still being typed) matches the terms it
     begins, at half weight. */
  function expand(token) {
    var parts = index(), seen = {}, out = [];
    if (parts.some(function (p) { return p.terms[lowerBound(p.terms, token)] === token; })) { return [[token, 1]]; }
    if (token.length < 1 || (!isCjk(token.codePointAt(0)) && token.length < 2)) { return []; }
    parts.forEach(function (p) {
      for (var i = lowerBound(p.terms, token); i < p.terms.length && out.length < 200 && p.terms[i].lastIndexOf(token, 0) === 0; i++) {
        if (!seen[p.terms[i]]) { seen[p.terms[i]] = true; out.push([p.terms[i], 0.5]); }
      }
    });
    return out;
  }

  function search(query) {
    var toks = tokens(query), scores = {}, matched = {};
    toks.forEach(function (tok) {
      var best = {};
      expand(tok).forEach(function (e) {
        var p = postings(e[0]);
        Object.keys(p).forEach(function (d) { best[d] = Math.max(best[d] || 0, p[d] * e[1]); });
      });
      Object.keys(best).forEach(function (d) {
        scores[d] = (scores[d] || 0) + best[d];
        matched[d] = (matched[d] || 0) + 1;
      });
    });
    return Object.keys(scores).map(function (d) {
      return { doc: +d, score: scores[d] * matched[d] / toks.length };
    }).sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
  }

  /* Strings to highlight: whole runs first, then (for CJK) their bigrams. */
  function needles(query) {
    var out = [];
    runs(query).forEach(function (run) {
      out.push(run.text);
      var c = Array.from(run.text);
      for (var k = 0; run.cjk && c.length > 2 && k + 1 < c.length; k++) { out.push(c[k] + c[k + 1]); }
    });
    return out.filter(function (n) { return n.length > 0; });
  }

  function firstHit(lower, ns) {
    var best = -1, len = 0;
    ns.forEach(function (n) {
      var at = lower.indexOf(n);
      if (at >= 0 && (best < 0 || at < best || (at === best && n.length > len))) { best = at; len = n.length; }
    });
    return { at: best, len: len };
  }

  /* Appends text to el with every needle occurrence wrapped in <mark>; text nodes only, never HTML. */
  function highlight(el, text, ns) {
    var lower = text.toLowerCase(), pos = 0;
    while (pos < text.length) {
      var hit = firstHit(lower.substring(pos), ns);
      if (hit.at < 0) { break; }
      el.appendChild(document.createTextNode(text.substring(pos, pos + hit.at)));
      var mark = document.createElement('mark');
      mark.textContent = text.substring(pos + hit.at, pos + hit.at + hit.len);
      el.appendChild(mark);
      pos += hit.at + hit.len;
    }
    el.appendChild(document.createTextNode(text.substring(pos)));
  }

  function snippetOf(text, ns) {
    var hit = firstHit(text.toLowerCase(), ns);
    var start = hit.at < 0 ? 0 : Math.max(0, hit.at - 30);
    var end = Math.min(text.length, start + 130);
    return (start > 0 ? '…' : '') + text.substring(start, end) + (end < text.length ? '…' : '');
  }

  function show(query) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (tokens(query).length === 0) { status.textContent = ''; return; }
    var hits = search(query), ns = needles(query);
    status.textContent = hits.length === 0 ? '没有结果 · No results'
      : hits.length + (hits.length === 1 ? ' result' : ' results') + (hits.length > MAX_RESULTS ? ', best ' + MAX_RESULTS + ' shown' : '');
    hits.slice(0, MAX_RESULTS).forEach(function (hit) {
      var d = docs[hit.doc], li = document.createElement('li'), a = document.createElement('a');
      a.href = d[0];
      a.className = 'hit-title';
      highlight(a, d[1], ns);
      li.appendChild(a);
      var meta = document.createElement('span');
      meta.className = 'hit-meta';
      meta.textContent = [d[2], d[3]].filter(Boolean).join(' · ');
      li.appendChild(meta);
      var snippet = document.createElement('span');
      snippet.className = 'snippet';
      highlight(snippet, snippetOf(d[5], ns), ns);
      li.appendChild(snippet);
      list.appendChild(li);
    });
  }

  input.addEventListener('input', function () { show(input.value); });
  var fromHash = /^#q=(.*)$/.exec(window.location.hash);
  if (fromHash) {
    try { input.value = decodeURIComponent(fromHash[1]); } catch (e) { input.value = ''; }
  }
  if (input.value) { show(input.value); }
})();
