/* relx network view. Every string from the data is put on the page with textContent (or drawn on
   the canvas by Cytoscape), never parsed as HTML. window.relx exposes state for tests and users. */
(function () {
  "use strict";

  var KIND_COLOURS = {
    country: "#e0a526", organization: "#8e63c2", person: "#e377b5", group: "#9c7a4e"
  };
  var OTHER_KIND = "#9a9a9a";
  var RELATION_COLOURS = { supports: "#2ca03c", opposes: "#d62728", meets: "#1f6fd1" };
  var RELATION_WORDS = { supports: "supports", opposes: "opposes", meets: "meets" };

  var relx = window.relx = { ready: false, errors: [], nodes: 0, edges: 0 };
  window.addEventListener("error", function (ev) { relx.errors.push(String(ev.message)); });

  var data = JSON.parse(document.getElementById("relx-data").textContent);
  relx.data = data;

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function kindColour(kind) { return KIND_COLOURS[kind] || OTHER_KIND; }
  function relationColour(rel) { return RELATION_COLOURS[rel] || "#555"; }

  // ------------------------------------------------------------------------------ the graph
  var names = {};
  var maxMentions = 1;
  data.nodes.forEach(function (n) {
    names[n.id] = n.name;
    maxMentions = Math.max(maxMentions, n.mentions || 0);
  });
  var degree = {};
  data.edges.forEach(function (e) {
    degree[e.source] = (degree[e.source] || 0) + 1;
    degree[e.target] = (degree[e.target] || 0) + 1;
  });

  function nodeSize(mentions) {
    return Math.round(18 + 32 * Math.sqrt((mentions || 0) / maxMentions));
  }
  function asserted(e) { return !e.negated && (e.modality || "asserted") === "asserted"; }

  var elements = [];
  data.nodes.forEach(function (n) {
    elements.push({ group: "nodes", data: {
      id: n.id, name: n.name, colour: kindColour(n.kind), size: nodeSize(n.mentions),
      isolated: !degree[n.id]
    } });
  });
  data.edges.forEach(function (e) {
    var qualifier = asserted(e) ? "" : (e.negated ? " (negated)" : " (" + e.modality + ")");
    elements.push({ group: "edges", data: {
      id: e.id, source: e.source, target: e.target, relation: e.relation,
      colour: relationColour(e.relation), width: Math.min(1.5 + Math.log2(e.weight || 1) * 1.5, 9),
      label: (RELATION_WORDS[e.relation] || e.relation) + qualifier +
        (e.weight > 1 ? " \u00d7" + e.weight : ""),
      arrow: e.symmetric ? "none" : "triangle", unasserted: !asserted(e)
    } });
  });

  var cy = relx.cy = cytoscape({
    container: document.getElementById("graph"),
    elements: elements,
    minZoom: 0.1, maxZoom: 4,
    style: [
      { selector: "node", style: {
        "background-color": "data(colour)", width: "data(size)", height: "data(size)",
        label: "data(name)", "font-size": 15, color: "#1d1d1f", "text-valign": "bottom",
        "text-margin-y": 3, "text-outline-color": "#ffffff", "text-outline-width": 2,
        "border-width": 1, "border-color": "#ffffff", "min-zoomed-font-size": 7
      } },
      { selector: "edge", style: {
        "curve-style": "bezier", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
        "target-arrow-shape": "data(arrow)", width: "data(width)", "arrow-scale": 1.1,
        opacity: 0.85
      } },
      { selector: "edge[?unasserted]", style: { "line-style": "dashed", opacity: 0.6 } },
      { selector: "edge.hover, edge:selected", style: {
        label: "data(label)", "font-size": 11, "text-outline-color": "#ffffff",
        "text-outline-width": 2, "text-rotation": "autorotate", opacity: 1
      } },
      { selector: "edge:selected", style: { "underlay-color": "#ffbf00", "underlay-opacity": 0.5,
                                            "underlay-padding": 3 } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#333333" } },
      { selector: "node.match", style: { "border-width": 4, "border-color": "#ffbf00" } },
      { selector: ".faded", style: { opacity: 0.12, "text-opacity": 0.3 } },
      { selector: ".filtered", style: { display: "none" } }
    ],
    layout: { name: "preset" }
  });

  function runLayout() {
    // Connected actors: a force layout from a deterministic start (a circle in data order), so
    // the same file always looks the same. Actors without relations: a grid below it.
    var alone = cy.nodes("[?isolated]");
    var linked = cy.elements().not(alone);
    var n = linked.nodes().length;
    if (n > 1500) {  // a force layout would take minutes: rings by degree, the hubs in the middle
      linked.layout({ name: "concentric", animate: false, fit: true, padding: 20,
                      minNodeSpacing: 4, concentric: function (node) { return node.degree(); },
                      levelWidth: function () { return 2; } }).run();
    } else if (n) {
      // cose costs about n*n per iteration: fewer iterations (cooling as fast) for big networks
      var iterations = Math.round(Math.max(80, Math.min(1500, 2.5e7 / (n * n))));
      linked.layout({ name: "circle", animate: false, fit: false }).run();
      linked.layout({
        name: "cose", randomize: false, animate: false, fit: true, padding: 20,
        nodeDimensionsIncludeLabels: true, idealEdgeLength: function () { return 50; },
        nodeRepulsion: function () { return 3000; }, componentSpacing: 30, gravity: 1,
        nodeOverlap: 8, numIter: iterations, initialTemp: 1000,
        coolingFactor: Math.pow(1 / 1000, 1 / iterations)
      }).run();
    } else {
      cy.fit(cy.elements(), 20);
    }
    // A network of tens of actors is fitted at a small zoom: labels grow to stay readable (about
    // 12px). In a bigger one they would cover each other: they show when zoomed in.
    var fontSize = cy.nodes().length > 150 ? 15 : Math.min(Math.max(15, 12 / cy.zoom()), 40);
    setFontSize(fontSize);
    if (alone.length) {  // in rows, each actor as wide as its label, within the network's width
      var box = linked.length ? linked.boundingBox() : { x1: 0, y2: 0, w: 60 * fontSize };
      var x = box.x1, y = box.y2 + 3 * fontSize;
      alone.forEach(function (node) {
        var width = Math.max(node.data("name").length * fontSize * 0.6, node.data("size")) +
          fontSize;
        if (x > box.x1 && x + width > box.x1 + box.w) { x = box.x1; y += 3.5 * fontSize; }
        node.position({ x: x + width / 2, y: y });
        x += width;
      });
    }
    cy.fit(cy.elements(), 20);
    relx.layout = { zoom: cy.zoom(), fontSize: fontSize };
  }
  // Fit `eles` in view, but never zoom in past labels of about 20px (an ego network of two).
  function showOnly(eles, padding) {
    var box = eles.boundingBox();
    if (!eles.length || !box.w || !box.h) { return; }
    var zoom = Math.min((cy.width() - 2 * padding) / box.w, (cy.height() - 2 * padding) / box.h,
                        20 / labelSize);
    zoom = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), zoom));
    cy.stop();
    cy.animate({ zoom: zoom, pan: { x: cy.width() / 2 - zoom * (box.x1 + box.w / 2),
                                    y: cy.height() / 2 - zoom * (box.y1 + box.h / 2) } },
               { duration: 300 });
  }
  var labelSize = 15;
  function setFontSize(size) {
    labelSize = size;
    cy.style().selector("node").style("font-size", size)
      .selector("edge.hover, edge:selected").style("font-size", Math.round(size * 0.8)).update();
  }

  // ------------------------------------------------------------------------------ filters
  var relationTypes = [];
  data.edges.forEach(function (e) {
    if (relationTypes.indexOf(e.relation) < 0) { relationTypes.push(e.relation); }
  });
  relationTypes.sort(function (a, b) {
    var order = ["supports", "opposes", "meets"];
    return (order.indexOf(a) + 10 * (order.indexOf(a) < 0)) -
      (order.indexOf(b) + 10 * (order.indexOf(b) < 0)) || (a < b ? -1 : 1);
  });
  var edgeById = {};
  data.edges.forEach(function (e) { edgeById[e.id] = e; });
  var nodeById = {};
  data.nodes.forEach(function (n) { nodeById[n.id] = n; });

  var filterBox = document.getElementById("relation-filters");
  var typeBoxes = {};
  relationTypes.forEach(function (rel) {
    var label = el("label", null, "check");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = rel;
    box.addEventListener("change", applyFilters);
    typeBoxes[rel] = box;
    label.appendChild(box);
    var swatch = el("span", null, "line");
    swatch.style.borderTopColor = relationColour(rel);
    label.appendChild(document.createTextNode(" "));
    label.appendChild(swatch);
    label.appendChild(document.createTextNode(" " + rel + " (" +
      data.edges.filter(function (e) { return e.relation === rel; }).length + ")"));
    filterBox.appendChild(label);
  });
  var anyUnasserted = data.edges.some(function (e) { return !asserted(e); });
  document.getElementById("unasserted-filter").hidden = !anyUnasserted;
  var showUnasserted = document.getElementById("show-unasserted");
  var showIsolated = document.getElementById("show-isolated");
  showUnasserted.addEventListener("change", applyFilters);
  showIsolated.addEventListener("change", applyFilters);

  var dateFrom = document.getElementById("date-from");
  var dateTo = document.getElementById("date-to");
  if (data.dates) {
    document.getElementById("date-filter").hidden = false;
    [dateFrom, dateTo].forEach(function (input) {
      input.min = data.dates[0];
      input.max = data.dates[1];
      input.addEventListener("change", applyFilters);
    });
    dateFrom.value = data.dates[0];
    dateTo.value = data.dates[1];
  }

  function dateRange() {
    if (!data.dates) { return null; }
    var from = dateFrom.value || data.dates[0];
    var to = dateTo.value || data.dates[1];
    if (from <= data.dates[0] && to >= data.dates[1]) { return null; }  // the whole span
    return [from, to];
  }
  function inRange(date, range) { return !range || (!!date && date >= range[0] && date <= range[1]); }
  function sentencesInRange(e, range) {
    if (!range) { return e.weight; }
    var n = 0;
    Object.keys(e.dates).forEach(function (d) { if (inRange(d, range)) { n += e.dates[d]; } });
    return n;
  }

  function applyFilters() {
    var range = dateRange();
    var active = !!range || !showUnasserted.checked || relationTypes.some(function (rel) {
      return !typeBoxes[rel].checked;
    });
    cy.batch(function () {
      cy.edges().forEach(function (edge) {
        var e = edgeById[edge.id()];
        var keep = typeBoxes[e.relation].checked && (asserted(e) || showUnasserted.checked) &&
          sentencesInRange(e, range) > 0;
        edge.toggleClass("filtered", !keep);
      });
      cy.nodes().forEach(function (node) {
        var visibleEdges = node.connectedEdges().filter(function (x) { return !x.hasClass("filtered"); });
        var keep = visibleEdges.length > 0 ||
          (node.data("isolated") && showIsolated.checked && !active);
        node.toggleClass("filtered", !keep);
      });
    });
    updateCounts();
    if (selected && selected.hasClass("filtered")) { showNothing(); }
    else if (selected) { select(selected); }
  }

  function updateCounts() {
    relx.nodes = cy.nodes().not(".filtered").length;
    relx.edges = cy.edges().not(".filtered").length;
    document.body.setAttribute("data-nodes", String(relx.nodes));
    document.body.setAttribute("data-edges", String(relx.edges));
    var text = plural(relx.nodes, "actor") + " \u00b7 " + plural(relx.edges, "relation") +
      " \u00b7 " + plural(data.documents, "document");
    if (data.dates) {
      text += " \u00b7 " + (data.dates[0] === data.dates[1] ? data.dates[0]
        : data.dates[0] + " \u2013 " + data.dates[1]);
    }
    if (relx.nodes < data.nodes.length || relx.edges < data.edges.length) {
      text += " (filtered from " + data.nodes.length + " and " + data.edges.length + ")";
    }
    document.getElementById("stats").textContent = text;
  }

  // ------------------------------------------------------------------------------ legend
  var kindsPresent = [];
  data.nodes.forEach(function (n) { if (kindsPresent.indexOf(n.kind) < 0) { kindsPresent.push(n.kind); } });
  kindsPresent.sort();
  var legendKinds = document.getElementById("legend-kinds");
  kindsPresent.forEach(function (kind) {
    var item = el("li");
    var dot = el("span", null, "dot");
    dot.style.background = kindColour(kind);
    item.appendChild(dot);
    item.appendChild(document.createTextNode(kind));
    legendKinds.appendChild(item);
  });
  var legendRelations = document.getElementById("legend-relations");
  ["supports", "opposes", "meets"].forEach(function (rel) {
    var item = el("li");
    var line = el("span", null, "line");
    line.style.borderTopColor = relationColour(rel);
    item.appendChild(line);
    item.appendChild(document.createTextNode(rel + (rel === "meets" ? " (mutual)" : " \u2192")));
    legendRelations.appendChild(item);
  });
  if (anyUnasserted) {
    var item = el("li");
    item.appendChild(el("span", null, "line dashed"));
    item.appendChild(document.createTextNode("negated or not (yet) happened"));
    legendRelations.appendChild(item);
  }

  // ------------------------------------------------------------------------------ search
  var search = document.getElementById("search");
  var searchResult = document.getElementById("search-result");
  var datalist = document.getElementById("names");
  data.nodes.map(function (n) { return n.name; }).sort().forEach(function (name) {
    var option = el("option");
    option.value = name;
    datalist.appendChild(option);
  });

  function matches(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return cy.collection(); }
    return cy.nodes().not(".filtered").filter(function (node) {
      return node.data("name").toLowerCase().indexOf(q) >= 0 || node.id().toLowerCase() === q;
    });
  }
  function runSearch(zoom) {
    var found = matches(search.value);
    cy.batch(function () {
      cy.nodes().removeClass("match");
      found.addClass("match");
    });
    if (!search.value.trim()) { searchResult.textContent = ""; return found; }
    searchResult.textContent = found.length ? plural(found.length, "actor") + " found" +
      (zoom ? "" : " (Enter to show)") : "no actor matches";
    if (zoom && found.length === 1) { select(found[0]); }
    else if (zoom && found.length) {
      showOnly(found, 80);
    }
    return found;
  }
  search.addEventListener("input", function () { runSearch(false); });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { runSearch(true); }
  });
  search.addEventListener("change", function () { runSearch(true); });

  // ------------------------------------------------------------------------------ details
  var details = document.getElementById("details");
  var selected = null;

  function showNothing() {
    selected = null;
    cy.elements().removeClass("faded").unselect();
    clear(details);
    details.appendChild(el("p", data.nodes.length ? "Click an edge to read the sentences behind it," +
      " or an actor to see its network." : "No actors were found in these documents.", "hint"));
  }

  function sentenceWithTrigger(sentence, trigger) {
    var quote = el("blockquote");
    var at = trigger ? sentence.toLowerCase().indexOf(trigger.toLowerCase()) : -1;
    if (at < 0) { quote.textContent = sentence; return quote; }
    quote.appendChild(document.createTextNode(sentence.slice(0, at)));
    quote.appendChild(el("mark", sentence.slice(at, at + trigger.length)));
    quote.appendChild(document.createTextNode(sentence.slice(at + trigger.length)));
    return quote;
  }

  function edgeTitle(e) {
    var verb = (RELATION_WORDS[e.relation] || e.relation);
    if (e.negated) { verb = "does not " + verb.replace(/s$/, ""); }
    else if (!asserted(e)) { verb += " (" + e.modality + ")"; }
    return names[e.source] + " " + verb + " " + names[e.target];
  }

  function showEdge(edge) {
    var e = edgeById[edge.id()];
    var range = dateRange();
    clear(details);
    var heading = el("h2", edgeTitle(e));
    heading.id = "details-title";
    details.appendChild(heading);
    var meta = plural(e.weight, "sentence") + " in " + plural(e.docs.length, "document");
    var dates = Object.keys(e.dates);
    if (dates.length) {
      meta += ", " + (dates.length === 1 ? dates[0] : dates[0] + " \u2013 " + dates[dates.length - 1]);
    }
    details.appendChild(el("p", meta, "meta"));
    var list = el("ol");
    list.id = "evidence";
    var hidden = 0;
    e.evidence.forEach(function (ev) {
      if (range && !inRange(ev.date, range)) { hidden += 1; return; }
      var item = el("li");
      item.className = "evidence";
      item.appendChild(sentenceWithTrigger(ev.sentence, ev.trigger));
      var parts = [ev.doc];
      if (ev.date) { parts.push(ev.date); }
      if (ev.trigger) { parts.push("trigger \u201c" + ev.trigger + "\u201d"); }
      if (typeof ev.confidence === "number") { parts.push("confidence " + ev.confidence.toFixed(2)); }
      if (ev.negated) { parts.push("negated"); }
      if (ev.modality) { parts.push(ev.modality); }
      if (ev.rule) { parts.push("rule " + ev.rule); }
      item.appendChild(el("div", parts.join(" \u00b7 "), "meta"));
      list.appendChild(item);
    });
    details.appendChild(list);
    if (hidden) { details.appendChild(el("p", hidden + " outside the date range not shown.", "hint")); }
    if (e.more) { details.appendChild(el("p", e.more + " more not embedded in this page.", "hint")); }
  }

  function showNode(node) {
    var n = nodeById[node.id()];
    clear(details);
    var heading = el("h2", n.name);
    heading.id = "details-title";
    details.appendChild(heading);
    var facts = [n.kind, plural(n.mentions, "mention")];
    if (n.role) { facts.push(n.role); }
    if (n.country) { facts.push(n.country); }
    details.appendChild(el("p", facts.join(" \u00b7 "), "meta"));
    var edges = node.connectedEdges().not(".filtered");
    if (!edges.length) { details.appendChild(el("p", "No relations.", "hint")); return; }
    details.appendChild(el("p", plural(edges.length, "relation") + ":", "meta"));
    var list = el("ul");
    edges.sort(function (a, b) { return edgeById[b.id()].weight - edgeById[a.id()].weight; })
      .forEach(function (edge) {
        var e = edgeById[edge.id()];
        var item = el("li");
        var link = el("button", edgeTitle(e) + (e.weight > 1 ? " (" + e.weight + ")" : ""), "edge-link");
        link.type = "button";
        link.addEventListener("click", function () { select(edge); });
        item.appendChild(link);
        list.appendChild(item);
      });
    details.appendChild(list);
  }

  function select(ele) {
    selected = ele;
    cy.batch(function () {
      // an actor: its ego network stands out; an edge: selected in its context
      cy.elements().unselect().toggleClass("faded", ele.isNode());
      if (ele.isNode()) { ele.closedNeighborhood().removeClass("faded"); }
      ele.select();
    });
    if (ele.isNode()) {
      showNode(ele);
      showOnly(ele.closedNeighborhood().not(".filtered"), 60);
    } else {
      showEdge(ele);
    }
  }

  cy.on("tap", "node, edge", function (ev) { select(ev.target); });
  cy.on("tap", function (ev) { if (ev.target === cy) { showNothing(); } });
  cy.on("mouseover", "edge", function (ev) { ev.target.addClass("hover"); });
  cy.on("mouseout", "edge", function (ev) { ev.target.removeClass("hover"); });
  document.getElementById("reset").addEventListener("click", function () {
    search.value = "";
    runSearch(false);
    showNothing();
    cy.stop();
    cy.animate({ fit: { eles: cy.elements().not(".filtered"), padding: 20 }, duration: 300 });
  });

  // ------------------------------------------------------------------------------ start
  document.getElementById("title").textContent = data.title;
  var started = performance.now();
  runLayout();
  var laidOut = performance.now();
  applyFilters();
  showNothing();
  relx.timings = { layout: laidOut - started, filters: performance.now() - laidOut };
  relx.select = function (id) { select(cy.getElementById(id)); };
  relx.clear = showNothing;
  relx.ready = true;
  document.body.setAttribute("data-ready", "1");
})();
