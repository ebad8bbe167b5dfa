// The jobs page: polls jobs/data.json and renders every job. Everything from the data is user
// controlled (column titles, error texts), so it only ever goes into the page as text
// (textContent, attribute values), never as HTML.
'use strict';

const FALLBACK_REFRESH_MS = 2000;
const STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'];

function dataUrl() {
  const limit = new URLSearchParams(window.location.search).get('limit');
  return 'jobs/data.json' + (limit ? '?limit=' + encodeURIComponent(limit) : '');
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function percentDone(job) {
  if (job.total_rows > 0) return Math.min(100, Math.floor((job.processed * 100) / job.total_rows));
  return job.status === 'completed' ? 100 : 0;
}

function duration(seconds) {
  if (seconds === undefined || seconds === null) return '-';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const parts = h > 0 ? [h + 'h', m + 'm'] : m > 0 ? [m + 'm'] : [];
  parts.push((s % 60) + 's');
  return parts.join(' ');
}

function localTime(iso) {
  if (!iso) return '-';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

function fact(list, label, value) {
  const row = element('div');
  row.append(element('dt', null, label), element('dd', 'fact-' + label.toLowerCase().replace(/\W+/g, '-'), value));
  list.append(row);
}

function progress(job) {
  const percent = percentDone(job);
  const box = element('div', 'progress');
  const bar = element('div', 'bar');
  bar.setAttribute('role', 'progressbar');
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', '100');
  bar.setAttribute('aria-valuenow', String(percent));
  const fill = element('div', 'bar-fill');
  fill.style.width = percent + '%';
  bar.append(fill);
  box.append(bar, element('span', 'percent', percent + '%'),
    element('span', 'rows', job.processed + ' / ' + job.total_rows + ' rows'));
  return box;
}

function problems(job) {
  const nodes = [];
  if (job.reason) nodes.push(element('p', 'reason', job.reason));
  if (Array.isArray(job.row_errors) && job.row_errors.length > 0) {
    const list = element('ul', 'row-errors');
    job.row_errors.forEach((error) => {
      list.append(element('li', null, error.error + ' (' + error.rows + ' rows, e.g. row ' + error.example_row_id + ')'));
    });
    nodes.push(list);
  }
  return nodes;
}

function cost(usage) {
  if (!usage || usage.estimated_cost === undefined) return '-';
  const amount = usage.estimated_cost + ' ' + (usage.currency || '');
  return usage.saving_vs_online === undefined ? amount : amount + ' (saves ' + usage.saving_vs_online + ' against online)';
}

function renderJob(job) {
  const status = STATUSES.includes(job.status) ? job.status : 'other';
  const article = element('article', 'job');
  article.dataset.jobId = job.jobId;
  article.dataset.status = status;

  const head = element('div', 'job-head');
  head.append(element('span', 'status status-' + status, job.status), element('span', 'job-id', job.jobId));
  if (job.cancel_requested) head.append(element('span', 'cancel-requested', 'cancel requested'));

  const facts = element('dl', 'facts');
  const times = job.timestamps || {};
  fact(facts, 'Sheet', job.sheet_id);
  fact(facts, 'Type', job.type);
  fact(facts, 'Mode', job.mode || 'online');
  fact(facts, 'Source columns', (job.sourceColumns || []).join(', '));
  fact(facts, 'Target column', job.targetColumn);
  fact(facts, 'Written', job.written);
  fact(facts, 'Failed', job.failed);
  fact(facts, 'Skipped', job.skipped);
  if (job.schedule) fact(facts, 'Schedule', job.schedule);
  if (job.incremental) {
    fact(facts, 'Unchanged', job.unchanged);
    fact(facts, 'Edited by a person', job.edited_by_person);
  }
  fact(facts, 'Cache hits', job.cache_hits);
  fact(facts, 'Estimated cost', cost(job.usage));
  fact(facts, 'Rate', job.rows_per_second === undefined ? '-' : job.rows_per_second + ' rows/s');
  fact(facts, 'ETA', duration(job.eta_seconds));
  fact(facts, 'Batches', job.batches ? job.batches.done + ' / ' + job.batches.total : '-');
  fact(facts, 'Created', localTime(times.created));
  fact(facts, 'Started', localTime(times.started));
  fact(facts, 'Finished', localTime(times.finished));

  article.append(head, progress(job), facts, ...problems(job));
  return article;
}

function showState(text, problem) {
  const state = document.getElementById('page-state');
  state.textContent = text;
  state.classList.toggle('problem', problem);
}

function render(data) {
  const jobs = Array.isArray(data.jobs) ? data.jobs : [];
  document.getElementById('jobs').replaceChildren(...jobs.map(renderJob));
  document.getElementById('no-jobs').hidden = jobs.length > 0;
  showState('Updated ' + new Date().toLocaleTimeString() + ' - ' + jobs.length + ' job(s), refreshing every '
    + (data.refresh_ms / 1000) + ' s', false);
}

async function refresh() {
  let next = FALLBACK_REFRESH_MS;
  try {
    const response = await fetch(dataUrl(), { cache: 'no-store', credentials: 'same-origin' });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      showState('Could not load the jobs: HTTP ' + response.status + (data.error ? ' - ' + data.error : ''), true);
    } else {
      render(data);
      if (data.refresh_ms > 0) next = data.refresh_ms;
    }
  } catch (error) {
    showState('Could not reach the server: ' + error.message + ' (retrying)', true);
  }
  window.setTimeout(refresh, next);
}

refresh();
