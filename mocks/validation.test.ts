// @vitest-environment node
// The mock's body rules are written by hand for speed and clear messages;
// this test holds them to the OpenAPI document so the two cannot drift.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { updateCustomer } from './handlers/customer';
import { serviceItemCodes, tioRemarks } from './handlers/moveTaskOrder';
import { updateStatus } from './handlers/mtoServiceItem';
import { updateOrder } from './handlers/order';
import { rejectShipment } from './handlers/shipment';
import type { Rule } from './validation';

interface SpecSchema {
  $ref?: string;
  type?: string;
  enum?: string[];
  pattern?: string;
  format?: string;
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  required?: string[];
  additionalProperties?: boolean;
  properties?: Record<string, SpecSchema>;
}

const document = parse(
  readFileSync(new URL('../public/ghc/v1/swagger.yaml', import.meta.url), 'utf8'),
) as { components: { schemas: Record<string, SpecSchema> } };

function resolve(schema: SpecSchema): SpecSchema {
  return schema.$ref ? document.components.schemas[schema.$ref.split('/').pop()!] : schema;
}

/** The spec's view of one rule, in the rule's own terms. */
function fromSpec(raw: SpecSchema): Rule {
  const schema = resolve(raw);
  if (schema.enum) return { type: 'enum', values: schema.enum };
  if (schema.type === 'boolean') return { type: 'boolean' };
  if (schema.type === 'object') {
    return {
      type: 'object',
      fields: Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, property]) => [
          name,
          fromSpec(property),
        ]),
      ),
      required: schema.required ?? [],
    };
  }
  return {
    type: 'string',
    ...(schema.nullable ? { nullable: true } : {}),
    ...(schema.minLength !== undefined ? { minLength: schema.minLength } : {}),
    ...(schema.maxLength !== undefined ? { maxLength: schema.maxLength } : {}),
    ...(schema.pattern ? { pattern: new RegExp(schema.pattern) } : {}),
    ...(schema.format === 'email' || schema.format === 'date' ? { format: schema.format } : {}),
  };
}

describe('the body rules agree with swagger.yaml', () => {
  it.each<[string, { fields: Record<string, Rule>; required?: readonly string[] }]>([
    ['MTOApprovalServiceItemCodes', serviceItemCodes],
    ['UpdateTIORemarksPayload', tioRemarks],
    ['UpdateCustomerPayload', updateCustomer],
    ['UpdateOrderPayload', updateOrder],
    ['RejectShipment', rejectShipment],
    ['PatchMTOServiceItemStatusPayload', updateStatus],
  ])('%s', (name, schema) => {
    const spec = document.components.schemas[name];
    expect(spec.additionalProperties).toBe(false);
    const expected = fromSpec(spec) as Extract<Rule, { type: 'object' }>;
    expect(schema.fields).toEqual(expected.fields);
    expect([...(schema.required ?? [])].sort()).toEqual([...expected.required].sort());
  });
});
