/**
 * Entry point of a parse worker thread (started by pool.ts): runs {@link runPageTask} for each message and posts
 * the result or the error (as data) back with the task id.
 */
import { parentPort } from 'node:worker_threads';
import { errorToData, runPageTask, type PageTask } from './task';

// Modules are loaded: say so (PageParser.warm waits for it).
parentPort!.postMessage('ready');

parentPort!.on('message', (msg: { id: number; task: PageTask }) => {
  try {
    const result = runPageTask(msg.task);
    // The gzipped page moves to the main thread instead of being copied.
    const transfer = result.kind === 'article' ? [result.rawHtmlGz.buffer as ArrayBuffer] : [];
    parentPort!.postMessage({ id: msg.id, ok: true, result }, transfer);
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, ok: false, error: errorToData(err) });
  }
});
