/**
 * The thread that makes the Word and Excel files (see thread.ts). It
 * loads the two renderers as it starts, while the build's own thread reads the
 * first reports, and then renders what it is sent, in the order sent: each
 * message is a structured clone of a report and its views, answered with one
 * message per format. It holds no report longer than its files take.
 */
import { parentPort } from 'node:worker_threads';
import { BuildError } from '../../diagnostics.ts';
import { rememberImportsOf } from '../../model/provenance.ts';
import { renderDocx } from '../docx/render-docx.ts';
import { renderWorkbook } from '../xlsx/workbook.ts';
import type { OfficeAnswer, OfficeFormat, OfficeRequest } from './thread.ts';

const port = parentPort!;
port.on('message', (request: OfficeRequest) => {
  for (const format of request.formats) {
    void make(request, format).then(
      (data) => {
        // The bytes move to the build's thread instead of being copied (a fresh zip's buffer is all its own).
        const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
        port.postMessage({ id: request.id, format, data: own } satisfies OfficeAnswer, [own.buffer as ArrayBuffer]);
      },
      (err: unknown) => {
        const e = err as Error;
        const failure = { name: e?.name ?? 'Error', message: String(e?.message ?? err), ...(err instanceof BuildError ? { exitCode: err.exitCode, hint: err.hint } : {}) };
        port.postMessage({ id: request.id, format, failure } satisfies OfficeAnswer);
      },
    );
  }
});

/** One file of the report; whatever goes wrong is answered as that file's failure, and the thread goes on. */
async function make(request: OfficeRequest, format: OfficeFormat): Promise<Uint8Array> {
  rememberImportsOf(request.report, request.imports);
  return format === 'docx' ? renderDocx(request.report, request.views) : renderWorkbook(request.report, request.views);
}
