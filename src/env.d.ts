// What the Node server (src/server/main.ts) hands Astro's pages besides the request.
declare namespace App {
  interface Locals {
    /**
     * The Node response the page's answer is written to. Astro's Node adapter writes a
     * streamed body without waiting for the client to take it (and drops a HEAD's body
     * without cancelling it): a long body made piece by piece uses this to wait for the
     * client and to stop when the response is over (see src/lib/stream-body.ts). Absent
     * under `astro dev`.
     */
    nodeResponse?: import('node:http').ServerResponse;
  }
}
