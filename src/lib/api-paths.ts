// Where the support API answers, for the server that mounts it and the browser code that
// calls it. Imports nothing, so an island that uses it ships a few bytes, not the API.

/** Every API path starts here. */
export const API_BASE = '/api/v1';

/** The WebSocket echo the diagnostics open, served beside the API by the Node server. */
export const WEBSOCKET_ECHO_PATH = `${API_BASE}/diagnostics/ws`;

/** The address of an API path (`/feedback`) on `apiBaseUrl`: the API's origin, or empty for this site. */
export const apiUrl = (apiBaseUrl: string, path: string) => `${apiBaseUrl}${API_BASE}${path}`;
