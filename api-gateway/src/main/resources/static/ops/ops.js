// The operator page: lag per consumer group and dead letters, from the gateway's /api/v1/ops endpoints, with the
// bearer token the operator pasted (kept for this browser tab only). Everything shown is built with textContent:
// dead letters hold whatever a producer wrote.
(function () {
  'use strict';

  const REFRESH_MS = 5000;
  let token = sessionStorage.getItem('onramp-ops-token') || '';
  let openTopic = null;

  const $ = (id) => document.getElementById(id);

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  function buttonCell(label, className, onClick) {
    const td = document.createElement('td');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = className;
    button.textContent = label;
    button.addEventListener('click', onClick);
    td.appendChild(button);
    return td;
  }

  function say(text, isError) {
    const line = $('status-line');
    line.textContent = text;
    line.className = isError ? 'error' : '';
  }

  async function api(path, options) {
    const response = await fetch('/api/v1/ops' + path, Object.assign({}, options, {
      headers: Object.assign({ 'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json' },
        (options || {}).headers)
    }));
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const detail = body && body.errors && body.errors.length ? body.errors[0].error : (body && body.message);
      throw new Error(response.status + ' ' + (detail || response.statusText));
    }
    return body;
  }

  function renderGroups(report) {
    $('window').textContent = report.window_seconds;
    const body = $('groups').querySelector('tbody');
    body.replaceChildren();
    for (const group of report.groups) {
      const row = document.createElement('tr');
      row.dataset.group = group.group;
      row.appendChild(cell(group.group));
      const status = document.createElement('td');
      const badge = document.createElement('span');
      badge.className = 'status status-' + group.status;
      badge.textContent = group.status;
      if (group.error) badge.title = group.error;
      status.appendChild(badge);
      row.appendChild(status);
      row.appendChild(cell(group.state));
      row.appendChild(cell(String(group.members), 'number'));
      row.appendChild(cell(String(group.lag), 'number'));
      row.appendChild(cell(group.max_lag_seconds.toFixed(1), 'number'));
      body.appendChild(row);
    }
  }

  function renderTopics(topics) {
    const body = $('dead-letter-topics').querySelector('tbody');
    body.replaceChildren();
    for (const topic of topics) {
      const row = document.createElement('tr');
      row.dataset.topic = topic.topic;
      row.appendChild(cell(topic.topic));
      row.appendChild(cell(topic.original_topic));
      row.appendChild(cell(String(topic.depth), 'number depth'));
      row.appendChild(buttonCell('View', 'view', () => openDeadLetters(topic.topic)));
      body.appendChild(row);
    }
  }

  function renderLetters(letters) {
    const body = $('letters').querySelector('tbody');
    body.replaceChildren();
    for (const letter of letters) {
      const first = letter.failures[0];
      const row = document.createElement('tr');
      row.dataset.partition = first.partition;
      row.dataset.offset = first.offset;
      row.appendChild(cell(letter.original.topic + '/' + letter.original.partition + '@' + letter.original.offset));
      row.appendChild(cell(letter.key !== null ? letter.key : '(base64) ' + letter.key_base64));
      row.appendChild(cell(letter.failures.map((f) => f.consumer_group || '?').join(', ')));
      const exception = cell('');
      const name = document.createElement('code');
      name.textContent = first.cause_class || first.exception_class;
      exception.appendChild(name);
      exception.appendChild(document.createTextNode(' ' + first.exception_message));
      row.appendChild(exception);
      row.appendChild(cell(String(letter.replay_count), 'number'));
      row.appendChild(buttonCell('Replay', 'replay', () => replayRecords({
        records: letter.failures.map((f) => ({ partition: f.partition, offset: f.offset }))
      })));
      body.appendChild(row);
    }
  }

  async function openDeadLetters(topic) {
    openTopic = topic;
    $('dead-letters').hidden = false;
    $('dlt-name').textContent = topic;
    $('replay-result').textContent = '';
    await refreshLetters();
  }

  async function refreshLetters() {
    if (!openTopic) return;
    const exception = $('exception').value.trim();
    const query = exception ? '?exception=' + encodeURIComponent(exception) : '';
    renderLetters(await api('/dead-letters/' + encodeURIComponent(openTopic) + query));
  }

  async function replayRecords(selection) {
    const body = Object.assign({ dry_run: $('dry-run').checked }, selection);
    const exception = $('exception').value.trim();
    if (exception) body.exception = exception;
    try {
      const result = await api('/dead-letters/' + encodeURIComponent(openTopic) + '/replay',
        { method: 'POST', body: JSON.stringify(body) });
      const refused = result.outcomes.filter((o) => o.outcome === 'refused').map((o) => o.reason);
      $('replay-result').textContent = (result.dry_run ? 'Dry run: ' : '') + 'replayed ' + result.replayed
        + ', skipped ' + result.skipped + ', refused ' + result.refused
        + (refused.length ? ' (' + refused.join('; ') + ')' : '');
      $('replay-result').className = '';
      await refreshLetters();
    } catch (e) {
      $('replay-result').textContent = 'Replay failed: ' + e.message;
      $('replay-result').className = 'error';
    }
  }

  async function refresh() {
    if (!token) return;
    try {
      const [lag, topics] = await Promise.all([api('/lag'), api('/dead-letters')]);
      renderGroups(lag);
      renderTopics(topics);
      say('Sampled at ' + (lag.sampled_at || 'not yet') + '.', false);
    } catch (e) {
      say('Cannot read operations data: ' + e.message, true);
    }
  }

  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    token = $('token').value.trim();
    sessionStorage.setItem('onramp-ops-token', token);
    refresh();
  });
  $('filter-form').addEventListener('submit', (event) => {
    event.preventDefault();
    refreshLetters().catch((e) => say(e.message, true));
  });
  $('replay-all').addEventListener('click', () => replayRecords({ all: true }));

  $('token').value = token;
  refresh();
  setInterval(refresh, REFRESH_MS);
}());
