/** Whether a request asks to become a WebSocket (the entries send those to the app's hub). */
export function isUpgradeRequest(request: Request): boolean {
  return request.headers.get('upgrade')?.toLowerCase() === 'websocket'
}
