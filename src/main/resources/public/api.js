// The node's JSON API as the signed-in caller: the token lives in this tab's sessionStorage and travels only in the
// Authorization header, never in a URL; errors come back as the API phrased them.
const KEY = 'concord.token';

export function token() {
  return sessionStorage.getItem(KEY);
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(KEY, value);
  } else {
    sessionStorage.removeItem(KEY);
  }
}

export class ApiError extends Error {
  constructor(status, message, errors) {
    super(message);
    this.status = status;
    this.errors = errors || [];
  }
}

function headers(extra) {
  const h = Object.assign({ Accept: 'application/json' }, extra || {});
  const t = token();
  if (t) {
    h.Authorization = 'Bearer ' + t;
  }
  return h;
}

async function failure(response) {
  let message = response.status + ' ' + response.statusText;
  let errors = [];
  try {
    const body = await response.json();
    if (body && body.error) {
      message = body.error.message;
      errors = body.error.errors || [];
    }
  } catch (e) {
    // not JSON: the status line says it
  }
  if (response.status === 429) {
    const after = response.headers.get('Retry-After');
    message += after ? ' (try again in ' + after + ' s)' : '';
  }
  return new ApiError(response.status, message, errors);
}

/** GET path with the query params (an object; empty values left out); the parsed JSON. */
export async function get(path, params) {
  const response = await fetch(path + query(params), { headers: headers(), cache: 'no-store' });
  if (!response.ok) {
    throw await failure(response);
  }
  return response.json();
}

/** The body as text, with the response's label header, for downloads. */
export async function getText(path, params) {
  const response = await fetch(path + query(params), { headers: headers({ Accept: '*/*' }), cache: 'no-store' });
  if (!response.ok) {
    throw await failure(response);
  }
  return { text: await response.text(), label: response.headers.get('X-Concord-Label'),
    type: response.headers.get('Content-Type') || 'text/plain' };
}

export async function post(path, body) {
  const response = await fetch(path, { method: 'POST', headers: headers({ 'Content-Type': 'application/json' }),
    body: JSON.stringify(body) });
  if (!response.ok) {
    throw await failure(response);
  }
  return response.json();
}

/** POST of a file's bytes as they are (an upload), with the query params; the parsed JSON. */
export async function postBytes(path, params, bytes) {
  const response = await fetch(path + query(params), { method: 'POST',
    headers: headers({ 'Content-Type': 'application/octet-stream' }), body: bytes });
  if (!response.ok) {
    throw await failure(response);
  }
  return response.json();
}

export function query(params) {
  if (!params) {
    return '';
  }
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') {
      q.set(k, v);
    }
  }
  const s = q.toString();
  return s ? '?' + s : '';
}
