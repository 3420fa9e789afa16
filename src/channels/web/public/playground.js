// Warden web playground: a small chat client for the same engine Teams and Slack use.
// Cards are rendered by the adaptivecards library; card actions go back to the server.
(function () {
  'use strict';

  const AC = window.AdaptiveCards;
  const state = { session: null, conversationId: null, userId: null };
  const $ = (id) => document.getElementById(id);

  AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
    result.outputHtml = renderMarkdown(text);
    result.didProcess = true;
  };

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  // A deliberately small Markdown subset: bold, italics, code, links (http/https only), lists.
  function renderMarkdown(text) {
    const lines = escapeHtml(text).split('\n');
    const out = [];
    let inList = false;
    for (const line of lines) {
      const item = /^\s*[-*]\s+(.*)$/.exec(line) || /^\s*\d+\.\s+(.*)$/.exec(line);
      if (item && !inList) { out.push('<ul>'); inList = true; }
      if (!item && inList) { out.push('</ul>'); inList = false; }
      const body = inline(item ? item[1] : line);
      out.push(item ? '<li>' + body + '</li>' : body === '' ? '' : '<p>' + body + '</p>');
    }
    if (inList) out.push('</ul>');
    return out.join('');
  }

  function inline(text) {
    return text
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[^*])\*([^*]+)\*/g, '$1<em>$2</em>')
      .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>');
  }

  async function api(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const message = (data.error && data.error.message) || 'Request failed (' + response.status + ').';
      throw new Error(message);
    }
    return data;
  }

  function toast(text) {
    const el = $('toast');
    el.textContent = text;
    el.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { el.hidden = true; }, 4000);
  }

  function renderCard(cardJson, host, turnId) {
    const card = new AC.AdaptiveCard();
    card.onExecuteAction = (action) => onCardAction(action, host, turnId);
    card.parse(cardJson);
    host.replaceChildren(card.render());
  }

  async function onCardAction(action, host, turnId) {
    const verb = action.verb || (action.data && action.data.verb);
    if (!verb) return;
    const data = Object.assign({}, action.data || {});
    const inputs = {};
    for (const key of ['reasons', 'comment', 'target']) {
      if (data[key] !== undefined) inputs[key] = String(data[key]);
    }
    try {
      const result = await api('POST', conversationPath() + '/actions', {
        turnId: data.turnId || turnId,
        verb,
        inputs,
        userId: state.userId,
      });
      renderCard(result.card, host, turnId);
      if (result.notice) toast(result.notice);
      await loadPins();
    } catch (error) {
      toast(error.message);
    }
  }

  function conversationPath(id) {
    return '/api/web/conversations/' + encodeURIComponent(id || state.conversationId);
  }

  function addUserMessage(turn) {
    const li = document.createElement('li');
    li.className = 'from-user';
    li.innerHTML = '<div class="message-meta"></div><div class="bubble"></div>';
    li.querySelector('.message-meta').textContent = turn.user.name || turn.user.id;
    li.querySelector('.bubble').textContent = turn.question;
    $('messages').appendChild(li);
  }

  function addCard(turn) {
    const li = document.createElement('li');
    li.className = 'from-warden';
    li.dataset.turnId = turn.turnId;
    li.setAttribute('data-testid', 'answer');
    li.innerHTML = '<div class="message-meta">Warden</div><div class="card-host"></div>';
    $('messages').appendChild(li);
    renderCard(turn.card, li.querySelector('.card-host'), turn.turnId);
    li.scrollIntoView({ block: 'end' });
  }

  function addError(text) {
    const li = document.createElement('li');
    li.className = 'error-line';
    li.setAttribute('data-testid', 'error');
    li.textContent = text;
    $('messages').appendChild(li);
  }

  function showSuggestions(list) {
    const host = $('suggestions');
    host.replaceChildren();
    for (const text of list || []) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = text;
      button.addEventListener('click', () => { $('question').value = text; $('question').focus(); });
      host.appendChild(button);
    }
  }

  async function selectConversation(id) {
    state.conversationId = id;
    const conversation = state.session.conversations.find((c) => c.id === id);
    $('conversation-title').textContent = conversation ? conversation.name : id;
    for (const button of document.querySelectorAll('#conversation-list button')) {
      button.setAttribute('aria-current', String(button.dataset.id === id));
    }
    $('messages').replaceChildren();
    $('export-pins').href = conversationPath() + '/pins/export';
    const { turns } = await api('GET', conversationPath() + '/turns');
    for (const turn of turns) {
      if (!turn.sharedFrom) addUserMessage(turn);
      addCard(turn);
    }
    showSuggestions(state.session.suggestions);
    await loadPins();
  }

  async function loadPins() {
    const { pins } = await api('GET', conversationPath() + '/pins');
    const list = $('pins');
    list.replaceChildren();
    $('pins-empty').hidden = pins.length > 0;
    for (const pin of pins) {
      const li = document.createElement('li');
      li.dataset.turnId = pin.turnId;
      li.innerHTML = '<div class="pin-title"></div><div class="pin-summary"></div><div class="pin-meta"></div>';
      li.querySelector('.pin-title').textContent = pin.title;
      li.querySelector('.pin-summary').textContent = pin.excerpt;
      li.querySelector('.pin-meta').textContent =
        'Pinned by ' + pin.pinnedBy + ' · ' + new Date(pin.pinnedAt).toLocaleString();
      list.appendChild(li);
    }
  }

  async function send(event) {
    event.preventDefault();
    const text = $('question').value.trim();
    if (!text) { toast('Type a question first.'); return; }
    const button = $('send');
    button.disabled = true;
    try {
      const { turn } = await api('POST', conversationPath() + '/messages', { text, userId: state.userId });
      $('question').value = '';
      addUserMessage(turn);
      addCard(turn);
      showSuggestions(turn.suggestions);
    } catch (error) {
      addError(error.message);
    } finally {
      button.disabled = false;
    }
  }

  async function start() {
    state.session = await api('GET', '/api/web/session');
    const users = $('user-picker');
    for (const user of state.session.users) {
      users.add(new Option(user.name, user.id));
    }
    state.userId = state.session.users[0].id;
    users.addEventListener('change', () => { state.userId = users.value; });
    const list = $('conversation-list');
    for (const conversation of state.session.conversations) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.id = conversation.id;
      button.textContent = conversation.name;
      button.addEventListener('click', () => selectConversation(conversation.id).catch((e) => toast(e.message)));
      li.appendChild(button);
      list.appendChild(li);
    }
    $('composer').addEventListener('submit', send);
    $('question').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey) send(event);
    });
    await selectConversation(state.session.conversations[0].id);
    document.body.dataset.ready = 'true';
  }

  start().catch((error) => addError('The playground could not start: ' + error.message));
})();
