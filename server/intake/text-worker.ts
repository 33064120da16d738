// A worker thread of text-pool.ts: does a submission's text work (text-work.ts) and sends it back, with
// the pages of a scan as OCR reads them.
import { parentPort } from 'node:worker_threads';
import { DecodeError } from '../decode/index.js';
import { workOnText } from './text-work.js';
import type { WorkReply, WorkRequest } from './text-pool.js';

const port = parentPort!;
// The pool hands over the next submission before this one is done: they are worked on one after another.
let previous: Promise<void> = Promise.resolve();
port.on('message', (request: WorkRequest) => {
  const reply = (r: WorkReply) => port.postMessage(r);
  previous = previous.then(() =>
    workOnText(request.sub, { onPage: (done, pages) => reply({ id: request.id, page: { done, pages } }) }).then(
      (work) => reply({ id: request.id, work }),
      (e: unknown) =>
        reply({
          id: request.id,
          failure: { decode: e instanceof DecodeError, name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) },
        }),
    ),
  );
});
