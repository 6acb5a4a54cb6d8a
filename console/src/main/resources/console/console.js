// The console's only script. Every change is a POST form; this sends it with the session's CSRF token
// in the X-CSRF-Token header, which the server requires of every change (a form posted from another
// site cannot set it), asks first when the form says data-confirm, and shows the answer.
document.addEventListener('submit', async (event) => {
  const form = event.target;
  const token = document.querySelector('meta[name="csrf-token"]');
  if (form.method.toLowerCase() !== 'post' || !token) {
    return; // the sign-in form posts itself: it carries its own token
  }
  event.preventDefault();
  if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    return;
  }
  const response = await fetch(form.action, {
    method: 'POST',
    headers: {'X-CSRF-Token': token.content, 'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams(new FormData(form)),
    credentials: 'same-origin',
  });
  if (response.redirected) {
    window.location.assign(response.url);
    return;
  }
  const html = await response.text();
  document.open();
  document.write(html);
  document.close();
});

// Charts: every <figure class="chart" data-src="..."> is drawn with uPlot from the JSON its data-src
// answers ({x: [seconds], series: [{label, data}]}), redrawn every data-refresh seconds when set. The
// figure says what it drew (data-series, data-points: points that are not gaps) or why not (data-error).
const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
  '#bcbd22', '#17becf'];

function formatValue(value, unit) {
  if (value == null) {
    return '';
  }
  const abs = Math.abs(value);
  if (unit === 'seconds' || unit === 's') {
    if (abs >= 3600) return (value / 3600).toFixed(1) + ' h';
    if (abs >= 60) return (value / 60).toFixed(1) + ' min';
    return value.toFixed(abs < 10 ? 1 : 0) + ' s';
  }
  if (unit === 'bytes') {
    const steps = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let v = value;
    let i = 0;
    while (Math.abs(v) >= 1024 && i < steps.length - 1) { v /= 1024; i++; }
    return v.toFixed(i === 0 ? 0 : 1) + ' ' + steps[i];
  }
  if (unit === 'percentunit') return (value * 100).toFixed(1) + ' %';
  if (unit === 'percent') return value.toFixed(1) + ' %';
  if (abs >= 1e9) return (value / 1e9).toFixed(1) + ' G';
  if (abs >= 1e6) return (value / 1e6).toFixed(1) + ' M';
  if (abs >= 1e3) return (value / 1e3).toFixed(1) + ' k';
  return abs < 10 && value !== Math.round(value) ? value.toFixed(2) : String(Math.round(value * 100) / 100);
}

async function drawChart(figure) {
  const unit = figure.dataset.unit || '';
  let answer;
  try {
    const response = await fetch(figure.dataset.src, {credentials: 'same-origin', headers: {'Accept': 'application/json'}});
    answer = await response.json();
    if (!response.ok) {
      throw new Error(answer.error || response.statusText);
    }
  } catch (error) {
    figure.dataset.error = String(error.message || error);
    figure.querySelector('.chart-error')?.remove();
    const p = document.createElement('p');
    p.className = 'chart-error';
    p.textContent = 'No chart: ' + figure.dataset.error;
    figure.appendChild(p);
    return;
  }
  delete figure.dataset.error;
  figure.querySelector('.chart-error')?.remove();
  const points = answer.series.reduce((n, s) => n + s.data.filter((v) => v != null).length, 0);
  figure.dataset.series = String(answer.series.length);
  figure.dataset.points = String(points);
  if (figure.dataset.kind === 'stat') {
    drawStat(figure, answer, unit);
    return;
  }
  const data = [answer.x, ...answer.series.map((s) => s.data)];
  if (figure.uplot) {
    figure.uplot.setData(data);
    return;
  }
  if (answer.series.length === 0) {
    const p = document.createElement('p');
    p.className = 'chart-error';
    p.textContent = 'No series in this range yet.';
    figure.appendChild(p);
  }
  const options = {
    width: Math.max(300, figure.clientWidth - 8),
    height: Number(figure.dataset.height || 220),
    series: [{}, ...answer.series.map((s, i) => ({
      label: s.label, stroke: palette[i % palette.length], width: 1.5, spanGaps: false,
      value: (u, v) => formatValue(v, unit),
    }))],
    axes: [{}, {values: (u, values) => values.map((v) => formatValue(v, unit)), size: 70}],
    legend: {live: true},
  };
  figure.uplot = new uPlot(options, data, figure);
}

// A stat panel: the last value of each series, large, with its legend.
function drawStat(figure, answer, unit) {
  figure.querySelectorAll('.stat-value').forEach((e) => e.remove());
  answer.series.forEach((s) => {
    const values = s.data.filter((v) => v != null);
    const p = document.createElement('p');
    p.className = 'stat-value';
    p.textContent = (values.length ? formatValue(values[values.length - 1], unit) : '–')
      + (answer.series.length > 1 ? ' ' + s.label : '');
    figure.appendChild(p);
  });
}

document.addEventListener('DOMContentLoaded', () => {
  if (typeof uPlot === 'undefined') {
    return;
  }
  document.querySelectorAll('figure.chart[data-src]').forEach((figure) => {
    drawChart(figure);
    const every = Number(figure.dataset.refresh || 0);
    if (every > 0) {
      setInterval(() => drawChart(figure), every * 1000);
    }
  });
});
