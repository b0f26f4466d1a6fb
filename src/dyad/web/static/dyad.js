/* dyad dashboard: the chart, the network and the article view. Data comes in JSON script tags. */
"use strict";

function readJSON(id) {
  return JSON.parse(document.getElementById(id).textContent);
}

function dyadChart(target, figureId) {
  const fig = readJSON(figureId);
  Plotly.newPlot(target, fig.data, fig.layout, {responsive: true, displaylogo: false});
}

function scoreColour(score) {
  // -10 conflict (red) .. 0 (grey) .. +10 cooperation (green)
  const t = Math.max(-10, Math.min(10, score)) / 10;
  const [from, to] = t < 0 ? [[150, 150, 150], [178, 24, 43]] : [[150, 150, 150], [27, 120, 55]];
  const k = Math.abs(t);
  return `rgb(${from.map((c, i) => Math.round(c + (to[i] - c) * k)).join(",")})`;
}

function actorNetwork(target, graphId) {
  const graph = readJSON(graphId);
  const maxEvents = Math.max(1, ...graph.edges.map(e => e.events));
  const elements = [
    ...graph.nodes.map(n => ({data: {id: "a" + n.id, href: n.href, kind: n.kind,
                                     label: n.country && n.name !== n.country ? `${n.name} (${n.country})` : n.name,
                                     title: (n.members || []).join(", "),
                                     size: 14 + 5 * Math.sqrt(n.events)}})),
    ...graph.edges.map((e, i) => ({data: {id: "e" + i, source: "a" + e.source, target: "a" + e.target,
                                          width: 1 + 7 * e.events / maxEvents, colour: scoreColour(e.mean_score),
                                          label: `${e.events} · ${e.mean_score.toFixed(1)}`}})),
  ];
  const cy = cytoscape({
    container: document.getElementById(target),
    elements: elements,
    layout: {name: elements.length > 2 ? "cose" : "grid", animate: false, nodeRepulsion: 12000,
             idealEdgeLength: 50, componentSpacing: 30, nodeDimensionsIncludeLabels: true, randomize: false},
    style: [
      {selector: "node", style: {label: "data(label)", width: "data(size)", height: "data(size)",
                                 "background-color": "#2f5fa7", "font-size": 12, color: "#1d2433",
                                 "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "wrap",
                                 "text-max-width": 120, "text-outline-color": "#fff", "text-outline-width": 2}},
      {selector: "node[kind = 'person']", style: {"background-color": "#7b61a8"}},
      {selector: "node[kind = 'group']", style: {"background-color": "#c07a2c"}},
      {selector: "edge", style: {width: "data(width)", "line-color": "data(colour)",
                                 "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle",
                                 "curve-style": "bezier", opacity: 0.8}},
    ],
  });
  separateLabels(cy);
  cy.fit(undefined, 20);
  cy.on("tap", "node", evt => { window.location.href = evt.target.data("href"); });
  window.dyadNetwork = cy;
}

function labelOverlaps(cy) {
  // pairs of nodes whose boxes (node and label) intersect
  const boxes = cy.nodes().map(n => n.boundingBox({includeLabels: true, includeOverlays: false}));
  let pairs = 0;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs++;
    }
  }
  return pairs;
}

function separateLabels(cy) {
  // push apart the nodes whose labels overlap, a little at a time, until none do
  const nodes = cy.nodes();
  for (let round = 0; round < 200; round++) {
    let moved = false;
    const boxes = nodes.map(n => n.boundingBox({includeLabels: true, includeOverlays: false}));
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = boxes[i], b = boxes[j];
        const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
        const dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
        if (dx <= 0 || dy <= 0) continue;
        moved = true;
        const [p, q] = [nodes[i].position(), nodes[j].position()];
        const push = Math.min(dx, dy) / 2 + 2;
        if (dy < dx) {
          const s = p.y <= q.y ? -1 : 1;
          nodes[i].position({x: p.x, y: p.y + s * push});
          nodes[j].position({x: q.x, y: q.y - s * push});
        } else {
          const s = p.x <= q.x ? -1 : 1;
          nodes[i].position({x: p.x + s * push, y: p.y});
          nodes[j].position({x: q.x - s * push, y: q.y});
        }
        boxes[i] = nodes[i].boundingBox({includeLabels: true, includeOverlays: false});
        boxes[j] = nodes[j].boundingBox({includeLabels: true, includeOverlays: false});
      }
    }
    if (!moved) break;
  }
}

function articleView(selected) {
  const records = readJSON("records");
  const panel = document.getElementById("event-record");
  function show(id) {
    document.querySelectorAll(".evidence.active").forEach(el => el.classList.remove("active"));
    document.querySelectorAll(".event-item.selected").forEach(el => el.classList.remove("selected"));
    const spans = Array.from(document.querySelectorAll(".evidence")).filter(
      el => el.dataset.events.split(" ").includes(String(id)));
    spans.forEach(el => el.classList.add("active"));
    const item = document.querySelector(`.event-item[data-event="${id}"]`);
    if (item) item.classList.add("selected");
    panel.replaceChildren(...records[id].flatMap(([label, value]) => {
      const dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = label; dd.textContent = value;
      return [dt, dd];
    }));
    panel.hidden = false;
    if (spans.length) spans[0].scrollIntoView({block: "center"});
  }
  document.querySelectorAll(".event-item").forEach(el => el.addEventListener("click", ev => {
    ev.preventDefault(); show(el.dataset.event);
  }));
  document.querySelectorAll(".evidence").forEach(el => el.addEventListener("click", () => {
    show(el.dataset.events.split(" ")[0]);
  }));
  if (selected !== null && records[selected]) show(selected);
}
