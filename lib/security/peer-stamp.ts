import http from 'node:http';
import { PEER_HEADER } from './client';

const STAMPED = Symbol.for('distill.peerStamp');

/**
 * Stamps every incoming request's socket address into PEER_HEADER before Next sees it,
 * overwriting a value the client sent (see ./client.ts for why the socket address is needed and
 * how the client address is derived from it). Patches http.Server's `emit` once per process:
 * `next start` creates its server itself and offers no hook before the request handler.
 */
export function installPeerStamp(): void {
  const proto = http.Server.prototype as http.Server & { [STAMPED]?: true };
  if (proto[STAMPED]) return;
  proto[STAMPED] = true;
  const emit = proto.emit as (
    this: http.Server,
    event: string | symbol,
    ...a: unknown[]
  ) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}
