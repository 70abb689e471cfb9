/* The parkgraph explorer: one graph model fed from the page's own data (kg viz) or from the server (kg serve),
   drawn with vis-network; filters decide what is visible, the panel lists every fact with its evidence. */
(function () {
  'use strict';
  var COLOURS = {Park: '#2e7d32', Enterprise: '#1565c0', Organization: '#ef6c00', Policy: '#6a1b9a', Designation: '#c62828'};
  var SHAPES = {Park: 'dot', Enterprise: 'dot', Organization: 'square', Policy: 'triangle', Designation: 'diamond'};
  var CLASS_ZH = {Park: '园区', Enterprise: '企业', Organization: '机构', Policy: '政策', Designation: '称号'};
  var KIND_ZH = {count: '企业数量', incentive: '奖励', recognition: '获得认定', locatedIn: '位于', issuedBy: '发布单位'};
  var KIND_BACK = {locatedIn: '区内企业', issuedBy: '发布的政策', recognition: '获得者', count: '园区数量', incentive: '提供奖励的园区'};
  var DESIGNATION_FACTS = {recognition: 1, count: 1, incentive: 1};
  var MAX_LISTED = 200;

  var D = JSON.parse(document.getElementById('data').textContent);
  var REMOTE = D.mode === 'remote';
  var ents = {}, facts = [], seenFacts = {}, links = [], shown = {}, filters = {off: {}, designation: '', level: '',
      year: '', confidence: 0, isolated: true}, selected = null, edgeLabels = false;
  var $ = function (id) { return document.getElementById(id); };

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }

  function ingest(p) {
    var ids = p.nodes.map(function (n) {
      var e = ents[n.id];
      if (!e) e = ents[n.id] = {id: n.id, label: n.label, cls: n.cls, aliases: n.aliases || [], facts: [], links: []};
      if (n.size != null) e.size = n.size;
      if (n.x != null) { e.x = n.x; e.y = n.y; }
      return n.id;
    });
    p.facts.forEach(function (a) {
      var f = {kind: a[0], s: ids[a[1]], o: ids[a[2]], level: a[3], year: a[4], value: a[5],
               evidence: p.strings[a[6]], source: p.strings[a[7]], confidence: a[8], rule: p.strings[a[9]]};
      if (REMOTE) {                  // the server may send a fact again with another node's neighbourhood
        var key = [f.kind, f.s, f.o, f.level, f.year, f.value, f.source, f.rule, f.evidence].join('\u0001');
        if (seenFacts[key]) return;
        seenFacts[key] = 1;
      }
      facts.push(f);
      ents[f.s].facts.push(f);
      if (f.o !== f.s) ents[f.o].facts.push(f);
    });
    (p.links || []).forEach(function (l) {
      var k = {s: ids[l[0]], o: ids[l[1]], firms: l[2], reported: l[3], reward: l[4]};
      links.push(k);
      ents[k.s].links.push(k);
      ents[k.o].links.push(k);
    });
    return ids;
  }

  function other(f, id) { return f.s === id ? f.o : f.s; }

  /* filters */
  function designationFilter() { return filters.designation || filters.level || filters.year; }
  function factOk(f) {
    if (f.confidence < filters.confidence) return false;
    if (!designationFilter()) return true;
    if (!DESIGNATION_FACTS[f.kind]) return false;
    return (!filters.designation || f.o === filters.designation) && (!filters.level || f.level === filters.level) &&
      (!filters.year || f.year === filters.year);
  }

  function visibleGraph() {
    var nodes = {}, groups = {}, id;
    var on = function (id) { return shown[id] && !filters.off[ents[id].cls]; };
    var summarised = {};             // a park and designation the overview links: their facts are in the panel
    if (D.mode !== 'full' && !designationFilter()) links.forEach(function (l) { if (on(l.s) && on(l.o)) summarised[l.s + '|' + l.o] = l; });
    facts.forEach(function (f) {
      if (!on(f.s) || !on(f.o) || !factOk(f) || summarised[f.s + '|' + f.o]) return;
      var k = f.s + '|' + f.o + '|' + f.kind;
      (groups[k] = groups[k] || []).push(f);
      nodes[f.s] = nodes[f.o] = true;
    });
    if (designationFilter()) {       // the parks of the firms left, and the issuers of the policies left
      facts.forEach(function (f) {
        if (DESIGNATION_FACTS[f.kind] || !nodes[f.s] || !on(f.o) || f.confidence < filters.confidence) return;
        var k = f.s + '|' + f.o + '|' + f.kind;
        (groups[k] = groups[k] || []).push(f);
        nodes[f.o] = true;
      });
    }
    var summary = Object.keys(summarised).map(function (k) { var l = summarised[k]; nodes[l.s] = nodes[l.o] = true; return l; });
    for (id in shown) if (on(id) && (!filters.isolated || nodes[id]) && !designationFilter()) nodes[id] = true;
    if (selected && shown[selected]) nodes[selected] = true;
    return {nodes: nodes, groups: groups, summary: summary};
  }

  /* drawing */
  var nodeSet = new vis.DataSet(), edgeSet = new vis.DataSet(), current = {groups: {}};
  var network = new vis.Network($('graph'), {nodes: nodeSet, edges: edgeSet}, {
    physics: false,
    interaction: {hover: true, hideEdgesOnDrag: true, multiselect: false},
    nodes: {font: {size: 14, strokeWidth: 3, strokeColor: '#ffffff'}, borderWidth: 1,
            scaling: {min: 8, max: 22, label: {enabled: true, min: 14, max: 20, drawThreshold: 6, maxVisible: 30}}},
    edges: {arrows: {to: {enabled: true, scaleFactor: 0.5}}, smooth: false, font: {size: 11, strokeWidth: 3, align: 'middle'},
            color: {inherit: false}},
    layout: {improvedLayout: false}
  });

  function neighbours(id) {
    var out = {};
    ents[id].facts.forEach(function (f) { out[other(f, id)] = true; });
    ents[id].links.forEach(function (l) { out[other(l, id)] = true; });
    return out;
  }

  function nodeView(e, dim) {
    var c = COLOURS[e.cls];
    return {id: e.id, label: e.label, shape: SHAPES[e.cls], x: e.x, y: e.y,
            value: e.size != null ? Math.max(e.size, 1) : Math.max(e.facts.length, 1),
            color: dim ? {background: '#e4e4e4', border: '#d0d0d0'} : {background: c, border: c,
                   highlight: {background: c, border: '#000'}, hover: {background: c, border: '#000'}},
            font: {color: dim ? '#c0c0c0' : '#222'}};
  }

  function edgeLabel(fs) {
    var f = fs[0];
    if (f.kind === 'count') return fs.map(function (g) { return g.value + '家' + (g.year ? '(' + g.year + ')' : ''); }).join(' ');
    if (f.kind === 'incentive') return fs.map(function (g) { return formatAmount(g.value); }).join(' ');
    return KIND_ZH[f.kind] + (f.year ? ' ' + f.year : '');
  }

  function formatAmount(v) {
    var n = Number(v);
    return n >= 10000 ? (n / 10000) + '万元' : n + '元';
  }

  function refresh() {
    var g = visibleGraph(), near = selected ? neighbours(selected) : null, nodes = [], edges = [], k;
    current = g;
    for (k in g.nodes) {
      if (ents[k].x == null) place(k);
      nodes.push(nodeView(ents[k], near && k !== selected && !near[k]));
    }
    for (k in g.groups) {
      var fs = g.groups[k], f = fs[0], lit = !near || f.s === selected || f.o === selected;
      var colour = f.kind === 'locatedIn' ? '#78909c' : f.kind === 'issuedBy' ? '#9575cd' : COLOURS.Designation;
      edges.push({id: k, from: f.s, to: f.o, width: Math.min(1 + fs.length, 5), dashes: f.kind === 'count' || f.kind === 'incentive',
                  color: {color: lit ? colour : '#eeeeee', highlight: '#000', hover: '#000'},
                  label: edgeLabels ? edgeLabel(fs) : undefined});
    }
    g.summary.forEach(function (l) {
      var lit = !near || l.s === selected || l.o === selected;
      edges.push({id: 'L|' + l.s + '|' + l.o, from: l.s, to: l.o, width: Math.min(1 + Math.log(1 + l.firms + l.reported) / 2, 6),
                  color: {color: lit ? (near ? '#8d6e63' : 'rgba(141,110,99,0.18)') : '#f0f0f0', highlight: '#000', hover: '#000'},
                  label: edgeLabels ? (l.firms ? l.firms + '家企业' : '') + (l.reported ? ' 报告' + l.reported + '家' : '') : undefined});
    });
    sync(nodeSet, nodes);
    sync(edgeSet, edges);
    $('status').textContent = nodes.length + ' 节点 nodes · ' + edges.length + ' 边 edges' + (D.reached > D.nodes.length ?
      ' · 焦点范围内共 ' + D.reached + ' 个实体，页面含最近的 ' + D.nodes.length + ' 个 (the nearest of ' + D.reached + ' in reach)' : '');
  }

  function sync(set, items) {
    var keep = {};
    items.forEach(function (i) { keep[i.id] = true; });
    set.remove(set.getIds().filter(function (id) { return !keep[id]; }));
    set.update(items);
  }

  /* a node without a position goes on a ring around its first positioned neighbour */
  var rings = {};
  function place(id) {
    var e = ents[id], anchor = null, n;
    for (n in neighbours(id)) if (ents[n].x != null && shown[n]) { anchor = ents[n]; break; }
    if (!anchor) {
      var c = network.getViewPosition();
      e.x = c.x; e.y = c.y;
      return;
    }
    var slot = rings[anchor.id] = (rings[anchor.id] || 0) + 1, ring = 1, cap = 8;
    while (slot > cap) { slot -= cap; ring += 1; cap = 8 * ring; }
    var angle = 2 * Math.PI * slot / cap + ring * 0.4, radius = 150 * ring;
    e.x = anchor.x + radius * Math.cos(angle);
    e.y = anchor.y + radius * Math.sin(angle);
  }

  /* expand and collapse */
  function load(id) {
    if (!REMOTE || ents[id].loaded) return Promise.resolve();
    return fetch('api/node?id=' + encodeURIComponent(id)).then(function (r) { return r.json(); }).then(function (p) {
      ingest(p);
      ents[id].loaded = true;
      ents[id].more = p.more;
      fillFilters();
    });
  }

  function expanded(id) {
    var near = neighbours(id), n;
    for (n in near) if (!shown[n]) return false;
    return Object.keys(near).length > 0;
  }

  function toggle(id) {
    return load(id).then(function () {
      var near = neighbours(id), n;
      if (expanded(id)) {
        for (n in near) {
          var others = neighbours(n), m, kept = false;
          for (m in others) if (m !== id && shown[m] && current.nodes[m]) { kept = true; break; }
          if (!kept) delete shown[n];
        }
      } else {
        for (n in near) shown[n] = true;
      }
      $('overview').hidden = D.mode === 'full';
      refresh();
    });
  }

  /* tooltips and the panel */
  var tip = $('tip');
  function showTip(html, pointer) {
    tip.innerHTML = html;
    tip.hidden = false;
    var box = $('graph').getBoundingClientRect(), w = tip.offsetWidth, h = tip.offsetHeight;
    var x = box.left + pointer.x + 14, y = box.top + pointer.y + 14;
    if (x + w > window.innerWidth - 4) x = Math.max(4, box.left + pointer.x - w - 14);
    if (y + h > window.innerHeight - 4) y = Math.max(4, box.top + pointer.y - h - 14);
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
  }

  function nodeTip(e) {
    var kinds = {};
    e.facts.forEach(function (f) { var k = f.s === e.id ? KIND_ZH[f.kind] : KIND_BACK[f.kind]; kinds[k] = (kinds[k] || 0) + 1; });
    return '<b>' + esc(e.label) + '</b> <span class="cls" style="background:' + COLOURS[e.cls] + '">' + CLASS_ZH[e.cls] +
      '</span>' + (e.aliases.length ? '<div class="aliases">又名 ' + esc(e.aliases.slice(0, 5).join('、')) + '</div>' : '') +
      (e.size ? '<div>区内企业 ' + e.size + ' 家</div>' : '') +
      '<div class="meta">' + Object.keys(kinds).map(function (k) { return esc(k) + ' ' + kinds[k]; }).join(' · ') + '</div>' +
      '<div class="meta">单击查看全部事实 click for every fact · 双击展开/收起 double-click to expand/collapse</div>';
  }

  function factHtml(f, about) {
    var there = other(f, about), e = ents[there], what = f.s === about ? KIND_ZH[f.kind] : KIND_BACK[f.kind];
    var value = f.kind === 'count' ? f.value + ' 家' : f.kind === 'incentive' ? formatAmount(f.value) : '';
    return '<div class="fact" style="border-color:' + COLOURS[e.cls] + '"><span class="what">' + esc(what) + '</span>：<a data-id="' +
      esc(there) + '">' + esc(e.label) + '</a>' + (value ? ' <b>' + esc(value) + '</b>' : '') +
      (f.level ? ' <span>' + esc(f.level) + '</span>' : '') + (f.year ? ' <span>' + esc(f.year) + '年</span>' : '') +
      '<div class="evidence">' + esc(f.evidence) + '</div><div class="meta"><span class="source">来源 ' + esc(f.source) +
      '</span><span class="confidence">置信度 ' + f.confidence + '</span><span class="rule">规则 ' + esc(f.rule) + '</span></div></div>';
  }

  function openPanel(id) {
    var e = ents[id], html = '<h2>' + esc(e.label) + '</h2><span class="cls" style="background:' + COLOURS[e.cls] + '">' +
      CLASS_ZH[e.cls] + ' ' + e.cls + '</span>';
    if (e.aliases.length) html += '<div class="aliases">别名 aliases：' + esc(e.aliases.join('、')) + '</div>';
    html += '<div><button class="expand" type="button" data-toggle="' + esc(id) + '">' +
      (expanded(id) ? '收起邻居 collapse' : '展开邻居 expand') + '</button></div>';
    if (e.links.length && e.cls === 'Park') {
      html += '<h3>各称号统计 by designation</h3><table class="tally"><tr><th>称号</th><th>区内获评企业</th><th>报告数量</th><th>最高奖励</th></tr>' +
        e.links.map(function (l) {
          return '<tr><td><a data-id="' + esc(l.o) + '">' + esc(ents[l.o].label) + '</a></td><td>' + (l.firms || '') + '</td><td>' +
            (l.reported || '') + '</td><td>' + (l.reward ? formatAmount(l.reward) : '') + '</td></tr>';
        }).join('') + '</table>';
    }
    var groups = {};
    e.facts.forEach(function (f) {
      var k = f.s === id ? KIND_ZH[f.kind] : KIND_BACK[f.kind];
      (groups[k] = groups[k] || []).push(f);
    });
    var order = Object.keys(KIND_ZH).map(function (k) { return KIND_ZH[k]; }).concat(Object.keys(KIND_BACK).map(function (k) { return KIND_BACK[k]; }));
    Object.keys(groups).sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); }).forEach(function (k) {
      var fs = groups[k];
      html += '<h3>' + esc(k) + ' (' + fs.length + ')</h3>' + fs.slice(0, MAX_LISTED).map(function (f) { return factHtml(f, id); }).join('') +
        (fs.length > MAX_LISTED ? '<div class="meta">… ' + (fs.length - MAX_LISTED) + ' more</div>' : '');
    });
    if (e.more) html += '<div class="meta">服务器只返回了前 ' + e.facts.length + ' 条 (the server sent the first facts only)</div>';
    $('panel-body').innerHTML = html;
    $('panel').hidden = false;
  }

  function openEdge(k) {
    var fs = current.groups[k];
    if (!fs) return;
    $('panel-body').innerHTML = '<h2>' + esc(ents[fs[0].s].label) + ' → ' + esc(ents[fs[0].o].label) + '</h2>' +
      fs.map(function (f) { return factHtml(f, f.s); }).join('');
    $('panel').hidden = false;
  }

  function select(id) {
    selected = id;
    refresh();
    if (id) { network.selectNodes([id]); openPanel(id); }
  }

  function reveal(id) {
    return load(id).then(function () {
      if (!shown[id]) {
        shown[id] = true;
        if (ents[id].x == null) place(id);
        for (var n in neighbours(id)) shown[n] = true;
      }
      $('overview').hidden = D.mode === 'full';
      select(id);
      network.focus(id, {scale: Math.max(network.getScale(), 0.8), animation: false});
    });
  }

  /* search */
  var found = [];
  function localSearch(q) {
    var hits = [];
    for (var id in ents) {
      var e = ents[id];
      if (e.label.indexOf(q) >= 0 || e.aliases.some(function (a) { return a.indexOf(q) >= 0; })) hits.push(e);
    }
    hits.sort(function (a, b) {
      var ea = a.label === q || a.aliases.indexOf(q) >= 0, eb = b.label === q || b.aliases.indexOf(q) >= 0;
      return (eb - ea) || (a.label.length - b.label.length) || (a.label < b.label ? -1 : 1);
    });
    return Promise.resolve(hits.slice(0, 30));
  }
  function remoteSearch(q) {
    return fetch('api/search?q=' + encodeURIComponent(q)).then(function (r) { return r.json(); }).then(function (p) {
      return ingest(p).map(function (id) { return ents[id]; });
    });
  }
  $('search').addEventListener('input', function () {
    var q = this.value.trim();
    if (!q) { $('results').className = ''; return; }
    (REMOTE ? remoteSearch : localSearch)(q).then(function (hits) {
      if ($('search').value.trim() !== q) return;
      found = hits;
      $('results').innerHTML = hits.length ? hits.map(function (e) {
        var alias = e.label.indexOf(q) < 0 ? e.aliases.filter(function (a) { return a.indexOf(q) >= 0; })[0] : '';
        return '<div data-id="' + esc(e.id) + '">' + esc(e.label) + '<small>' + CLASS_ZH[e.cls] +
          (alias ? ' · 又名 ' + esc(alias) : '') + '</small></div>';
      }).join('') : '<div>无结果 nothing found</div>';
      $('results').className = 'open';
    });
  });
  $('search').addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && found.length) { $('results').className = ''; reveal(found[0].id); }
    if (ev.key === 'Escape') $('results').className = '';
  });
  $('results').addEventListener('click', function (ev) {
    var t = ev.target.closest('[data-id]');
    if (t) { $('results').className = ''; reveal(t.getAttribute('data-id')); }
  });

  /* the bar: legend, filters */
  Object.keys(COLOURS).forEach(function (cls) {
    var key = document.createElement('span');
    key.className = 'key';
    key.setAttribute('data-cls', cls);
    key.innerHTML = '<i style="background:' + COLOURS[cls] + '"></i>' + CLASS_ZH[cls] + ' ' + cls;
    key.title = '点击显示/隐藏 click to show or hide';
    key.addEventListener('click', function () {
      filters.off[cls] = !filters.off[cls];
      key.classList.toggle('off', !!filters.off[cls]);
      refresh();
    });
    $('legend').appendChild(key);
  });

  var filled = {designation: {}, level: {}, year: {}};
  function addOption(select, seen, value, text) {
    if (!value || seen[value]) return;
    seen[value] = true;
    var o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    select.appendChild(o);
  }
  function fillFilters() {
    var years = {}, designations = {};
    facts.forEach(function (f) {
      if (DESIGNATION_FACTS[f.kind]) designations[f.o] = (designations[f.o] || 0) + 1;
      if (f.level) addOption($('f-level'), filled.level, f.level, f.level);
      if (f.year) years[f.year] = true;
    });
    Object.keys(designations).sort(function (a, b) { return designations[b] - designations[a]; }).forEach(function (d) {
      addOption($('f-designation'), filled.designation, d, ents[d].label);
    });
    Object.keys(years).sort().reverse().forEach(function (y) { addOption($('f-year'), filled.year, y, y); });
  }
  ['designation', 'level', 'year'].forEach(function (name) {
    $('f-' + name).addEventListener('change', function () { filters[name] = this.value; refresh(); });
  });
  $('f-confidence').addEventListener('input', function () {
    filters.confidence = Number(this.value);
    $('f-confidence-value').textContent = this.value;
    refresh();
  });
  $('f-isolated').addEventListener('change', function () { filters.isolated = this.checked; refresh(); });
  $('fit').addEventListener('click', function () { network.fit({animation: false}); });
  $('overview').addEventListener('click', function () { start(); network.fit({animation: false}); });
  $('close').addEventListener('click', function () { $('panel').hidden = true; select(null); network.unselectAll(); });
  $('panel').addEventListener('click', function (ev) {
    var t = ev.target.closest('[data-id]'), b = ev.target.closest('[data-toggle]');
    if (t) reveal(t.getAttribute('data-id'));
    if (b) toggle(b.getAttribute('data-toggle')).then(function () { openPanel(b.getAttribute('data-toggle')); });
  });

  /* the network's events */
  network.on('hoverNode', function (p) { showTip(nodeTip(ents[p.node]), p.pointer.DOM); });
  network.on('blurNode', function () { tip.hidden = true; });
  network.on('hoverEdge', function (p) {
    var fs = current.groups[p.edge];
    if (fs) {
      showTip('<b>' + esc(ents[fs[0].s].label) + '</b> ' + esc(KIND_ZH[fs[0].kind]) + ' <b>' + esc(ents[fs[0].o].label) + '</b>' +
        fs.slice(0, 3).map(function (f) {
          return '<div>' + esc(edgeLabel([f])) + (f.level ? ' ' + esc(f.level) : '') + '</div><div class="evidence">' +
            esc(f.evidence) + '</div><div class="meta">' + esc(f.source) + ' · 置信度 ' + f.confidence + '</div>';
        }).join('') + (fs.length > 3 ? '<div class="meta">… ' + (fs.length - 3) + ' more</div>' : ''), p.pointer.DOM);
    } else if (p.edge.indexOf('L|') === 0) {
      var parts = p.edge.split('|'), l = ents[parts[1]].links.filter(function (x) { return x.o === parts[2]; })[0];
      showTip('<b>' + esc(ents[l.s].label) + '</b> · ' + esc(ents[l.o].label) + '<div>区内获评企业 ' + l.firms + ' 家' +
        (l.reported ? '，报告数量 ' + l.reported + ' 家' : '') + (l.reward ? '，最高奖励 ' + formatAmount(l.reward) : '') + '</div>', p.pointer.DOM);
    }
  });
  network.on('blurEdge', function () { tip.hidden = true; });
  network.on('dragStart', function () { tip.hidden = true; });
  network.on('click', function (p) {
    tip.hidden = true;
    if (p.nodes.length) select(p.nodes[0]);
    else if (p.edges.length) openEdge(p.edges[0]);
    else if (selected) select(null);
  });
  network.on('doubleClick', function (p) { if (p.nodes.length) toggle(p.nodes[0]); });
  network.on('dragEnd', function (p) {
    p.nodes.forEach(function (id) { var q = network.getPosition(id); ents[id].x = q.x; ents[id].y = q.y; });
  });
  network.on('zoom', function (p) {
    var want = p.scale > 1.2;
    if (want !== edgeLabels) { edgeLabels = want; refresh(); }
  });

  function start() {
    shown = {};
    selected = null;
    D.nodes.forEach(function (n) { if (n.x != null) shown[n.id] = true; });
    $('overview').hidden = true;
    refresh();
  }

  function resize() {
    document.documentElement.style.setProperty('--bar', $('bar').offsetHeight + 'px');
    network.redraw();
  }
  window.addEventListener('resize', resize);

  ingest(D);
  fillFilters();
  resize();
  start();
  network.once('afterDrawing', function () { window.parkgraphReadyAt = performance.now(); window.parkgraphReady = true; });
  network.fit({animation: false});
  if (D.focus) select(D.focus);
  // the page's handle for its tests, the benchmark and the screenshots
  window.parkgraph = {mode: D.mode, network: network, nodes: nodeSet, edges: edgeSet, entities: ents, colours: COLOURS, reveal: reveal};
})();
