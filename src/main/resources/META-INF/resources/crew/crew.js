/*
 * The crew page: the logged-in person's open work orders on a phone, to acknowledge and resolve.
 * Credentials live only in sessionStorage and go out as an Authorization: Basic header; fetch runs
 * with credentials 'omit' so that a 401 never opens the browser's own login dialog. Every text from
 * the server reaches the DOM through textContent only.
 */
'use strict';

(() => {
  const EN = (navigator.language || '').toLowerCase().startsWith('en');
  const LOCALE = EN ? 'en' : 'zh-CN';
  const REFRESH_MS = 15000;
  const TICK_MS = 5000;
  const TOAST_MS = 3000;
  const AUTH_KEY = 'hallwatch.crew.auth';
  const USER_KEY = 'hallwatch.crew.user';
  const API = new URL('../api/', document.baseURI);

  const ZH = {
    title: '工单',
    logout: '退出',
    loginHeading: '登录',
    username: '用户名',
    password: '密码',
    login: '登录',
    loggingIn: '正在登录…',
    ordersHeading: '我的工单',
    refresh: '刷新',
    loading: '加载中…',
    empty: '暂无待处理工单',
    badLogin: '用户名或密码错误',
    missingLogin: '请输入用户名和密码',
    sessionExpired: '登录已失效，请重新登录',
    network: '无法连接服务器，请检查网络后重试',
    httpError: (status) => `请求失败（${status}）`,
    updated: (time) => `更新于 ${time}`,
    ack: '确认',
    resolve: '处理完成',
    note: '处理说明（可不填）',
    confirmResolve: '提交处理完成',
    cancel: '取消',
    acked: '已确认',
    resolved: '已处理完成',
    since: (time, ago) => `自 ${time} 起（${ago}）`,
    justNow: '刚刚',
    ago: (span) => `${span}前`,
    due: (kind, span) => `${kind === 'ack' ? '确认' : '处理'}期限：还剩 ${span}`,
    overdue: (kind, span) => `${kind === 'ack' ? '确认' : '处理'}已超时 ${span}`,
    underAMinute: '不到 1 分钟',
    span: (d, h, m) => (d ? `${d} 天 ${h} 小时` : h ? `${h} 小时 ${m} 分钟` : `${m} 分钟`),
    escalated: (n) => `已升级 ${n} 次`,
    acknowledgedBy: (name) => `确认人：${name}`,
    notInList: (id) => `工单 #${id} 不在您的待办列表中（可能已处理，或不属于您的班组）`,
    severity: { LOW: '低', MEDIUM: '中', HIGH: '高', CRITICAL: '紧急' },
    status: { OPEN: '待确认', ACKNOWLEDGED: '已确认', RESOLVED: '已处理', AUTO_RESOLVED: '已自动关闭' },
    type: {
      OFF_POST: '窗口离岗',
      SIGN_FAULT: '标识牌故障',
      SIGN_OFFLINE: '标识牌离线',
      SIGN_MISMATCH: '标识牌与窗口不符',
      BIN_FULL: '垃圾桶将满',
      BIN_NOT_EMPTIED: '垃圾桶今日未清',
      SENSOR_OFFLINE: '传感器离线',
      BATTERY_LOW: '设备电量低',
      ATTENDANCE: '考勤',
      UNKNOWN_CARD: '未登记的工卡',
    },
  };

  const EN_TEXT = {
    title: 'Work orders',
    logout: 'Log out',
    loginHeading: 'Log in',
    username: 'User name',
    password: 'Password',
    login: 'Log in',
    loggingIn: 'Logging in…',
    ordersHeading: 'My work orders',
    refresh: 'Refresh',
    loading: 'Loading…',
    empty: 'No open work orders',
    badLogin: 'Wrong user name or password',
    missingLogin: 'Enter your user name and password',
    sessionExpired: 'You were logged out. Please log in again.',
    network: 'Cannot reach the server. Check the network and try again.',
    httpError: (status) => `Request failed (${status})`,
    updated: (time) => `Updated ${time}`,
    ack: 'Acknowledge',
    resolve: 'Resolve',
    note: 'Note (optional)',
    confirmResolve: 'Mark resolved',
    cancel: 'Cancel',
    acked: 'Acknowledged',
    resolved: 'Resolved',
    since: (time, ago) => `Since ${time} (${ago})`,
    justNow: 'just now',
    ago: (span) => `${span} ago`,
    due: (kind, span) => `${kind === 'ack' ? 'Acknowledge' : 'Resolve'} within ${span}`,
    overdue: (kind, span) => `${kind === 'ack' ? 'Acknowledgement' : 'Resolution'} overdue by ${span}`,
    underAMinute: 'under 1 min',
    span: (d, h, m) => (d ? `${d} d ${h} h` : h ? `${h} h ${m} min` : `${m} min`),
    escalated: (n) => `Escalated ${n}×`,
    acknowledgedBy: (name) => `Acknowledged by ${name}`,
    notInList: (id) => `Work order #${id} is not in your list (it may be resolved, or for another team).`,
    severity: { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High', CRITICAL: 'Critical' },
    status: { OPEN: 'Open', ACKNOWLEDGED: 'Acknowledged', RESOLVED: 'Resolved', AUTO_RESOLVED: 'Closed by sensor' },
    type: {
      OFF_POST: 'Window off post',
      SIGN_FAULT: 'Sign fault',
      SIGN_OFFLINE: 'Sign offline',
      SIGN_MISMATCH: 'Sign contradicts window',
      BIN_FULL: 'Bin nearly full',
      BIN_NOT_EMPTIED: 'Bin not emptied today',
      SENSOR_OFFLINE: 'Sensor offline',
      BATTERY_LOW: 'Battery low',
      ATTENDANCE: 'Attendance',
      UNKNOWN_CARD: 'Unknown badge card',
    },
  };

  const T = EN ? EN_TEXT : ZH;

  const state = {
    auth: null,
    session: 0,
    loaded: false,
    inflight: null,
    queued: null,
    highlightedHash: null,
    timers: [],
    toastTimer: null,
  };
  /** Cards by order id, kept across refreshes so that an open note form survives them. */
  const cards = new Map();

  const $ = (selector) => document.querySelector(selector);

  // ---- server ----------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  function basic(username, password) {
    const bytes = new TextEncoder().encode(`${username}:${password}`);
    let binary = '';
    bytes.forEach((b) => { binary += String.fromCharCode(b); });
    return `Basic ${btoa(binary)}`;
  }

  async function api(path, { method = 'GET', body, auth = state.auth } = {}) {
    const headers = { Accept: 'application/json, application/problem+json', Authorization: auth };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await fetch(new URL(path, API), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (e) {
      throw new ApiError(0, T.network);
    }
    if (!response.ok) {
      throw new ApiError(response.status, await problemDetail(response));
    }
    return response.status === 204 ? null : response.json();
  }

  /** The problem+json detail, or a plain message with the status when the body has none. */
  async function problemDetail(response) {
    try {
      if ((response.headers.get('Content-Type') || '').includes('json')) {
        const problem = await response.json();
        if (problem && typeof problem.detail === 'string' && problem.detail) {
          return problem.detail;
        }
        if (problem && typeof problem.title === 'string' && problem.title) {
          return problem.title;
        }
      }
    } catch (ignored) {
      // not JSON after all: fall through to the status
    }
    return T.httpError(response.status);
  }

  // ---- session ---------------------------------------------------------------------------------

  async function onLogin(event) {
    event.preventDefault();
    const username = $('#login-username').value.trim();
    const password = $('#login-password').value;
    if (!username || !password) {
      showLoginError(T.missingLogin);
      return;
    }
    const submit = $('#login-submit');
    submit.disabled = true;
    submit.textContent = T.loggingIn;
    const auth = basic(username, password);
    try {
      const me = await api('me', { auth });
      sessionStorage.setItem(AUTH_KEY, auth);
      sessionStorage.setItem(USER_KEY, me.username || username);
      $('#login-password').value = '';
      showOrders(auth, me.username || username);
    } catch (e) {
      showLoginError(e.status === 401 ? T.badLogin : e.message);
    } finally {
      submit.disabled = false;
      submit.textContent = T.login;
    }
  }

  function logout(message) {
    sessionStorage.removeItem(AUTH_KEY);
    sessionStorage.removeItem(USER_KEY);
    state.auth = null;
    state.session += 1;
    state.loaded = false;
    state.timers.forEach(clearInterval);
    state.timers = [];
    cards.clear();
    $('#orders').replaceChildren();
    showLogin(message);
  }

  function showLogin(message) {
    $('#orders-view').hidden = true;
    $('#who').hidden = true;
    $('#logout').hidden = true;
    $('#login-view').hidden = false;
    if (message) {
      showLoginError(message);
    } else {
      $('#login-error').hidden = true;
    }
    $('#login-username').focus();
  }

  function showLoginError(message) {
    const error = $('#login-error');
    error.textContent = message;
    error.hidden = false;
  }

  function showOrders(auth, username) {
    state.auth = auth;
    state.session += 1;
    state.highlightedHash = null;
    $('#login-view').hidden = true;
    $('#login-error').hidden = true;
    $('#orders-view').hidden = false;
    $('#orders-loading').hidden = false;
    $('#orders-empty').hidden = true;
    $('#orders-error').hidden = true;
    $('#orders-updated').textContent = '';
    const who = $('#who');
    who.textContent = username;
    who.hidden = false;
    $('#logout').hidden = false;
    state.timers.push(setInterval(refresh, REFRESH_MS), setInterval(tick, TICK_MS));
    refresh();
  }

  // ---- the list --------------------------------------------------------------------------------

  /** Loads the list; a call while one is loading waits for it and loads once more after it. */
  function refresh() {
    if (!state.auth) {
      return Promise.resolve();
    }
    if (state.inflight) {
      if (!state.queued) {
        state.queued = state.inflight.then(() => {
          state.queued = null;
          return refresh();
        });
      }
      return state.queued;
    }
    state.inflight = load().finally(() => { state.inflight = null; });
    return state.inflight;
  }

  async function load() {
    const session = state.session;
    try {
      const orders = await api('me/work-orders');
      if (session !== state.session) {
        return;
      }
      render(Array.isArray(orders) ? orders : []);
      $('#orders-error').hidden = true;
      $('#orders-updated').textContent = T.updated(new Date().toLocaleTimeString(LOCALE));
    } catch (e) {
      if (session !== state.session) {
        return;
      }
      if (e.status === 401) {
        logout(T.sessionExpired);
        return;
      }
      showOrdersError(e.message);
    } finally {
      if (session === state.session) {
        $('#orders-loading').hidden = true;
      }
    }
  }

  function showOrdersError(message) {
    const error = $('#orders-error');
    error.textContent = message;
    error.hidden = false;
  }

  /** Updates cards in place, in the server's order (most urgent first), moving only what moved. */
  function render(orders) {
    const list = $('#orders');
    const ids = new Set(orders.map((o) => String(o.id)));
    for (const [id, card] of cards) {
      if (!ids.has(id)) {
        card.remove();
        cards.delete(id);
      }
    }
    let previous = null;
    for (const order of orders) {
      const id = String(order.id);
      let card = cards.get(id);
      if (!card) {
        card = buildCard(id);
        cards.set(id, card);
      }
      fillCard(card, order);
      const expected = previous ? previous.nextElementSibling : list.firstElementChild;
      if (expected !== card) {
        const focused = card.contains(document.activeElement) ? document.activeElement : null;
        list.insertBefore(card, expected);
        if (focused) {
          focused.focus({ preventScroll: true });
        }
      }
      previous = card;
    }
    state.loaded = true;
    $('#orders-empty').hidden = orders.length > 0;
    tick();
    highlightFromHash();
  }

  function el(tag, attributes = {}, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      node.setAttribute(name, value);
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function buildCard(id) {
    const card = el('li', { class: 'order', id: `order-${id}`, 'data-order-id': id, tabindex: '-1' });
    const top = el('div', { class: 'order-top' });
    top.append(el('span', { class: 'severity', 'data-field': 'severity' }),
      el('span', { class: 'status', 'data-field': 'status' }));
    const actions = el('div', { class: 'actions', 'data-field': 'actions' });
    actions.append(el('button', { type: 'button', class: 'btn btn-primary', 'data-action': 'ack' }, T.ack),
      el('button', { type: 'button', class: 'btn btn-resolve', 'data-action': 'resolve' }, T.resolve));
    card.append(top,
      el('h3', { class: 'order-type', 'data-field': 'type' }),
      el('p', { class: 'place', 'data-field': 'place' }),
      el('p', { class: 'summary', 'data-field': 'summary' }),
      el('p', { class: 'since', 'data-field': 'since' }),
      el('p', { class: 'deadline', 'data-field': 'deadline' }),
      el('p', { class: 'meta', 'data-field': 'acknowledged-by', hidden: '' }),
      el('p', { class: 'meta escalated', 'data-field': 'escalations', hidden: '' }),
      el('p', { class: 'error', 'data-field': 'error', role: 'alert', hidden: '' }),
      actions,
      buildResolveForm(id));
    return card;
  }

  function buildResolveForm(id) {
    const form = el('form', { class: 'resolve-form', 'data-field': 'resolve-form', hidden: '' });
    const buttons = el('div', { class: 'actions' });
    buttons.append(el('button', { type: 'submit', class: 'btn btn-resolve', 'data-action': 'resolve-confirm' },
      T.confirmResolve),
    el('button', { type: 'button', class: 'btn btn-quiet', 'data-action': 'resolve-cancel' }, T.cancel));
    form.append(el('label', { for: `note-${id}` }, T.note),
      el('textarea', { id: `note-${id}`, 'data-field': 'note', rows: '3', maxlength: '1000' }),
      buttons);
    return form;
  }

  const field = (card, name) => card.querySelector(`[data-field="${name}"]`);

  function fillCard(card, order) {
    const severity = String(order.severity || '');
    const status = String(order.status || '');
    card.dataset.status = status;
    card.dataset.severity = severity;
    card.dataset.type = String(order.type || '');
    card.dataset.since = order.conditionSince || order.openedAt || '';
    card.dataset.ackDue = order.acknowledgeDueAt || '';
    card.dataset.resolveDue = order.resolveDueAt || '';
    const severityField = field(card, 'severity');
    severityField.dataset.level = severity;
    severityField.textContent = T.severity[severity] || severity;
    const statusField = field(card, 'status');
    statusField.dataset.status = status;
    statusField.textContent = T.status[status] || status;
    field(card, 'type').textContent = T.type[order.type] || String(order.type || '');
    field(card, 'place').textContent = order.place || order.subject || '';
    field(card, 'summary').textContent = order.summary || '';
    setOptional(field(card, 'acknowledged-by'), order.acknowledgedBy && T.acknowledgedBy(order.acknowledgedBy));
    setOptional(field(card, 'escalations'), order.escalations > 0 && T.escalated(order.escalations));
    const formOpen = !field(card, 'resolve-form').hidden;
    field(card, 'actions').hidden = formOpen;
    card.querySelector('[data-action="ack"]').hidden = status !== 'OPEN';
  }

  function setOptional(node, text) {
    node.textContent = text || '';
    node.hidden = !text;
  }

  // ---- time ------------------------------------------------------------------------------------

  /** Refreshes what depends on the clock: since when, and each deadline's countdown or overdue. */
  function tick() {
    const now = Date.now();
    for (const card of cards.values()) {
      const since = Date.parse(card.dataset.since);
      field(card, 'since').textContent = Number.isNaN(since) ? ''
        : T.since(localTime(since, now), now - since < 60000 ? T.justNow : T.ago(span(now - since, false)));
      showDeadline(card, now);
    }
  }

  function showDeadline(card, now) {
    const node = field(card, 'deadline');
    const kind = card.dataset.ackDue ? 'ack' : 'resolve';
    const due = Date.parse(card.dataset.ackDue || card.dataset.resolveDue);
    if (Number.isNaN(due)) {
      node.hidden = true;
      delete node.dataset.overdue;
      card.classList.remove('is-overdue');
      return;
    }
    const left = due - now;
    const overdue = left <= 0;
    node.hidden = false;
    node.dataset.kind = kind;
    node.dataset.overdue = String(overdue);
    card.classList.toggle('is-overdue', overdue);
    node.textContent = overdue ? T.overdue(kind, span(-left, false))
      : left < 60000 ? T.due(kind, T.underAMinute) : T.due(kind, span(left, true));
  }

  /** A duration for people: whole minutes (rounded up for time left), hours, days. */
  function span(ms, roundUp) {
    const minutes = Math.max(1, roundUp ? Math.ceil(ms / 60000) : Math.floor(ms / 60000));
    const d = Math.floor(minutes / 1440);
    const h = Math.floor((minutes % 1440) / 60);
    return T.span(d, h, minutes % 60);
  }

  function localTime(ms, now) {
    const date = new Date(ms);
    const today = new Date(now).toDateString() === date.toDateString();
    const options = today ? { hour: '2-digit', minute: '2-digit' }
      : { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' };
    return date.toLocaleString(LOCALE, options);
  }

  // ---- #order-<id> -----------------------------------------------------------------------------

  /** Scrolls to and highlights the order the URL names, once per hash, as soon as the list shows it. */
  function highlightFromHash() {
    const notice = $('#hash-notice');
    const match = /^#order-(\d+)$/.exec(location.hash);
    if (!match) {
      notice.hidden = true;
      return;
    }
    if (!state.loaded || state.highlightedHash === location.hash) {
      return;
    }
    document.querySelectorAll('.order.is-highlighted').forEach((c) => {
      c.classList.remove('is-highlighted');
      delete c.dataset.highlighted;
    });
    const card = cards.get(match[1]);
    if (!card) {
      notice.textContent = T.notInList(match[1]);
      notice.hidden = false;
      return;
    }
    notice.hidden = true;
    card.classList.add('is-highlighted');
    card.dataset.highlighted = 'true';
    card.scrollIntoView({ block: 'center', behavior: 'smooth' });
    card.focus({ preventScroll: true });
    state.highlightedHash = location.hash;
  }

  // ---- actions ---------------------------------------------------------------------------------

  function onListClick(event) {
    const button = event.target.closest('button[data-action]');
    const card = button && button.closest('[data-order-id]');
    if (!card || button.disabled) {
      return;
    }
    const action = button.dataset.action;
    if (action === 'ack') {
      act(card, 'ack', undefined, T.acked);
    } else if (action === 'resolve') {
      openResolve(card, true);
    } else if (action === 'resolve-cancel') {
      openResolve(card, false);
    }
  }

  function onListSubmit(event) {
    const form = event.target.closest('form[data-field="resolve-form"]');
    if (!form) {
      return;
    }
    event.preventDefault();
    const card = form.closest('[data-order-id]');
    const note = field(card, 'note').value.trim();
    act(card, 'resolve', note ? { note } : {}, T.resolved);
  }

  function openResolve(card, open) {
    const form = field(card, 'resolve-form');
    form.hidden = !open;
    field(card, 'actions').hidden = open;
    if (open) {
      field(card, 'note').focus();
    } else {
      field(card, 'note').value = '';
    }
  }

  async function act(card, action, body, done) {
    const id = card.dataset.orderId;
    const error = field(card, 'error');
    error.hidden = true;
    setBusy(card, true);
    let failure = null;
    try {
      await api(`work-orders/${encodeURIComponent(id)}/${action}`, { method: 'POST', body });
      if (action === 'resolve') {
        openResolve(card, false);
      }
      toast(done);
    } catch (e) {
      if (e.status === 401) {
        logout(T.sessionExpired);
        return;
      }
      failure = e.message;
      error.textContent = failure;
      error.hidden = false;
    } finally {
      setBusy(card, false);
    }
    await refresh();
    if (failure && !card.isConnected) {
      // The order left the list (resolved by someone else, say): say why where it is still seen.
      showOrdersError(failure);
    }
  }

  function setBusy(card, busy) {
    card.setAttribute('aria-busy', String(busy));
    card.querySelectorAll('button, textarea').forEach((control) => { control.disabled = busy; });
  }

  function toast(message) {
    const node = $('#toast');
    node.textContent = message;
    node.hidden = false;
    clearTimeout(state.toastTimer);
    state.toastTimer = setTimeout(() => { node.hidden = true; }, TOAST_MS);
  }

  // ---- start -----------------------------------------------------------------------------------

  function applyStaticText() {
    document.documentElement.lang = EN ? 'en' : 'zh-CN';
    document.title = `HallWatch · ${T.title}`;
    document.querySelectorAll('[data-i18n]').forEach((node) => {
      const text = T[node.dataset.i18n];
      if (typeof text === 'string') {
        node.textContent = text;
      }
    });
  }

  function start() {
    applyStaticText();
    $('#login-form').addEventListener('submit', onLogin);
    $('#logout').addEventListener('click', () => logout());
    $('#refresh').addEventListener('click', () => refresh());
    $('#orders').addEventListener('click', onListClick);
    $('#orders').addEventListener('submit', onListSubmit);
    window.addEventListener('hashchange', () => {
      state.highlightedHash = null;
      highlightFromHash();
    });
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) {
        refresh();
      }
    });
    const auth = sessionStorage.getItem(AUTH_KEY);
    if (auth) {
      showOrders(auth, sessionStorage.getItem(USER_KEY) || '');
    } else {
      showLogin();
    }
  }

  start();
})();
