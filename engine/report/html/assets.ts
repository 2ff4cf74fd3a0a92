/** The page's inline stylesheet and script (no external resources: the file works from file://). */

export const CSS = `
:root{--ok:#1a7f37;--ok-bg:#dafbe1;--bad:#cf222e;--bad-bg:#ffebe9;--warn:#9a6700;--warn-bg:#fff8c5;--muted:#57606a;--line:#d0d7de;--head:#f6f8fa}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:0 24px 48px;color:#1f2328;background:#fff}
h1{font-size:22px;margin:20px 0 4px}h2{font-size:18px;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h4{margin:14px 0 6px}
nav a{margin-right:14px}
.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
.muted{color:var(--muted);font-weight:normal}.bad{color:var(--bad)}.num{text-align:right;font-variant-numeric:tabular-nums}
.banner{display:inline-block;padding:6px 12px;border-radius:6px;font-weight:600;margin:8px 0}
.banner.ok{background:var(--ok-bg);color:var(--ok)}.banner.failed{background:var(--bad-bg);color:var(--bad)}
.totals{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-width:130px}
.card .v{font-size:20px;font-weight:600}.card .k{color:var(--muted);font-size:12px}
table{border-collapse:collapse}
th,td{border:1px solid var(--line);padding:4px 8px;vertical-align:top;text-align:left}
thead th{background:var(--head)}
.st{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap}
.st-pass{background:var(--ok-bg);color:var(--ok)}.st-fail,.st-error{background:var(--bad-bg);color:var(--bad)}
.st-skipped,.st-untested,.st-cannot-run{background:var(--warn-bg);color:var(--warn)}
table.rules{width:100%}
table.rules th[data-sort]{cursor:pointer;user-select:none;white-space:nowrap}
table.rules th[aria-sort=ascending] .arrow::after{content:" \\25B2"}
table.rules th[aria-sort=descending] .arrow::after{content:" \\25BC"}
tr.row{cursor:pointer}tr.row:hover,tr.row:focus{background:#f3f7ff;outline:none}
tbody.rule.open tr.row .twisty{display:inline-block;transform:rotate(90deg)}
tr.detail>td{background:#fbfcfd;padding:8px 16px}
.file{color:var(--muted)}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:4px 0}
dl.meta dt{color:var(--muted)}dl.meta dd{margin:0}
ul.reasons{margin:0;padding-left:18px}
table.statuses th{background:var(--head);width:110px}
tr.sev-error td:first-child{color:var(--bad)}tr.sev-warning td:first-child{color:var(--warn)}
.alert{border:1px solid var(--line);border-radius:6px;margin:6px 0;padding:6px 8px;background:#fff}
.alert-head{font-weight:600;margin-bottom:4px}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:0 10px;margin:2px 0 6px;font-size:12px}
dl.fields dt{font-family:ui-monospace,monospace}dl.fields dd{margin:0;word-break:break-all}
table.events{font-size:12px;width:100%}td.summary{word-break:break-all}
details.case-alerts{margin:6px 0}details summary{cursor:pointer}
.kind{font-size:12px;padding:0 6px;border-radius:8px;background:var(--head)}.kind-attack{background:var(--bad-bg)}.kind-benign{background:var(--ok-bg)}
.hist{display:grid;grid-template-columns:max-content minmax(80px,1fr) max-content;gap:0 6px;align-items:center;font-size:12px;min-width:200px}
.hrow{display:contents}.hid{text-align:right;white-space:nowrap}.hbar{height:8px;background:var(--head)}.hbar span{display:block;height:8px;background:#8c959f}
.nowrap,td.hosts,td.range{white-space:nowrap}table.events td.mono{white-space:nowrap}
.matrix-wrap{overflow-x:auto}
table.matrix th{font-size:12px;min-width:150px}table.matrix td{min-width:150px}
.cov{border-radius:4px;padding:4px 6px;margin:0 0 4px;font-size:12px}
.cov-pass.depth-1{background:#dafbe1}.cov-pass.depth-2{background:#aceebb}.cov-pass.depth-3{background:#6fdd8b}
.cov-part.depth-1{background:#fff8c5}.cov-part.depth-2{background:#fae17d}.cov-part.depth-3{background:#eac54f}
.cov-fail.depth-1{background:#ffebe9}.cov-fail.depth-2{background:#ffcecb}.cov-fail.depth-3{background:#ffaba8}
.cov-n{font-weight:600}ul.cov-rules{margin:2px 0 0;padding-left:14px}
p.legend .cov{display:inline-block}
section.timings{margin-top:40px;border-top:3px double var(--line)}
`;

/** Sorting reorders the per-rule <tbody>s by their data-* keys; rows toggle their detail. */
export const SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('rule-table');
  if (!table) return;
  var NUMERIC = { validation: 1, unit: 1, integration: 1 };
  function setOpen(row, open) {
    var detail = document.getElementById(row.getAttribute('aria-controls'));
    if (!detail) return;
    detail.hidden = !open;
    row.setAttribute('aria-expanded', open ? 'true' : 'false');
    row.parentNode.classList.toggle('open', open);
  }
  function toggle(row) { setOpen(row, row.getAttribute('aria-expanded') !== 'true'); }
  function sortBy(th) {
    var key = th.getAttribute('data-sort');
    var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    var heads = table.querySelectorAll('th[data-sort]');
    for (var i = 0; i < heads.length; i++) heads[i].setAttribute('aria-sort', 'none');
    th.setAttribute('aria-sort', dir);
    var bodies = Array.prototype.slice.call(table.tBodies);
    bodies.sort(function (a, b) {
      var x = a.getAttribute('data-' + key), y = b.getAttribute('data-' + key);
      var c = NUMERIC[key] ? Number(x) - Number(y) : (x < y ? -1 : x > y ? 1 : 0);
      if (dir === 'descending') c = -c;
      return c || Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index'));
    });
    for (var j = 0; j < bodies.length; j++) table.appendChild(bodies[j]);
  }
  table.addEventListener('click', function (ev) {
    var th = ev.target.closest('th[data-sort]');
    if (th) { sortBy(th); return; }
    var row = ev.target.closest('tr.row');
    if (row) toggle(row);
  });
  table.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Enter' && ev.key !== ' ') return;
    var th = ev.target.closest('th[data-sort]');
    var row = ev.target.closest('tr.row');
    if (th) { ev.preventDefault(); sortBy(th); } else if (row) { ev.preventDefault(); toggle(row); }
  });
  function all(open) {
    var rows = table.querySelectorAll('tr.row');
    for (var i = 0; i < rows.length; i++) setOpen(rows[i], open);
  }
  var expand = document.getElementById('expand-all'), collapse = document.getElementById('collapse-all');
  if (expand) expand.addEventListener('click', function () { all(true); });
  if (collapse) collapse.addEventListener('click', function () { all(false); });
  function fromHash() {
    var m = /^#rule-(\\d+)$/.exec(location.hash);
    var body = m && document.getElementById('rule-' + m[1]);
    if (body) { setOpen(body.querySelector('tr.row'), true); body.scrollIntoView(); }
  }
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();
`;
