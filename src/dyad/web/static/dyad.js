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
    ...graph.nodes.map(n => ({data: {id: "a" + n.id, actor: n.id, label: `${n.name} (${n.country})`,
                                     size: 18 + 4 * Math.sqrt(n.events), kind: n.kind}})),
    ...graph.edges.map((e, i) => ({data: {id: "e" + i, source: "a" + e.source, target: "a" + e.target,
                                          width: 1 + 7 * e.events / maxEvents, colour: scoreColour(e.mean_score),
                                          label: `${e.events} · ${e.mean_score.toFixed(1)}`}})),
  ];
  const cy = cytoscape({
    container: document.getElementById(target),
    elements: elements,
    layout: {name: elements.length > 2 ? "cose" : "grid", animate: false, nodeRepulsion: 9000},
    style: [
      {selector: "node", style: {label: "data(label)", width: "data(size)", height: "data(size)",
                                 "background-color": "#2f5fa7", "font-size": 10, color: "#1d2433"}},
      {selector: "node[kind = 'person']", style: {"background-color": "#7b61a8"}},
      {selector: "edge", style: {width: "data(width)", "line-color": "data(colour)",
                                 "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle",
                                 "curve-style": "bezier", opacity: 0.8}},
    ],
  });
  cy.on("tap", "node", evt => { window.location.href = "/actors/" + evt.target.data("actor"); });
  window.dyadNetwork = cy;
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
    panel.textContent = JSON.stringify(records[id], null, 2);
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
