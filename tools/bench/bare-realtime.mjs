// The real-time baseline of `npm run bench:realtime`: a bare node:http + socket.io server, no authentication
// and no persistence. Same path and namespace as the API; a socket joins the room named in its handshake query
// (`?room=`), and POST /rooms/:room/messages broadcasts a message shaped like the API's (same fields, similar
// size) to that room. GET /memory answers the process's memory (for the harness).
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';

const port = Number(process.env.PORT);
const seqs = new Map();

const server = http.createServer((req, res) => {
  const match = /^\/rooms\/([0-9a-f-]{36})\/messages$/.exec(req.url ?? '');
  if (req.method === 'POST' && match) {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const { clientId, body } = JSON.parse(raw);
      const room = match[1];
      const seq = (seqs.get(room) ?? 0) + 1;
      seqs.set(room, seq);
      const senderId = String(req.headers['x-bench-sender'] ?? '');
      const now = new Date().toISOString();
      const message = {
        id: randomUUID(),
        conversationId: room,
        seq,
        clientId,
        sender: { id: senderId, firstName: 'Bench', lastName: 'Sender' },
        body,
        bodyHtml: `<p>${body}</p>\n`,
        attachments: [],
        reactions: [],
        createdAt: now,
        editedAt: null,
        deletedAt: null,
      };
      io.of('/realtime').to(room).emit('message:new', message);
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify(message));
    });
    return;
  }
  if (req.url === '/health') return res.writeHead(200).end('ok');
  if (req.url === '/memory') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(process.memoryUsage()));
  res.writeHead(404).end();
});

const io = new Server(server, { path: '/socket.io', serveClient: false, maxHttpBufferSize: 64 * 1024 });
io.of('/realtime').on('connection', (socket) => {
  const room = socket.handshake.query.room;
  if (typeof room === 'string' && room) socket.join(room);
});

server.listen(port, '127.0.0.1');
