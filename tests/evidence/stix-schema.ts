import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

// The OASIS STIX 2.1 JSON schemas (../shared/schemas/stix2.1, BSD-3) through ajv 8, as the stack
// notes prescribe. Returns the errors (empty = valid), each naming the object and the path.
const ROOT = path.resolve(process.cwd(), '../../shared/schemas/stix2.1/schemas');
const root = () => {
  for (const c of [
    ROOT,
    '/work/shared/schemas/stix2.1/schemas',
    path.resolve(process.cwd(), '../shared/schemas/stix2.1/schemas'),
  ])
    try {
      readdirSync(c);
      return c;
    } catch {
      /* next */
    }
  throw new Error('STIX 2.1 schemas not found (../shared/schemas/stix2.1)');
};

export function validateStixBundle(bundle: { objects: { type: string; id: string }[] }): string[] {
  const ajv = new Ajv2020({ strict: false, unicodeRegExp: false, allErrors: false });
  addFormats(ajv);
  const dir = root();
  for (const sub of readdirSync(dir))
    for (const f of readdirSync(path.join(dir, sub)))
      ajv.addSchema(JSON.parse(readFileSync(path.join(dir, sub, f), 'utf8')));
  const base = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas';
  const errors: string[] = [];
  const check = (id: string, v: unknown, what: string) => {
    const validate = ajv.getSchema(`${base}/${id}`)!;
    if (!validate(v)) errors.push(`${what}: ${ajv.errorsText(validate.errors)}`);
  };
  check('common/bundle.json', bundle, 'bundle');
  const folder: Record<string, string> = { relationship: 'sros', sighting: 'sros' };
  const scos = new Set(
    readdirSync(path.join(dir, 'observables')).map((f) => f.replace('.json', '')),
  );
  for (const o of bundle.objects)
    check(
      `${folder[o.type] ?? (scos.has(o.type) ? 'observables' : 'sdos')}/${o.type}.json`,
      o,
      o.id,
    );
  return errors;
}
