// The page of `mekong serve`: a timeline of events for a pair of countries,
// a chart per indicator, agreements and projects, full-text search, and a
// source view with the stating line highlighted. Everything that comes from
// the database is put in the page as text (textContent), never as HTML.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './style.css';

const $ = (id) => document.getElementById(id);

// Element builder: strings become text nodes, so data is never parsed as HTML.
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// --------------------------------------------------------------- state --

function readHash() {
  const p = new URLSearchParams(location.hash.replace(/^#/, ''));
  return Object.fromEntries(p.entries());
}

function writeHash(state) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(state)) if (v) p.set(k, v);
  const s = p.toString();
  history.replaceState(null, '', s ? '#' + s : location.pathname);
}

function filters() {
  return {
    dyad: $('dyad').value,
    from: $('from').value.trim(),
    to: $('to').value.trim(),
    cameo: $('cameo').value,
    person: $('person').value.trim(),
  };
}

// ----------------------------------------------------------------- api --

let pending = 0;
function status(text, isError) {
  const s = $('status');
  s.textContent = text || '';
  s.classList.toggle('error', !!isError);
}

async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== '' && v !== undefined && v !== null) q.set(k, v);
  const url = path + (q.toString() ? '?' + q : '');
  pending++;
  status('Loading…');
  try {
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await res.json();
    if (!res.ok) throw new Error(body && body.error ? body.error : res.status + ' ' + res.statusText);
    return body;
  } finally {
    if (--pending === 0 && $('status').textContent === 'Loading…') status('');
  }
}

// ------------------------------------------------------------ formats --

const fmtFull = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const fmtShort = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 });

function dateRange(d) {
  if (!d) return '';
  return d.start === d.end || !d.end ? d.start : d.start + ' – ' + d.end;
}

function period(p) {
  if (!p) return '';
  return p.start === p.end || !p.end ? p.start || '' : (p.start || '…') + ' – ' + p.end;
}

function actor(a) {
  if (!a) return '';
  return [a.country, a.person, a.role ? '(' + a.role + ')' : ''].filter(Boolean).join(' ');
}

// First or last instant of an ISO date cut to year, month or day, in seconds.
function instant(iso, last) {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return null;
  const y = +m[1];
  const mo = m[2] ? +m[2] - 1 : last ? 11 : 0;
  if (m[3]) return Date.UTC(y, mo, +m[3] + (last ? 1 : 0)) / 1000 - (last ? 1 : 0);
  if (last) return Date.UTC(y, mo + 1, 1) / 1000 - 1;
  return Date.UTC(y, mo, 1) / 1000;
}

// ----------------------------------------------------------- sources --

function sourceButton(src, label) {
  return h('button', {
    type: 'button',
    class: 'source-link link',
    title: src.title || src.doc_id,
    onclick: () => openSource(src.doc, src.line, src.span),
  }, label || (src.site || src.doc_id) + ' · line ' + src.line);
}

function sourceList(sources) {
  return h('ul', { class: 'sources' }, sources.map((s) => h('li', {},
    sourceButton(s),
    s.published ? h('span', { class: 'meta' }, ' ' + s.published.slice(0, 10)) : null,
    s.title ? h('div', { class: 'source-title' }, s.title) : null)));
}

// Byte offsets of a UTF-8 line -> the three parts of the JavaScript string.
function splitBytes(text, span) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const b = Math.max(0, Math.min(span[0], bytes.length));
  const e = Math.max(b, Math.min(span[1], bytes.length));
  return [dec.decode(bytes.slice(0, b)), dec.decode(bytes.slice(b, e)), dec.decode(bytes.slice(e))];
}

async function openSource(docId, line, span) {
  let doc;
  try {
    // The server answers at most 2,000 lines at a time: a page around the stated line.
    doc = await api('/api/documents/' + encodeURIComponent(docId), { offset: line > 2000 ? line - 1000 : 0 });
  } catch (err) {
    status('Cannot open the source: ' + err.message, true);
    return;
  }
  $('source-title').textContent = doc.title || doc.doc_id;
  const meta = clear($('source-meta'));
  if (doc.published) meta.append(doc.published.value + ' · ');
  if (doc.url && /^https?:\/\//i.test(doc.url)) {
    meta.append(h('a', { href: doc.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, doc.site || doc.url));
  } else {
    meta.append(doc.origin);
  }
  meta.append(' · line ' + line);
  if (doc.lines.length && (doc.lines_truncated || doc.lines_offset > 0)) {
    meta.append(' · lines ' + doc.lines[0].n + '–' + doc.lines[doc.lines.length - 1].n + ' of ' + doc.line_count);
  }
  const list = clear($('source-lines'));
  let target = null;
  for (const l of doc.lines) {
    const li = h('li', { value: l.n, class: 'line ' + l.kind, dataset: { n: l.n } });
    if (l.n === line) {
      li.classList.add('hl');
      if (span && span[1] > span[0]) {
        const [a, m, z] = splitBytes(l.text, span);
        li.append(a, h('mark', {}, m), z);
      } else {
        li.append(l.text);
      }
      target = li;
    } else {
      li.append(l.text || '\u00a0');
    }
    list.append(li);
  }
  const box = $('source');
  box.hidden = false;
  document.body.classList.add('modal-open');
  const state = readHash();
  state.doc = docId;
  state.line = line;
  writeHash(state);
  if (target) target.scrollIntoView({ block: 'center' });
  $('source-close').focus({ preventScroll: true });
}

function closeSource() {
  $('source').hidden = true;
  document.body.classList.remove('modal-open');
  const state = readHash();
  delete state.doc;
  delete state.line;
  writeHash(state);
}

// ----------------------------------------------------------- timeline --

const QUAD = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };

function renderTimeline(page) {
  const list = clear($('timeline'));
  $('events-count').textContent = page.count ? '(' + page.count + (page.truncated ? '+' : '') + ')' : '';
  if (!page.items.length) {
    list.append(h('li', { class: 'empty' }, 'No events for this choice.'));
    return;
  }
  let year = null;
  for (const e of page.items) {
    const y = (e.date.start || '').slice(0, 4);
    if (y !== year) {
      year = y;
      list.append(h('li', { class: 'year' }, y));
    }
    const mech = e.mechanism ? e.mechanism.name + (e.mechanism.session ? ', session ' + e.mechanism.session : '') : null;
    list.append(h('li', { class: 'event quad' + (e.quad_class || 0), dataset: { id: e.id } },
      h('div', { class: 'when' }, dateRange(e.date)),
      h('div', { class: 'what' },
        h('div', { class: 'action' },
          h('span', { class: 'code', title: QUAD[e.quad_class] || '' }, e.cameo),
          ' ', e.cameo_name || 'event',
          e.status === 'planned' ? h('span', { class: 'badge' }, 'planned') : null),
        h('div', { class: 'actors' }, actor(e.actor1), ' → ', actor(e.actor2)),
        mech ? h('div', { class: 'meta' }, mech) : null,
        e.location ? h('div', { class: 'meta' }, e.location) : null,
        h('details', { class: 'event-sources', open: e.sources.length <= 2 },
          h('summary', {}, e.mentions + (e.mentions === 1 ? ' source' : ' sources') +
            (e.documents !== e.mentions ? ' in ' + e.documents + ' articles' : '')),
          sourceList(e.sources)))));
  }
}

let activityChart = null;
function renderActivity(items) {
  const box = clear($('activity'));
  if (activityChart) {
    activityChart.destroy();
    activityChart = null;
  }
  if (items.length < 2) return;
  // Events per month.
  const counts = new Map();
  for (const e of items) {
    const t = instant((e.date.start || '').slice(0, 7), false);
    if (t !== null) counts.set(t, (counts.get(t) || 0) + 1);
  }
  const xs = [...counts.keys()].sort((a, b) => a - b);
  const ys = xs.map((x) => counts.get(x));
  activityChart = new uPlot({
    width: box.clientWidth || 600,
    height: 120,
    legend: { show: false },
    cursor: { show: false },
    // A month of margin each side so the first and last bars show whole.
    scales: { x: { time: true, range: (u, a, b) => [a - 86400 * 31, b + 86400 * 31] }, y: { range: [0, Math.max(...ys) + 1] } },
    axes: [{}, { size: 30, splits: (u, i, min, max) => [0, Math.ceil(max / 2), max] }],
    series: [{}, { label: 'events', fill: 'rgba(32, 110, 160, .35)', stroke: '#206ea0', paths: uPlot.paths.bars({ size: [0.6, 24] }), points: { show: false } }],
  }, [xs, ys], box);
}

// ------------------------------------------------------------- charts --

const charts = [];
function renderFigures(page) {
  const box = clear($('charts'));
  while (charts.length) charts.pop().destroy();
  const groups = new Map();
  for (const f of page.items) {
    const key = [f.indicator, f.unit, f.measure, f.from || '', f.to || ''].join('|');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(f);
  }
  if (!groups.size) {
    box.append(h('p', { class: 'empty' }, 'No figures for this choice.'));
    return;
  }
  for (const figs of groups.values()) {
    const f0 = figs[0];
    const dir = f0.from || f0.to ? ' ' + (f0.from || '?') + ' → ' + (f0.to || '?') : '';
    const title = f0.indicator.replace(/_/g, ' ') + dir + ' (' + f0.unit + (f0.measure === 'change' ? ', change' : '') + ')';
    const plot = h('div', { class: 'plot' });
    const rows = figs.map((f) => h('tr', { class: f.conflict ? 'conflict' : '' },
      h('td', {}, period(f.period)),
      h('td', { class: 'num' }, (f.approx !== 'exact' ? f.approx + ' ' : '') + fmtFull.format(f.value)),
      h('td', {}, f.conflict
        ? h('span', { class: 'badge warn', title: 'sources disagree by more than 0.5 %' },
          'conflict: ' + f.values.slice(1).map((v) => fmtFull.format(v.value)).join(', '))
        : ''),
      h('td', {}, f.values.map((v) => v.sources.map((s) => sourceButton(s, (s.site || s.doc_id) + ':' + s.line)))
        .flat())));
    const card = h('article', { class: 'chart' },
      h('h3', {}, title),
      plot,
      h('div', { class: 'table-wrap' }, h('table', { class: 'items' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Period'), h('th', {}, 'Value'), h('th', {}, ''), h('th', {}, 'Sources'))),
        h('tbody', {}, rows))));
    box.append(card);
    // Each value at the end of its period (the day it is 'as of'); values
    // other sources give, as red points.
    const pts = figs.map((f) => ({ x: instant(f.period && (f.period.end || f.period.start), true), f }))
      .filter((p) => p.x !== null).sort((a, b) => a.x - b.x);
    if (!pts.length) continue;
    const xs = pts.map((p) => p.x);
    const main = pts.map((p) => p.f.value);
    const other = pts.map((p) => (p.f.values.length > 1 ? p.f.values[1].value : null));
    const conflicts = other.some((v) => v !== null);
    const lo = xs[0];
    const hi = xs[xs.length - 1];
    const pad = hi > lo ? (hi - lo) * 0.06 : 86400 * 365;
    const series = [
      {},
      { label: 'value', stroke: '#206ea0', width: 2, points: { size: 7 }, value: (u, v) => (v === null ? '–' : fmtFull.format(v)) },
    ];
    if (conflicts) {
      series.push({ label: 'other sources', stroke: '#c0392b', width: 0, points: { size: 7, fill: '#c0392b' }, paths: () => null, value: (u, v) => (v === null ? '–' : fmtFull.format(v)) });
    }
    charts.push(new uPlot({
      width: plot.clientWidth || 320,
      height: 200,
      legend: { show: conflicts },
      scales: { x: { time: true, range: () => [lo - pad, hi + pad] } },
      axes: [{}, { size: 60, values: (u, vals) => vals.map((v) => fmtShort.format(v)) }],
      series,
    }, conflicts ? [xs, main, other] : [xs, main], plot));
  }
}

// ------------------------------------------------------------- tables --

function renderItems(tableId, page, cells) {
  const body = clear(document.querySelector('#' + tableId + ' tbody'));
  if (!page.items.length) {
    body.append(h('tr', {}, h('td', { colspan: 4, class: 'empty' }, 'None for this choice.')));
    return;
  }
  for (const it of page.items) body.append(h('tr', {}, cells(it).map((c) => h('td', {}, c))));
}

// -------------------------------------------------------------- loads --

async function loadDyads() {
  const page = await api('/api/dyads');
  const sel = clear($('dyad'));
  sel.append(h('option', { value: '' }, 'all pairs'));
  for (const d of page.items) {
    const label = (d.names || d.countries).join(' – ');
    sel.append(h('option', { value: d.dyad }, label + ' · ' + d.dyad + ' (' + d.events + ' events)'));
  }
}

async function loadAll() {
  const f = filters();
  writeHash({ ...readHash(), ...f });
  const scope = { dyad: f.dyad };
  try {
    const [events, figures, agreements, projects] = await Promise.all([
      api('/api/events', { ...f, limit: 1000 }),
      api('/api/figures', { dyad: f.dyad, from: f.from, to: f.to, limit: 1000 }),
      api('/api/agreements', { ...scope, limit: 1000 }),
      api('/api/projects', { ...scope, status: $('project-status').value, limit: 1000 }),
    ]);
    renderTimeline(events);
    renderActivity(events.items);
    renderFigures(figures);
    renderItems('agreements', agreements, (a) => [a.name, a.kind, period(a.period), a.sources.map((s) => sourceButton(s))]);
    renderItems('projects', projects, (p) => [p.name, p.location || '', (p.status || '').replace('_', ' '), p.sources.map((s) => sourceButton(s))]);
    status('');
  } catch (err) {
    status(err.message, true);
  }
}

async function search(q) {
  const section = $('results-section');
  const list = clear($('results'));
  section.hidden = false;
  try {
    const page = await api('/api/search', { q, limit: 100 });
    if (!page.items.length) list.append(h('li', { class: 'empty' }, 'Nothing found.'));
    for (const r of page.items) {
      list.append(h('li', {},
        h('div', { class: 'meta' }, (r.title || r.doc_id) + (r.published ? ' · ' + r.published.slice(0, 10) : '')),
        h('div', {}, r.text),
        sourceButton({ ...r, span: [0, 0] }, 'open line ' + r.line)));
    }
    status('');
  } catch (err) {
    status(err.message, true);
  }
}

async function main() {
  const state = readHash();
  for (const k of ['from', 'to', 'person']) if (state[k]) $(k).value = state[k];
  try {
    await loadDyads();
  } catch (err) {
    status('Cannot reach the API: ' + err.message, true);
    return;
  }
  if (state.dyad) $('dyad').value = state.dyad;
  if (state.cameo) $('cameo').value = state.cameo;
  $('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    loadAll();
  });
  for (const id of ['dyad', 'cameo']) $(id).addEventListener('change', loadAll);
  $('project-status').addEventListener('change', loadAll);
  $('search').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = $('q').value.trim();
    if (q) search(q);
  });
  $('results-close').addEventListener('click', () => { $('results-section').hidden = true; });
  $('source-close').addEventListener('click', closeSource);
  $('source').addEventListener('click', (ev) => { if (ev.target === $('source')) closeSource(); });
  document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape' && !$('source').hidden) closeSource(); });
  window.addEventListener('resize', () => {
    for (const c of charts) c.setSize({ width: c.root.parentElement.clientWidth, height: 200 });
    if (activityChart) activityChart.setSize({ width: $('activity').clientWidth, height: 120 });
  });
  await loadAll();
  if (state.doc) openSource(+state.doc, +(state.line || 0), null);
}

main();
