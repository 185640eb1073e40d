// The raw baseline for the API routes: a bare node:http JSON handler in its own process (as the API is),
// answering about as much JSON as a case status. The framework's limit on this machine, measured in the same run.
'use strict';
const http = require('node:http');

if (require.main === module) {
  const body = JSON.stringify({ id: '00000000-0000-4000-8000-000000000000', status: 'legal_review', pendingStep: null, version: 3, updatedAt: new Date().toISOString(), alert: null, production: null, imports: [], letters: [] });
  const server = http.createServer((req, res) => {
    if (req.method === 'POST') {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(body);
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`raw listening on http://127.0.0.1:${server.address().port}\n`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
