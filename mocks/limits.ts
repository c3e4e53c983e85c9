// What the mock takes of a request, in the browser mock and in the HTTP
// server alike: a body of at most 1 MB (the largest write the app sends is a
// few kilobytes) and headers of at most 1 MB, the default of Go's net/http
// (http.DefaultMaxHeaderBytes) that GHC.md finds no setting for, so a long
// If-Match gets the answer the real server gives it. Nothing larger is
// read: a 300 MB body is refused from its Content-Length, or after its first
// megabyte when it comes in chunks. The real server's body limit is not
// determined; the mock's is its own, so that no client can fill its memory.
import { problem } from './http';

export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_HEADER_BYTES = 1024 * 1024;

/** The 413 for a body over the limit, answered before the rest of it is read. */
export const bodyTooLarge = () =>
  problem(
    413,
    'Payload Too Large',
    `The request body is larger than ${MAX_BODY_BYTES} bytes, the most this server takes.`,
  );

/** The 431 for headers over the limit, as the HTTP server's parser answers it: no body. */
export const headersTooLarge = () =>
  new Response(null, { status: 431, headers: { Connection: 'close' } });

/** Whether a declared Content-Length is over the limit (an unparsable one is left to the reader). */
export function declaresTooMuch(contentLength: string | null | undefined): boolean {
  return contentLength != null && Number(contentLength) > MAX_BODY_BYTES;
}

/** The size of the headers as sent: each name, ': ', value and CRLF. */
export function headerBytes(headers: Headers): number {
  let bytes = 0;
  headers.forEach((value, name) => (bytes += name.length + value.length + 4));
  return bytes;
}

/** The refusal a request gets from its headers alone, before anything reads its body. */
export function refusedFromHeaders(request: Request): Response | undefined {
  if (headerBytes(request.headers) > MAX_HEADER_BYTES) return headersTooLarge();
  if (declaresTooMuch(request.headers.get('Content-Length'))) return bodyTooLarge();
  return undefined;
}

export class BodyTooLarge extends Error {
  constructor() {
    super(`request body over ${MAX_BODY_BYTES} bytes`);
  }
}

/**
 * Collects chunks of a body, counting bytes as they come: throws BodyTooLarge
 * as soon as they pass the limit, so the caller stops reading there.
 */
export async function collectLimited(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const kept: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += chunk.byteLength;
    if (bytes > MAX_BODY_BYTES) throw new BodyTooLarge();
    kept.push(chunk);
  }
  return kept;
}

/** A request's body as text, read up to the limit; BodyTooLarge beyond it. */
export async function limitedText(request: Request): Promise<string> {
  if (declaresTooMuch(request.headers.get('Content-Length'))) throw new BodyTooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks = (async function* () {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      // Stops the stream where the reading stopped, past the limit included.
      await reader.cancel().catch(() => undefined);
    }
  })();
  const decoder = new TextDecoder();
  return (
    (await collectLimited(chunks))
      .map((chunk) => decoder.decode(chunk, { stream: true }))
      .join('') + decoder.decode()
  );
}
