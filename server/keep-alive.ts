/**
 * How long the server keeps an idle kept-alive connection open: longer than nginx keeps its idle
 * upstream connections (`keepalive_timeout 60s` in server/deploy/nginx/storefront.conf), so that the
 * proxy, not the server, closes one. Node's default is 5 s.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000
