// The one write pipeline. Every write handler is built from it, so every
// write is judged in the same order:
//   403 no valid CSRF token (csrf.ts), 400 malformed path id, 404 unknown
//   record, 428 no If-Match, 412 stale If-Match (nothing changed), 400 body
//   not a JSON object, 422 invalid fields, 409 business rule, then the change.
import type { HttpResponseResolver, PathParams } from 'msw';
import { csrfRefusal } from './csrf';
import { ifMatchHolds } from './ifMatch';
import { invalid, lookup, param, problem, recordResponse } from './http';
import { exclusive } from './persistence';
import { KIND_LABELS, type Kind, type RecordOf } from './records';
import {
  isJsonObject,
  validateBody,
  type BodySchema,
  type InvalidFields,
  type JsonObject,
} from './validation';

export interface WriteOperation<K extends Kind, B> {
  kind: K;
  /** The path parameter that names the record the If-Match is about. */
  idParam: string;
  /** A parent in the path the record must belong to; a stranger's record is 404. */
  owner?: { param: string; kind: Kind; idOf: (record: RecordOf[K]) => string | null };
  body: BodySchema<B>;
  /** For operations without a request body (approveShipment): an empty body is fine. */
  bodyOptional?: true;
  /** Rules across fields, judged against the current record: 422. */
  refine?: (body: B, record: RecordOf[K]) => InvalidFields | undefined;
  /** A business rule the change would break: 409 with this detail. */
  conflict?: (record: RecordOf[K], body: B) => string | undefined;
  /** Makes the change and returns the record to answer with. */
  apply: (record: RecordOf[K], body: B) => { eTag: string };
}

// JSON.parse only ever creates own properties, so a '__proto__' key stays
// data; validation then refuses it as an unknown field.
function parseObject(text: string, optional: boolean): JsonObject | undefined {
  if (optional && text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function judge<K extends Kind, B>(
  operation: WriteOperation<K, B>,
  params: PathParams,
  ifMatch: string | null,
  text: string,
): Response {
  const { kind, owner } = operation;
  const label = KIND_LABELS[kind];

  const ownerFound = owner && lookup(owner.kind, params, owner.param);
  if (ownerFound?.response && ownerFound.response.status === 400) return ownerFound.response;
  const found = lookup(kind, params, operation.idParam);
  if (found.response) return found.response;
  if (ownerFound?.response) return ownerFound.response;
  const record = found.record;
  if (owner && owner.idOf(record) !== param(params, owner.param).toLowerCase()) {
    return problem(
      404,
      `The ${label} ${record.id} is not part of that ${KIND_LABELS[owner.kind]}.`,
    );
  }

  if (ifMatch === null || ifMatch.trim() === '') {
    return problem(428, `Send the ${label}'s eTag in If-Match to change it.`);
  }
  if (!ifMatchHolds(ifMatch, record.eTag)) {
    return problem(
      412,
      `The ${label} was changed by someone else since you loaded it. Nothing was changed: reload it and try again.`,
    );
  }

  const json = parseObject(text, operation.bodyOptional === true);
  if (!json) return problem(400, 'The request body must be a JSON object.');
  const validated = validateBody(json, operation.body, record);
  if ('invalid' in validated) return invalid(validated.invalid);
  const body = validated.value;
  const refused = operation.refine?.(body, record);
  if (refused) return invalid(refused);

  const conflict = operation.conflict?.(record, body);
  if (conflict) return problem(409, conflict);

  return recordResponse(operation.apply(record, body));
}

export function write<K extends Kind, B>(
  operation: WriteOperation<K, B>,
): HttpResponseResolver<PathParams> {
  return async ({ request, params, cookies }) => {
    const forbidden = csrfRefusal(request, cookies);
    if (forbidden) return problem(403, forbidden);
    // The only await comes first: from here on the write is judged and applied
    // in one exclusive step (across tabs too), so concurrent writes with one eTag cannot both win.
    const text = await request.text();
    return exclusive(() => judge(operation, params, request.headers.get('If-Match'), text));
  };
}
