/* dyad Map page: Natural Earth country outlines (vendored world-atlas TopoJSON), located events as
   points sized by count and coloured by QuadClass, merged when close on screen. No tiles, no CDN. */
"use strict";

const QUAD_COLOURS = {1: "#5aae61", 2: "#1b7837", 3: "#e08214", 4: "#b2182b"};
const SVG_NS = "http://www.w3.org/2000/svg";
const MERGE_PX = 26;

function el(tag, attrs, text) {
  const node = tag === "svg" || ["path", "g", "circle", "text"].includes(tag)
    ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

// equirectangular: x = longitude + 180, y = 90 - latitude, in degrees
function project(lon, lat) { return [lon + 180, 90 - lat]; }

function ringPath(ring) {
  let d = "", last = null;
  for (const [lon, lat] of ring) {
    const [x, y] = project(lon, lat);
    d += (last === null || Math.abs(lon - last) > 180 ? "M" : "L") + x.toFixed(2) + "," + y.toFixed(2);
    last = lon;
  }
  return d + "Z";
}

function featurePath(geometry) {
  if (!geometry) return "";
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map(p => p.map(ringPath).join("")).join("");
}

function scoreColour(score) {
  // -10 conflict (red) .. 0 (grey) .. +10 cooperation (green), as the network's edges
  const t = Math.max(-10, Math.min(10, score || 0)) / 10;
  const to = t < 0 ? [178, 24, 43] : [27, 120, 55], k = Math.abs(t);
  return `rgb(${[150, 150, 150].map((c, i) => Math.round(c + (to[i] - c) * k)).join(",")})`;
}

function eventMap(svgId, dataId, listId) {
  const svg = document.getElementById(svgId);
  const list = document.getElementById(listId);
  const data = readPoints(dataId);
  const land = el("g", {class: "land-layer"});
  const layer = el("g", {class: "points-layer"});
  svg.append(land, layer);
  let view = fit(data.points);
  const colourBy = document.getElementById("colour-by");
  function colour(group) {
    if (colourBy.value === "score") {
      const scored = group.members.filter(m => m.mean_score !== null);
      const n = scored.reduce((s, m) => s + m.reports, 0) || 1;
      return scoreColour(scored.reduce((s, m) => s + m.mean_score * m.reports, 0) / n);
    }
    return QUAD_COLOURS[group.members[0].quad_class] || "#777";
  }
  colourBy.addEventListener("change", () => drawPoints());

  function size() { const r = svg.getBoundingClientRect(); return [r.width || 1, r.height || 1]; }
  function scale() { return size()[0] / view.w; }
  function apply() {
    const [w, h] = size();
    view.h = view.w * h / w;
    svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
    drawPoints();
  }
  function fit(points) {
    if (!points.length) return {x: 0, y: 0, w: 360, h: 180};
    const xs = points.map(p => project(p.lon, p.lat)[0]), ys = points.map(p => project(p.lon, p.lat)[1]);
    const [w, h] = size();
    let bw = Math.max(30, Math.max(...xs) - Math.min(...xs) + 30);
    const bh = Math.max(15, Math.max(...ys) - Math.min(...ys) + 12);
    bw = Math.min(360, Math.max(bw, bh * w / h));
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2, cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    return {x: cx - bw / 2, y: cy - (bw * h / w) / 2, w: bw, h: bw * h / w};
  }
  function merged() {
    const k = scale(), groups = [];
    for (const p of [...data.points].sort((a, b) => b.count - a.count)) {
      const [x, y] = project(p.lon, p.lat);
      const near = groups.find(g => Math.hypot((g.x - x) * k, (g.y - y) * k) < MERGE_PX);
      if (near) { near.members.push(p); near.count += p.count; }
      else groups.push({x, y, members: [p], count: p.count});
    }
    return groups;
  }
  function drawPoints() {
    layer.replaceChildren();
    const k = scale();
    for (const g of merged()) {
      const radius = (5 + 3.2 * Math.sqrt(g.count)) / k;
      const circle = el("circle", {class: "point", cx: g.x, cy: g.y, r: radius, fill: colour(g),
                                   "data-count": g.count, "data-places": g.members.length});
      const names = g.members.map(m => m.name).join(", ");
      circle.append(el("title", {}, `${names}: ${g.count} ${data.counting}`));
      circle.addEventListener("click", ev => { ev.stopPropagation(); select(circle, g); });
      layer.append(circle);
      if (g.count > 1) {
        layer.append(el("text", {class: "point-label", x: g.x, y: g.y, style: `font-size: ${12 / k}px`}, String(g.count)));
      }
    }
  }
  function select(circle, group) {
    layer.querySelectorAll(".point.selected").forEach(c => c.classList.remove("selected"));
    circle.classList.add("selected");
    list.replaceChildren();
    for (const p of group.members) {
      list.append(el("h2", {}, `${p.name} (${p.country || "?"}) · ${p.events} events, ${p.reports} reports`));
      const ol = el("ol");
      for (const e of p.items) {
        const li = el("li", {class: "map-event"});
        li.append(el("span", {class: "nowrap"}, `${e.date || ""} `), el("strong", {}, e.type),
                  document.createTextNode(` ${e.source} → ${e.target || "—"} `));
        const link = el("a", {href: `/articles/${e.article}?event=${e.id}#event-${e.id}`, class: "evidence-link"},
                        e.evidence);
        li.append(el("br"), link);
        if (e.cluster) {
          li.append(el("br"), el("a", {href: `/clusters/${encodeURIComponent(e.cluster)}`, class: "muted"},
                                 `${e.articles} article${e.articles === 1 ? "" : "s"}: every report`));
        }
        ol.append(li);
      }
      list.append(ol);
    }
  }
  function zoom(factor, cx, cy) {
    const px = cx === undefined ? view.x + view.w / 2 : cx, py = cy === undefined ? view.y + view.h / 2 : cy;
    const w = Math.min(720, Math.max(2, view.w / factor));
    view = {x: px - (px - view.x) * w / view.w, y: py - (py - view.y) * w / view.w, w: w, h: view.h * w / view.w};
    apply();
  }
  function toMap(ev) {
    const r = svg.getBoundingClientRect();
    return [view.x + (ev.clientX - r.left) / scale(), view.y + (ev.clientY - r.top) / scale()];
  }
  svg.addEventListener("wheel", ev => { ev.preventDefault(); zoom(ev.deltaY < 0 ? 1.3 : 1 / 1.3, ...toMap(ev)); },
                       {passive: false});
  let drag = null;
  svg.addEventListener("pointerdown", ev => { drag = [ev.clientX, ev.clientY, view.x, view.y]; });
  window.addEventListener("pointerup", () => { drag = null; });
  svg.addEventListener("pointermove", ev => {
    if (!drag) return;
    view.x = drag[2] - (ev.clientX - drag[0]) / scale();
    view.y = drag[3] - (ev.clientY - drag[1]) / scale();
    svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
  });
  document.getElementById("zoom-in").addEventListener("click", () => zoom(1.5));
  document.getElementById("zoom-out").addEventListener("click", () => zoom(1 / 1.5));
  document.getElementById("zoom-fit").addEventListener("click", () => { view = fit(data.points); apply(); });
  window.addEventListener("resize", apply);
  apply();
  fetch("/static/vendor/world-atlas-countries-50m.json")
    .then(r => r.json())
    .then(topo => {
      for (const f of topojson.feature(topo, topo.objects.countries).features) {
        const path = el("path", {class: "land", d: featurePath(f.geometry)});
        path.append(el("title", {}, (f.properties && f.properties.name) || ""));
        land.append(path);
      }
      svg.dataset.ready = "true";
    });
  window.dyadMap = {zoom: zoom, view: () => view, merged: merged};
}

function readPoints(id) { return JSON.parse(document.getElementById(id).textContent); }
