// trawl live dashboard: plain browser JavaScript, no build step. Everything it
// shows comes from the GraphQL API on this origin: queries and mutations over
// fetch, live data over graphql-ws (the package's browser build, global graphqlWs).
'use strict';

const ENDPOINT = '/graphql';
const KEY_STORAGE = 'trawl.apiKey';
const HISTORY_POINTS = 120;
const REFRESH_MS = 4000;
const SHOWN_CAMPAIGNS = 8;
const FINISHED = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

const PROGRESS_FIELDS = `status phase percent etaSeconds productsPerMinute productsDiscovered productsQueued productsScraped
  productsFailed productsSkipped categoriesDiscovered categoriesScraped categoriesFailed final at`;
const QUALITY_FIELDS = 'products productCompleteness categoryLinkage duplicateProducts duplicateRate meetsTargets errorRateByDomain { domain rate failed total }';
const CAMPAIGN_FIELDS = `id domain seedUrl status createdAt failedReason progress { ${PROGRESS_FIELDS} } quality { ${QUALITY_FIELDS} }`;

const state = {
  client: undefined,
  history: [],
  campaigns: new Map(),
  rates: new Map(),
  progressSubs: new Map(),
  activeJobs: new Map(),
  domains: [],
};

const $ = (id) => document.getElementById(id);

function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE) || '';
}

function showError(error) {
  const box = $('error');
  box.textContent = error ? String(error.message || error) : '';
  box.hidden = !error;
}

async function gql(query, variables = {}) {
  const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  if (apiKey()) headers.authorization = `Bearer ${apiKey()}`;
  const response = await fetch(ENDPOINT, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors && body.errors.length > 0) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

function subscribe(query, variables, onData) {
  return state.client.subscribe({ query, variables }, {
    next: (result) => (result.errors ? showError(new Error(result.errors.map((e) => e.message).join('; '))) : onData(result.data)),
    error: (error) => showError(error instanceof Error ? error : new Error(closeReason(error))),
    complete: () => undefined,
  });
}

/** A socket close (4401 no key, 4403 unknown key) as the server explained it. */
function closeReason(event) {
  return event && event.reason ? `Live connection closed (${event.code}): ${event.reason}` : 'Live connection closed by the server';
}

// ---- rendering helpers -----------------------------------------------------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? '')));
  return node;
}

function fillTable(id, rows) {
  const body = $(id).tBodies[0];
  body.replaceChildren(...rows.map((cells) => el('tr', {}, ...cells.map((cell) => (cell instanceof Node && cell.nodeName === 'TD' ? cell : el('td', {}, cell))))));
}

const percent = (ratio) => (Number.isFinite(ratio) ? `${(ratio * 100).toFixed(1)}%` : '–');
const time = (iso) => (iso ? new Date(iso).toLocaleTimeString() : '–');

function duration(seconds) {
  if (seconds === undefined || seconds === null || !Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s} s` : s < 3600 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** Draws series as polylines in an SVG whose viewBox is 300 x 80. */
function drawChart(svg, series) {
  const width = 300;
  const height = 80;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const ns = 'http://www.w3.org/2000/svg';
  const nodes = series.map(({ values, className }) => {
    const step = values.length > 1 ? width / (HISTORY_POINTS - 1) : 0;
    const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`).join(' ');
    const line = document.createElementNS(ns, 'polyline');
    line.setAttribute('points', points);
    line.setAttribute('class', className);
    return line;
  });
  const label = document.createElementNS(ns, 'text');
  label.setAttribute('x', '296');
  label.setAttribute('y', '10');
  label.setAttribute('class', 'axis');
  label.textContent = String(Math.round(max));
  svg.replaceChildren(...nodes, label);
}

// ---- queues ------------------------------------------------------------------

function onQueueStats(queues) {
  const sum = (field) => queues.reduce((total, q) => total + q[field], 0);
  const depth = sum('waiting') + sum('delayed') + sum('prioritized');
  const active = sum('active');
  const processed = sum('processedPerMinute');
  const failed = sum('failedPerMinute');
  state.history.push({ depth: depth + active, processed, failed });
  if (state.history.length > HISTORY_POINTS) state.history.shift();
  $('queue-depth').textContent = String(depth);
  $('queue-active').textContent = String(active);
  $('throughput').textContent = processed.toFixed(1);
  $('failed-rate').textContent = failed.toFixed(1);
  $('success-rate').textContent = processed + failed > 0 ? percent(processed / (processed + failed)) : '–';
  drawChart($('depth-chart'), [{ values: state.history.map((h) => h.depth), className: 'depth' }]);
  drawChart($('throughput-chart'), [
    { values: state.history.map((h) => h.processed), className: 'processed' },
    { values: state.history.map((h) => h.failed), className: 'failed' },
  ]);
  fillTable('queues', queues.map((q) => [q.name, q.waiting, q.active, q.delayed, q.completed, q.failed, q.isPaused ? 'yes' : 'no']));
}

// ---- workers and running jobs --------------------------------------------------

function onWorkers(workers) {
  fillTable('workers', workers.map((w) => [w.id, w.activeJobs, w.concurrency, time(w.lastHeartbeatAt)]));
}

function onJobEvent(event) {
  if (event.state === 'ACTIVE') state.activeJobs.set(event.jobId, event);
  else state.activeJobs.delete(event.jobId);
  if (event.state === 'FAILED') scheduleRefresh();
  const running = [...state.activeJobs.values()].slice(-20).reverse();
  $('active-jobs').replaceChildren(...running.map((job) => el('li', { 'data-job-id': job.jobId }, `${job.type || 'job'} ${job.jobId}`,
    el('span', { class: 'hint' }, ` ${job.queue}${job.progress ? ` · ${Math.round(job.progress)}%` : ''}`))));
}

// ---- campaigns -----------------------------------------------------------------

/** ETA: the server's estimate, else the remaining products over the rate seen on this page. */
function eta(campaign) {
  const p = campaign.progress;
  if (FINISHED.has(campaign.status)) return 0;
  if (p.etaSeconds !== null && p.etaSeconds !== undefined) return p.etaSeconds;
  const done = p.productsScraped + p.productsFailed + p.productsSkipped;
  const samples = state.rates.get(campaign.id) || [];
  samples.push({ t: Date.now(), done });
  while (samples.length > 2 && samples[0].t < Date.now() - 60_000) samples.shift();
  state.rates.set(campaign.id, samples);
  const first = samples[0];
  const rate = samples.length > 1 ? (done - first.done) / ((Date.now() - first.t) / 1000) : 0;
  return rate > 0 ? (p.productsDiscovered - done) / rate : undefined;
}

function field(name, label, value) {
  return el('div', { class: 'stat' }, el('span', { class: 'label' }, label), el('span', { class: 'value', 'data-field': name }, value));
}

function renderCampaign(campaign) {
  const p = campaign.progress;
  const q = campaign.quality;
  const bar = el('div', { class: 'bar' }, el('progress', { max: '100', value: String(p.percent), 'data-field': 'percent' }), el('span', {}, `${p.percent}%`));
  const stats = el('div', { class: 'stats' },
    field('status', 'Status', campaign.status),
    field('phase', 'Phase', p.phase),
    field('productsDiscovered', 'Discovered', p.productsDiscovered),
    field('productsScraped', 'Scraped', p.productsScraped),
    field('productsFailed', 'Failed', p.productsFailed),
    field('productsSkipped', 'Skipped', p.productsSkipped),
    field('categories', 'Categories', `${p.categoriesScraped + p.categoriesFailed}/${p.categoriesDiscovered}`),
    field('eta', 'ETA', duration(eta(campaign))),
    field('qualityProducts', 'Products stored', q ? q.products : '–'),
    field('completeness', 'Completeness', q ? percent(q.productCompleteness) : '–'),
    field('linkage', 'Category linkage', q ? percent(q.categoryLinkage) : '–'),
    field('duplicates', 'Duplicates', q ? `${q.duplicateProducts} (${percent(q.duplicateRate)})` : '–'));
  const title = el('h3', {}, campaign.domain, el('span', { class: 'hint' }, ` ${campaign.id} · started ${time(campaign.createdAt)}`));
  const card = el('article', { class: 'campaign', 'data-campaign-id': campaign.id, 'data-status': campaign.status }, title, bar, stats);
  if (campaign.failedReason) card.append(el('p', { class: 'error' }, campaign.failedReason));
  return card;
}

function renderCampaigns() {
  const shown = [...state.campaigns.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, SHOWN_CAMPAIGNS);
  $('campaigns').replaceChildren(...shown.map(renderCampaign));
}

function followCampaign(id) {
  if (state.progressSubs.has(id) || !state.client) return;
  const stop = subscribe(`subscription P($id: ID!) { campaignProgress(id: $id) { campaignId ${PROGRESS_FIELDS} quality { ${QUALITY_FIELDS} } } }`, { id }, (data) => {
    const progress = data.campaignProgress;
    const campaign = state.campaigns.get(id);
    if (!campaign) return;
    campaign.progress = progress;
    campaign.status = progress.status;
    if (progress.quality) campaign.quality = progress.quality;
    renderCampaigns();
    if (progress.final) void loadCampaign(id);
  });
  state.progressSubs.set(id, stop);
}

async function loadCampaign(id) {
  const { campaign } = await gql(`query C($id: ID!) { campaign(id: $id) { ${CAMPAIGN_FIELDS} } }`, { id });
  if (campaign) state.campaigns.set(id, campaign);
  renderCampaigns();
}

/** Lists campaign ids (creation order, paged), then reads the newest in full. */
async function refreshCampaigns() {
  const ids = [];
  let after = null;
  for (;;) {
    const { campaigns } = await gql('query L($after: String) { campaigns(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }', { after });
    ids.push(...campaigns.edges.map((e) => e.node.id));
    if (!campaigns.pageInfo.hasNextPage) break;
    after = campaigns.pageInfo.endCursor;
  }
  const newest = ids.slice(-SHOWN_CAMPAIGNS);
  if (newest.length === 0) return renderCampaigns();
  const query = `query N(${newest.map((_, i) => `$c${i}: ID!`).join(', ')}) { ${newest.map((_, i) => `c${i}: campaign(id: $c${i}) { ${CAMPAIGN_FIELDS} }`).join(' ')} }`;
  const data = await gql(query, Object.fromEntries(newest.map((id, i) => [`c${i}`, id])));
  for (const campaign of Object.values(data)) {
    if (!campaign) continue;
    const known = state.campaigns.get(campaign.id);
    // A live event may be newer than this read; keep the furthest progress.
    if (!known || FINISHED.has(campaign.status) || campaign.progress.at >= known.progress.at) state.campaigns.set(campaign.id, campaign);
    if (!FINISHED.has(campaign.status)) followCampaign(campaign.id);
  }
  renderCampaigns();
}

async function startCampaign(event) {
  event.preventDefault();
  const form = event.target;
  const input = { seedUrl: form.seedUrl.value.trim() };
  if (form.maxProducts.value) input.maxProducts = Number(form.maxProducts.value);
  if (form.rateLimitDelayMs.value) input.rateLimitDelayMs = Number(form.rateLimitDelayMs.value);
  try {
    const { startCampaign: campaign } = await gql(`mutation S($input: StartCampaignInput!) { startCampaign(input: $input) { ${CAMPAIGN_FIELDS} } }`, { input });
    state.campaigns.set(campaign.id, campaign);
    $('start-result').textContent = `Started ${campaign.id}`;
    $('start-result').dataset.startedId = campaign.id;
    renderCampaigns();
    followCampaign(campaign.id);
    showError(undefined);
  } catch (error) {
    $('start-result').textContent = '';
    showError(error);
  }
}

// ---- sites and failures ---------------------------------------------------------

async function refreshSites() {
  const latest = new Map();
  for (const campaign of [...state.campaigns.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    for (const rate of campaign.quality ? campaign.quality.errorRateByDomain : []) latest.set(rate.domain, rate);
    if (!latest.has(campaign.domain)) latest.set(campaign.domain, undefined);
  }
  const domains = [...latest.keys()].slice(0, 20);
  if (domains.length === 0) return fillTable('domains', []);
  const failedCounts = domains.map((_, i) => `f${i}: jobs(first: 1, filter: { domain: $d${i}, statuses: [FAILED] }) { totalCount }`).join(' ');
  const query = `query S($domains: [String!]!, ${domains.map((_, i) => `$d${i}: String`).join(', ')}) {
    politeness(domains: $domains) { domain state consecutiveBlocks openUntil } ${failedCounts} }`;
  const data = await gql(query, { domains, ...Object.fromEntries(domains.map((d, i) => [`d${i}`, d])) });
  fillTable('domains', domains.map((domain, i) => {
    const breaker = data.politeness[i];
    const rate = latest.get(domain);
    const circuit = el('td', { class: `circuit ${breaker.state}`, 'data-field': 'circuit' },
      breaker.state === 'OPEN' ? `OPEN until ${time(breaker.openUntil)}` : breaker.state);
    return [domain, rate ? `${percent(rate.rate)} (${rate.failed}/${rate.total})` : '–', data[`f${i}`].totalCount, circuit];
  }));
}

async function refreshFailures() {
  const { deadLetters } = await gql('{ deadLetters(first: 100) { totalCount edges { node { id jobId type code message url deadAt } } } }');
  const recent = deadLetters.edges.map((e) => e.node).sort((a, b) => b.deadAt.localeCompare(a.deadAt)).slice(0, 20);
  fillTable('failures', recent.map((d) => [time(d.deadAt), d.type, d.code, d.message, d.url || '']));
}

// ---- wiring -----------------------------------------------------------------------

let refreshTimer;
let lastRefreshAt = 0;
/** A refresh soon (failures arrived), but at most one every 2 s however many jobs fail. */
function scheduleRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refreshAll, Math.max(300, lastRefreshAt + 2000 - Date.now()));
}

async function refreshAll() {
  clearTimeout(refreshTimer);
  lastRefreshAt = Date.now();
  try {
    await refreshCampaigns();
    await Promise.all([refreshSites(), refreshFailures()]);
    showError(undefined);
  } catch (error) {
    showError(error);
  } finally {
    refreshTimer = setTimeout(refreshAll, REFRESH_MS);
  }
}

function setConnection(text) {
  $('connection').textContent = text;
  $('connection').dataset.state = text;
}

function connect() {
  for (const stop of state.progressSubs.values()) stop();
  state.progressSubs.clear();
  if (state.client) void state.client.dispose();
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${ENDPOINT}`;
  state.client = graphqlWs.createClient({
    url,
    connectionParams: () => (apiKey() ? { authorization: `Bearer ${apiKey()}` } : {}),
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    on: { connected: () => setConnection('live'), closed: () => setConnection('reconnecting') },
  });
  subscribe('subscription { queueStats(intervalMs: 1000) { name waiting active delayed prioritized completed failed isPaused processedPerMinute failedPerMinute } }', {}, (d) => onQueueStats(d.queueStats));
  subscribe('subscription { workerStatus(intervalMs: 2000) { id activeJobs concurrency lastHeartbeatAt } }', {}, (d) => onWorkers(d.workerStatus));
  subscribe('subscription { jobUpdated { jobId type queue state progress failedReason } }', {}, (d) => onJobEvent(d.jobUpdated));
  for (const campaign of state.campaigns.values()) if (!FINISHED.has(campaign.status)) followCampaign(campaign.id);
}

function init() {
  $('api-key').value = apiKey();
  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY_STORAGE, $('api-key').value.trim());
    connect();
    void refreshAll();
  });
  $('start-form').addEventListener('submit', startCampaign);
  connect();
  void refreshAll();
}

init();
