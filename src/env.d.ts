// What the Node server (src/server/main.ts) hands Astro's pages besides the request;
// under `astro dev`, src/integrations/support-api.ts hands over the same.
declare namespace App {
  interface Locals {
    /**
     * The Node response the page's answer is written to. Astro's Node adapter writes a
     * streamed body without waiting for the client to take it (and drops a HEAD's body
     * without cancelling it): a long body made piece by piece uses this to wait for the
     * client and to stop when the response is over (see src/server/adapters/stream-body.ts). Absent
     * under `astro dev`.
     */
    nodeResponse?: import('node:http').ServerResponse;
    /**
     * The admin-token throttle the support API in this process uses, and this
     * request's client address as the API reads it: the operator page's sign-in counts
     * wrong tokens in the same place (src/api/middleware/token-throttle.ts). Set by the
     * server entry and, under `astro dev`, by src/integrations/support-api.ts.
     */
    tokenGuard?: { throttle: import('./api/middleware/token-throttle.ts').TokenThrottle; client: string };
    /**
     * The support API running in this process: the operator page reads its data through
     * the API's own admin routes (`app.request`), not a second path to the store.
     */
    supportApi?: import('./api/app.ts').ApiApp;
    /** WENDA_ADMIN_TOKEN from the server config; absent, the operator page does not exist. */
    adminToken?: string;
  }
}
